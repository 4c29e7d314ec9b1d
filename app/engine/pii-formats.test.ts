import { describe, expect, test } from "vitest";
import { PII_KINDS as STORED_KINDS } from "~db/vocabulary";
import { detectPii, normalizeForPii, PII_KINDS, REDACTION_LABELS, redact, redactable, type PiiKind } from "./pii";

// Every number here is invented; identity numbers carry a correct GB 11643 check code, card numbers a
// correct Luhn digit. These are the formats of the "Safe to go live" issue, point 1, one class each.
const ID = "210102198003151239";
const found = (text: string) => detectPii(text).map((m) => [m.kind, m.text, m.confidence]);
const kinds = (text: string) => detectPii(text).map((m) => m.kind);

describe("identity numbers with separators", () => {
  test.each([
    ["身份证210102-19800315-1239", "210102-19800315-1239"],
    ["身份证 210102 19800315 1239", "210102 19800315 1239"],
    ["身份证 2101 0219 8003 1512 39", "2101 0219 8003 1512 39"],
    ["身份证２１０１０２－１９８００３１５－１２３９", "２１０１０２－１９８００３１５－１２３９"],
    ["身份证210102/19800315/1239", "210102/19800315/1239"],
    ["身份证二一〇一〇二一九八〇〇三一五一二三九", "二一〇一〇二一九八〇〇三一五一二三九"],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual([["id_card", expected, "high"]]);
  });

  test("a labelled number whose check code fails is flagged for the moderator, an unlabelled one is not", () => {
    expect(found("身份证号：210102198003151238")).toEqual([["id_card", "210102198003151238", "low"]]);
    expect(found("编码210102198003151238")).toEqual([]);
  });
});

describe("mobile numbers with prefixes, separators and Chinese numerals", () => {
  test.each([
    ["Tel13912345678", "13912345678"],
    ["TEL:139-1234-5678", "139-1234-5678"],
    ["联系139/1234/5678", "139/1234/5678"],
    ["联系139，1234，5678", "139，1234，5678"],
    ["联系139、1234、5678", "139、1234、5678"],
    ["联系1391 2345 678", "1391 2345 678"],
    ["电话一三九一二三四五六七八", "一三九一二三四五六七八"],
    ["电话幺三九幺二三四五六七八", "幺三九幺二三四五六七八"],
    ["电话幺三九，洞洞洞洞，幺二三四", "幺三九，洞洞洞洞，幺二三四"],
    ["电话一三九两二三四五六七八", "一三九两二三四五六七八"],
    ["电话139一二三四5678", "139一二三四5678"],
    ["电话１３９一二三四５６７８", "１３９一二三四５６７８"],
    ["电话壹叁玖壹贰叁肆伍陆柒捌", "壹叁玖壹贰叁肆伍陆柒捌"],
    ["电话1 3 9 1 2 3 4 5 6 7 8", "1 3 9 1 2 3 4 5 6 7 8"],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual([["phone", expected, "high"]]);
  });

  test("spelled digits keep their offsets in the original text", () => {
    const text = "👍请打一三九一二三四五六七八";
    const [m] = detectPii(text);
    expect(text.slice(m.start, m.end)).toBe("一三九一二三四五六七八");
    expect(normalizeForPii(text)).toHaveLength(text.length);
  });
});

describe("e-mail addresses written to dodge filters", () => {
  test.each([
    "name at 126 dot com",
    "name AT 126 DOT com",
    "name＠126．com",
    "name[at]qq.com",
    "name(at)qq.com",
    "name[at]126[dot]com",
    "name艾特163点com",
    "name#qq.com",
    "name@163。com",
  ])("%s", (address) => {
    expect(found(`邮箱${address}，谢谢`)).toEqual([["email", address, "high"]]);
  });

  test("spelled-out separators need a real domain", () => {
    expect(found("we meet at noon dot thirty")).toEqual([]);
    expect(found("第3#楼.5层")).toEqual([]);
  });
});

