import { describe, expect, test } from "vitest";
import { detectPii, redact, type PiiKind } from "./pii";

// Every number here is invented. The identity numbers were given a correct GB 11643 check code
// and the card numbers a correct Luhn digit, so they pass as real ones would.
const ID_18 = "110105198503151230";
const ID_18_X = "21010219820612103X";
const ID_15 = "110105850315123";
const CARD_19 = "6222021234567890128";
const CARD_16 = "4111111111111111";

const found = (text: string) => detectPii(text).map((m) => [m.kind, m.text]);
const only = (text: string, kind: PiiKind) => expect(found(text)).toEqual([[kind, expect.any(String)]]);

describe("mobile numbers", () => {
  test.each([
    ["电话13812345678", "13812345678"],
    ["电话 138 1234 5678 谢谢", "138 1234 5678"],
    ["电话138-1234-5678。", "138-1234-5678"],
    ["电话138.1234.5678", "138.1234.5678"],
    ["请联系+86 139 0000 1111", "+86 139 0000 1111"],
    ["请联系+86-13900001111", "+86-13900001111"],
    ["请联系+8613900001111", "+8613900001111"],
    ["请联系008613900001111", "008613900001111"],
    ["请联系(+86)13900001111", "(+86)13900001111"],
    ["请联系（＋８６）１９９００００１１１１", "（＋８６）１９９００００１１１１"],
    ["手机：１５９－４２００－７３１８", "１５９－４２００－７３１８"],
    ["Call me at 17712345678 please", "17712345678"],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual([["phone", expected]]);
  });

  test("finds several and reports UTF-16 offsets into the original text", () => {
    const text = "👍张先生13812345678，李女士１３９１２３４５６７８";
    const matches = detectPii(text);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [5, 16],
      [20, 31],
    ]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe("landlines", () => {
  test.each([
    "办公室024-86536021",
    "办公室024 8653 6021",
    "办公室(024)86536021",
    "办公室（024）8653-6021",
    "办公室0411-82345678",
    "办公室010-62345678",
    "办公室0755 2345678",
    "办公室02486536021",
    "办公室+86-24-86536021",
  ])("%s", (text) => {
    expect(found(text)).toEqual([["landline", text.slice(3)]]);
  });

  test.each([
    ["总机0411-82345678转123", "0411-82345678转123"],
    ["总机024-86536021-8001", "024-86536021-8001"],
    ["总机024-86536021分机12", "024-86536021分机12"],
  ])("keeps the extension with the number: %s", (text, expected) => {
    expect(found(text)).toEqual([["landline", expected]]);
  });
});

describe("identity numbers", () => {
  test("finds 18-digit numbers with a valid check code, X or x", () => {
    expect(found(`身份证号${ID_18}。`)).toEqual([["id_card", ID_18]]);
    expect(found(`身份证号${ID_18_X}，`)).toEqual([["id_card", ID_18_X]]);
    expect(found(`身份证号${ID_18_X.toLowerCase()}`)).toEqual([["id_card", ID_18_X.toLowerCase()]]);
  });

  test("finds numbers written in groups or with full-width digits", () => {
    only("身份证 110105 19850315 1230", "id_card");
    only("身份证 110105 1985 0315 1230", "id_card");
    only("身份证１１０１０５１９８５０３１５１２３０", "id_card");
  });

  test("finds legacy 15-digit numbers with a valid birth date", () => {
    expect(found(`老身份证${ID_15}`)).toEqual([["id_card", ID_15]]);
  });

  test.each([
    ["wrong check code", "110105198503151231"],
    ["wrong check code with X", "21010219820612104X"],
    ["no such date", "110105199002291234"],
    ["no such region", "990105198503151230"],
    ["15 digits, month 13", "110105851315123"],
  ])("ignores a number with %s", (_, number) => {
    expect(found(`编号${number}`)).toEqual([]);
  });
});

describe("bank cards", () => {
  test.each([
    [`卡号${CARD_19}`, CARD_19],
    [`卡号${CARD_16}`, CARD_16],
    ["卡号6222 0212 3456 7890 128", "6222 0212 3456 7890 128"],
    ["卡号6217-0000-1234-5670", "6217-0000-1234-5670"],
    ["卡号9558800123456789015", "9558800123456789015"],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual([["bank_card", expected]]);
  });

  test("finds a card inside a run of other numbers", () => {
    expect(found("转账 2026 6222 0212 3456 7890 128 元")).toEqual([["bank_card", "6222 0212 3456 7890 128"]]);
  });

  test.each([
    ["fails Luhn", "6222021234567890127"],
    ["no card issuer starts with 8", "8123456789012340"],
    ["no card issuer starts with 20", "2012345678901234567"],
    ["too long", "62220212345678901280"],
  ])("ignores a number that %s", (_, number) => {
    expect(found(`单号${number}`)).toEqual([]);
  });
});

describe("emails", () => {
  test.each([
    ["邮箱zhang.san@example.com谢谢", "zhang.san@example.com"],
    ["邮箱：li_si+yj@mail.example.org.cn。", "li_si+yj@mail.example.org.cn"],
    ["邮箱 wang5＠example．cn", "wang5＠example．cn"],
    ["13812345678@example.com", "13812345678@example.com"],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual([["email", expected]]);
  });
});

describe("things that are not personal data", () => {
  test.each([
    "市民热线12345，银行客服95588，移动客服10086",
    "服务热线400-810-1234或800 820 1234，400 8101234",
    "截至2026-03-01，20260301之后，2026/03/01",
    "第12条、第一百零五条和第5款",
    "补贴提高35%，达到1380元/月，共计13800000元",
    "2025年、2026年两年",
    "订单号202603011234567890，快递单号SF1234567890123",
    "流水号1234567890123456789",
    "国务院令第713号，国办发〔2018〕37号",
    "北京时间08:30-17:00，版本v1.2.3",
    "比例为1:3，编号No.13812345",
    "12月3号前提交，我们这里3号开会，家里5号装修",
    "沈阳市皇姑区和大连市",
    "乘坐8路公交车到地铁2号线",
  ])("%s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("redact", () => {
  test("replaces each detected span with a label for its kind", () => {
    const text = `王某，手机13812345678，座机024-86536021，身份证${ID_18}，邮箱a@example.com。`;
    expect(redact(text, detectPii(text))).toBe("王某，手机[手机号已隐去]，座机[电话号码已隐去]，身份证[身份证号已隐去]，邮箱[邮箱已隐去]。");
  });

  test("labels bank cards, addresses and spans a moderator marked", () => {
    const text = "卡号6217000012345670，住在和平区南京北街12号，微信号abc123";
    const spans = [...detectPii(text), { start: text.indexOf("abc123"), end: text.length, kind: "other" as const }];
    expect(redact(text, spans)).toBe("卡号[银行卡号已隐去]，住在[地址已隐去]，微信号[个人信息已隐去]");
  });

  test("merges overlapping spans in any order and clamps spans outside the text", () => {
    const text = "0123456789";
    expect(
      redact(text, [
        { start: 6, end: 20, kind: "phone" },
        { start: 1, end: 4, kind: "phone" },
        { start: 3, end: 5, kind: "email" },
        { start: 5, end: 5, kind: "email" },
      ])
    ).toBe("0[个人信息已隐去]5[手机号已隐去]");
  });

  test("leaves text without spans unchanged", () => {
    expect(redact("没有个人信息", [])).toBe("没有个人信息");
  });
});