describe("QQ, WeChat, plates, passports and certificate numbers", () => {
  test.each<[string, PiiKind, string]>([
    ["QQ：123456789", "qq", "123456789"],
    ["我的扣扣 98765432", "qq", "98765432"],
    ["企鹅号1234567", "qq", "1234567"],
    ["微信号：zhang_san88", "wechat", "zhang_san88"],
    ["加我vx abc12345", "wechat", "abc12345"],
    ["V信 Li-Na2020", "wechat", "Li-Na2020"],
    ["wxid_abcdef123456", "wechat", "wxid_abcdef123456"],
    ["车牌辽A12345的车", "plate", "辽A12345"],
    ["车牌辽A·1234B的车", "plate", "辽A·1234B"],
    ["新能源车辽AD12345", "plate", "辽AD12345"],
    ["车牌辽 A12345的车", "plate", "辽 A12345"],
    ["新能源车辽A12345F", "plate", "辽A12345F"],
    ["护照号E12345678", "passport", "E12345678"],
    ["护照：EA1234567", "passport", "EA1234567"],
    ["护照 G12345678", "passport", "G12345678"],
    ["优待证号6217 0000 1234 5678 901", "certificate", "6217 0000 1234 5678 901"],
    ["士兵证号：兵字第1234567", "certificate", "兵字第1234567"],
  ])("%s", (text, kind, expected) => {
    expect(found(text)).toEqual([[kind, expected, "high"]]);
  });

  test("a QQ or WeChat id needs its label, and QQ numbers have 5 to 11 digits", () => {
    expect(kinds("请回复123456789")).toEqual([]);
    expect(kinds("QQ：1234")).toEqual([]);
    expect(kinds("微信 WeChat 小程序")).toEqual([]);
    expect(kinds("关注微信公众号")).toEqual([]);
  });

  test("an unlabelled passport-shaped code is only flagged", () => {
    expect(found("编号E12345678")).toEqual([["passport", "E12345678", "low"]]);
    expect(found("型号E5-2680和G1234次列车")).toEqual([]);
  });

  test("an advertiser's ids beside a 400 number are the business's, not personal data", () => {
    expect(kinds("低息贷款！详情加微信 dk88899 或致电 400-820-6688")).toEqual([]);
  });
});

describe("persons' names", () => {
  test.each([
    ["我父亲王建国今年八十岁了。", "王建国", "low"],
    ["邻居张秀英也是军属。", "张秀英", "low"],
    ["我叫郑宏伟，在大连开汽修店。", "郑宏伟", "high"],
    ["联系人：李淑芬", "李淑芬", "high"],
    ["建议加快办理。——刘德明", "刘德明", "high"],
    ["此致\n敬礼\n高建军", "高建军", "high"],
    ["尊敬的县长：本人刘海利，男，中共党员", "刘海利", "high"],
    ["实名举报人:申三定", "申三定", "high"],
  ])("%s", (text, name, confidence) => {
    expect(found(text)).toEqual([["name", name, confidence]]);
  });

  test.each([
    "习近平总书记强调要关心退役军人",
    "学习雷锋精神",
    "王先生和刘女士都反映过",
    "张某某的情况属于个例",
    "高中生子女升学",
    "黄金周期间免票",
    "文明城市创建",
    "麓枫和苑南门唐家洲路段",
    "万家丽北路以西",
    "拨打万乐家公司的电话",
  ])("leaves alone: %s", (text) => {
    expect(kinds(text)).toEqual([]);
  });

  test("the analysis engine can leave names out", () => {
    expect(kinds("我叫郑宏伟，电话13912345678")).toEqual(["name", "phone"]);
    expect(kinds("我叫郑宏伟，电话13912345678")).toHaveLength(2);
    expect(detectPii("我叫郑宏伟，电话13912345678", { names: false }).map((m) => m.kind)).toEqual(["phone"]);
  });
});

describe("near misses", () => {
  test.each([
    "金额13,912,345,678元",
    "订单号202603151234567890",
    "订单号0779-3658-7210",
    "快递单号13912345678",
    "GB 18030-2005",
    "辽ICP备12345678号",
    "2026-03-15 14:30:00",
    "二〇二六年三月十五日",
    "一二三四",
    "第十二条第二款",
    "辽政发〔2023〕12号",
    "全省已发放优待证1234567张",
    "比分是1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
    "途经的公交有19、812、501、213、139路",
    "服务器地址121.41.105.198和121.41.105.199",
    "停水日期7/24，7/28，7/29，7/30，8/2，8/16，8/20",
  ])("%s", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("kinds", () => {
  test("every kind has a redaction label and can be stored", () => {
    expect([...STORED_KINDS]).toEqual([...PII_KINDS]);
    for (const kind of PII_KINDS) expect(REDACTION_LABELS[kind]).toMatch(/^\[.+已隐去\]$/);
    expect(redact("QQ：123456789", detectPii("QQ：123456789"))).toBe("QQ：[QQ号已隐去]");
  });

  test("only high-confidence matches are redacted without a moderator", () => {
    const text = "我父亲王建国，电话13912345678";
    expect(redact(text, redactable(detectPii(text)))).toBe("我父亲王建国，电话[手机号已隐去]");
  });
});
