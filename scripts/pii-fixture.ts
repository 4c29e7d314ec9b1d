import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "~/engine/prng";
import { idCardCheckCode } from "~/engine/pii-validators";
import type { PiiFixture, PiiFixtureCase } from "~/engine/pii-evaluation";

/**
 * npx tsx scripts/pii-fixture.ts — writes app/engine/pii-fixture.json: synthetic comments holding personal data
 * in every format the detector must find, and near-miss comments (order numbers, dates, article and statute
 * numbers, amounts, hotlines) it must leave alone. Every number is invented; identity numbers get a correct
 * check code and card numbers a correct Luhn digit, so they pass as real ones would. Seeded, so reruns agree.
 */
const random = seededRandom(20260315);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const REGIONS = [
  "210102",
  "210103",
  "210105",
  "210202",
  "210211",
  "210302",
  "210402",
  "210603",
  "210711",
  "211002",
  "110105",
  "310104",
  "440305",
  "510107",
  "370202",
];
function idNumber(): string {
  const first17 = `${pick(REGIONS)}${int(1940, 2012)}${pad(int(1, 12))}${pad(int(1, 28))}${digits(3)}`;
  return first17 + idCardCheckCode(first17);
}
function idNumberWithX(): string {
  for (;;) {
    const id = idNumber();
    if (id.endsWith("X")) return id;
  }
}
const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "157",
  "158",
  "159",
  "166",
  "173",
  "177",
  "180",
  "181",
  "182",
  "185",
  "186",
  "187",
  "188",
  "189",
  "191",
  "198",
  "199",
];
const mobile = () => pick(MOBILE_PREFIXES) + digits(8);
function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}
const bankCard = () => luhnComplete(pick(["622202", "621700", "622848", "621799", "622588", "623052", "955880"]) + digits(pick([9, 12])));

const SPELLED: Record<string, string[]> = {
  "0": ["零", "〇", "洞"],
  "1": ["一", "幺"],
  "2": ["二", "两"],
  "3": ["三"],
  "4": ["四"],
  "5": ["五"],
  "6": ["六"],
  "7": ["七"],
  "8": ["八"],
  "9": ["九"],
};
const spell = (s: string) => [...s].map((c) => (c in SPELLED ? pick(SPELLED[c]) : c)).join("");
const group = (s: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(s.slice(at, at + size));
    at += size;
  }
  if (at < s.length) out.push(s.slice(at));
  return out.join(sep);
};

const positives: PiiFixtureCase[] = [];
const negatives: PiiFixtureCase[] = [];
function positive(format: string, template: string, kind: PiiFixtureCase["pii"][number]["kind"], value: string) {
  positives.push({ format, text: template.replace("{}", value), pii: [{ kind, text: value }] });
}

// --- identity numbers
const ID_TEMPLATES = [
  "本人身份证号{}，情况可以核实。",
  "我的证件号码是{}，请工作人员帮忙查询优待证进度。",
  "老人家的身份证：{}，一直没办下来。",
  "提供一下信息：{}，希望尽快回复。",
  "申请人 {} 已经提交材料两个月了。",
];
for (let i = 0; i < 8; i++) positive("id_card/plain", pick(ID_TEMPLATES), "id_card", idNumber());
for (let i = 0; i < 8; i++) positive("id_card/dashes 6-8-4", pick(ID_TEMPLATES), "id_card", group(idNumber(), [6, 8], "-"));
for (let i = 0; i < 6; i++) positive("id_card/spaces 6-8-4", pick(ID_TEMPLATES), "id_card", group(idNumber(), [6, 8], " "));
for (let i = 0; i < 6; i++) positive("id_card/spaces 4-4-4-4-2", pick(ID_TEMPLATES), "id_card", group(idNumber(), [4, 4, 4, 4], " "));
for (let i = 0; i < 6; i++) positive("id_card/full-width", pick(ID_TEMPLATES), "id_card", fullWidth(pick([idNumber(), group(idNumber(), [6, 8], "-")])));
for (let i = 0; i < 5; i++) positive("id_card/check code X", pick(ID_TEMPLATES), "id_card", pick([idNumberWithX(), group(idNumberWithX(), [6, 8], "-")]));
for (let i = 0; i < 4; i++) positive("id_card/Chinese numerals", pick(ID_TEMPLATES), "id_card", spell(idNumberWithoutX()));
for (let i = 0; i < 4; i++) {
  const id = `${pick(REGIONS)}${int(1950, 1999)}0${int(1, 9)}${pad(int(10, 28))}${digits(3)}`;
  const wrong = id + String((Number(idCardCheckCode(id) === "X" ? 10 : idCardCheckCode(id)) + 1) % 10);
  positive("id_card/mistyped check code, labelled (low)", "我的身份证号：{}，请核实。", "id_card", wrong);
}
for (let i = 0; i < 3; i++)
  positive("id_card/15 digits", "老身份证号{}，还是一代证。", "id_card", `${pick(REGIONS)}${pad(int(40, 80))}${pad(int(1, 12))}${pad(int(1, 28))}${digits(3)}`);
function idNumberWithoutX(): string {
  for (;;) {
    const id = idNumber();
    if (!id.endsWith("X")) return id;
  }
}

// --- mobile numbers
const PHONE_TEMPLATES = [
  "有问题可以打我电话{}，白天都在。",
  "联系方式：{}",
  "希望工作人员联系我一下 {} 谢谢",
  "我的手机{}，随时可以沟通。",
  "麻烦回个电话{}。",
];
const mobileFormats: Array<[string, () => string]> = [
  ["plain", mobile],
  ["3-4-4 spaces", () => group(mobile(), [3, 4], " ")],
  ["3-4-4 dashes", () => group(mobile(), [3, 4], "-")],
  ["3-4-4 slashes", () => group(mobile(), [3, 4], "/")],
  ["3-4-4 dots", () => group(mobile(), [3, 4], ".")],
  ["3-4-4 Chinese commas", () => group(mobile(), [3, 4], "，")],
  ["3-4-4 enumeration commas", () => group(mobile(), [3, 4], "、")],
  ["4-4-3 spaces", () => group(mobile(), [4, 4], " ")],
  ["full-width", () => fullWidth(mobile())],
  ["full-width dashes", () => fullWidth(group(mobile(), [3, 4], "-"))],
  ["Chinese numerals", () => spell(mobile())],
  ["Chinese numerals with commas", () => group(spell(mobile()), [3, 4], "，")],
  [
    "mixed digits and numerals",
    () => {
      const m = mobile();
      return m.slice(0, 3) + spell(m.slice(3, 7)) + m.slice(7);
    },
  ],
  ["+86", () => `+86 ${group(mobile(), [3, 4], " ")}`],
  ["0086", () => `0086${mobile()}`],
];
for (const [name, make] of mobileFormats) for (let i = 0; i < 4; i++) positive(`phone/${name}`, pick(PHONE_TEMPLATES), "phone", make());
for (const label of ["电话", "手机", "手机号", "联系电话", "Tel", "TEL:", "tel.", "Mobile", "Phone:"]) {
  for (let i = 0; i < 3; i++)
    positive(`phone/label ${label} glued`, `联系方式 ${label}{}，谢谢。`, "phone", pick([mobile(), spell(mobile()), group(mobile(), [3, 4], "-")]));
}

for (let i = 0; i < 3; i++) positive("phone/every digit spaced", "我的电话是{}，谢谢。", "phone", mobile().split("").join(" "));
for (let i = 0; i < 3; i++)
  positive(
    "phone/financial numerals",
    "手机号：{}",
    "phone",
    mobile().replace(/\d/g, (d) => "零壹贰叁肆伍陆柒捌玖"[Number(d)])
  );

// --- landlines
for (let i = 0; i < 15; i++) {
  const area = pick(["024", "0411", "010", "021", "0412", "0415"]);
  const number = `${area}${pick(["-", " ", ""])}${int(2, 8)}${digits(area.length === 3 && area !== "010" && area !== "021" ? 7 : 7)}`;
  positive("landline", pick(["单位电话{}，工作日都在。", "办公室座机：{}", "可拨打{}找我。"]), "landline", number);
}

// --- e-mail
const LOCALS = ["zhangwei", "li.na88", "wang_jun", "liuyang1990", "chenjing", "yangfan.sy", "zhaolei2008", "sunli", "zhoumin_dl", "wuhao66"];
const PROVIDERS = ["126.com", "163.com", "qq.com", "sina.com", "139.com", "foxmail.com", "gmail.com", "hotmail.com", "yeah.net", "sohu.com"];
const EMAIL_TEMPLATES = ["邮箱{}，材料可以发过去。", "请把回复发到我邮箱 {} 谢谢", "联系邮箱：{}", "电子邮件{}。"];
const emailFormats: Array<[string, (l: string, d: string) => string]> = [
  ["plain", (l, d) => `${l}@${d}`],
  ["full-width ＠ and ．", (l, d) => `${l}＠${d.replace(".", "．")}`],
  ["at / dot words", (l, d) => `${l} at ${d.replace(".", " dot ")}`],
  ["AT / DOT capitals", (l, d) => `${l} AT ${d.replace(".", " DOT ")}`],
  ["[at]", (l, d) => `${l}[at]${d}`],
  ["(at)", (l, d) => `${l}(at)${d}`],
  ["[at] [dot]", (l, d) => `${l}[at]${d.replace(".", "[dot]")}`],
  ["艾特 点", (l, d) => `${l}艾特${d.replace(".", "点")}`],
  ["# for @", (l, d) => `${l}#${d}`],
  ["。 for .", (l, d) => `${l}@${d.replace(".", "。")}`],
  ["spaces around @", (l, d) => `${l} @ ${d}`],
];
for (const [name, make] of emailFormats)
  for (let i = 0; i < 4; i++) positive(`email/${name}`, pick(EMAIL_TEMPLATES), "email", make(pick(LOCALS), pick(PROVIDERS)));

// --- QQ, WeChat
const qq = () => String(int(1, 9)) + digits(int(4, 10));
for (const label of ["QQ", "qq", "QQ号", "QQ：", "扣扣", "企鹅号", "Q号"])
  for (let i = 0; i < 3; i++) {
    positive(`qq/label ${label}`, pick([`我的${label}{}，方便联系。`, `有事加${label} {}`, `${label}是{}`]), "qq", qq());
  }
const WECHAT_IDS = ["zhangwei_88", "lina1990", "wxhao_dl", "Yang_Fan2020", "sunli-sy", "zhao123456", "liuyang_ln", "chen2026jing"];
for (const label of ["微信", "微信号", "wx", "WX:", "vx", "VX：", "V信", "威信", "薇信"])
  for (let i = 0; i < 3; i++) {
    positive(
      `wechat/label ${label}`,
      pick([`加我${label}{}详聊`, `${label} {} 欢迎交流`, `我的${label}是{}。`]),
      "wechat",
      pick(WECHAT_IDS) + digits(int(0, 2))
    );
  }

// --- plates
const PROVINCE_CHARS = "辽京津沪冀吉黑苏浙鲁粤川";
const PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
for (let i = 0; i < 14; i++) {
  const serial = random() < 0.5 ? digits(5) : `${digits(3)}${pick([...PLATE_LETTERS])}${digits(1)}`;
  positive(
    "plate/ordinary",
    pick(["我的车牌号{}，在停车场被扣了。", "车牌 {} 的车常年占用消防通道。", "{}这辆车每天停在小区门口。"]),
    "plate",
    `${pick([...PROVINCE_CHARS])}${pick([...PLATE_LETTERS])}${pick(["", "·", " "])}${serial}`
  );
}
for (let i = 0; i < 11; i++) {
  const serial = random() < 0.5 ? `${pick(["D", "F"])}${pick([...PLATE_LETTERS, "1", "2"])}${digits(4)}` : `${digits(5)}${pick(["D", "F"])}`;
  positive(
    "plate/new energy (8 characters)",
    pick(["新能源车{}，充电桩被占。", "我的电动车牌照{}，申请停车优惠。"]),
    "plate",
    `${pick([...PROVINCE_CHARS])}${pick([...PLATE_LETTERS])}${serial}`
  );
}

for (let i = 0; i < 3; i++)
  positive("plate/space after the province", "车牌{}的车堵门", "plate", `${pick([...PROVINCE_CHARS])} ${pick([...PLATE_LETTERS])}${digits(5)}`);

// --- passports
for (let i = 0; i < 8; i++)
  positive("passport/E + 8 digits, labelled", pick(["护照号{}，出境要用。", "护照号码：{}", "我的护照 {} 已过期"]), "passport", `E${digits(8)}`);
for (let i = 0; i < 6; i++)
  positive("passport/E + letter + 7 digits, labelled", pick(["护照号{}。", "护照：{}"]), "passport", `E${pick([..."ABCDEFGHJK"])}${digits(7)}`);
for (let i = 0; i < 6; i++) positive("passport/G series, labelled", pick(["旧护照号码{}", "护照 {} 还在有效期"]), "passport", `G${digits(8)}`);

// --- certificates (优待证 is issued on a bank debit card, so its number is a card number)
for (let i = 0; i < 10; i++)
  positive(
    "certificate/优待证",
    pick(["我的优待证号{}，刷卡坐公交不成功。", "优待证卡号：{}", "优待证编号 {} 补办"]),
    "certificate",
    pick([bankCard(), group(bankCard(), [4, 4, 4, 4], " ")])
  );
for (let i = 0; i < 5; i++)
  positive("certificate/残疾军人证", pick(["残疾军人证号{}，", "残疾军人证编号：{}"]), "certificate", `${int(1995, 2024)}${digits(18)}`.slice(0, 22));
for (let i = 0; i < 5; i++)
  positive("certificate/退役证, 士兵证", pick(["退役证号{}", "士兵证号：{}"]), "certificate", pick([`兵字第${digits(7)}`, `${digits(9)}`]));

// --- bank cards
for (let i = 0; i < 15; i++)
  positive(
    "bank_card",
    pick(["补贴请打到我卡上{}。", "银行卡号：{}", "工资卡 {} 一直没到账"]),
    "bank_card",
    pick([bankCard(), group(bankCard(), [4, 4, 4, 4], " "), group(bankCard(), [4, 4, 4, 4], "-")])
  );

// --- addresses
for (let i = 0; i < 10; i++)
  positive(
    "address",
    pick(["我家住在{}，楼下路灯坏了。", "请寄到{}。"]),
    "address",
    `${pick(["沈阳市皇姑区", "大连市甘井子区", "鞍山市铁东区"])}${pick(["黄河北大街", "华山路", "胜利南街"])}${int(1, 300)}号${int(1, 30)}号楼${int(
      1,
      6
    )}单元${int(1, 30)}0${int(1, 4)}室`
  );

// --- names: reported apart, see pii-evaluation.ts
const NAMES = [
  "王建国",
  "张秀英",
  "李淑芬",
  "刘德明",
  "陈立群",
  "杨海燕",
  "赵志刚",
  "黄玉梅",
  "周晓东",
  "吴桂兰",
  "徐建平",
  "孙丽华",
  "马文华",
  "朱红梅",
  "胡海波",
  "郭立新",
  "何秀兰",
  "高建军",
  "林淑华",
  "罗志强",
];
const NAME_TEMPLATES = [
  "我父亲{}今年八十岁了，一直没领到优待证。",
  "邻居{}也是军属，情况一样。",
  "我叫{}，是退役军人。",
  "联系人：{}",
  "我爱人{}在服务站排了三次队。",
  "反映人：退役军人 {}",
  "建议加快办理进度。——{}",
  "此致\n敬礼\n{}",
  "战友{}去年就办好了。",
  "我母亲{}腿脚不便，希望能上门办理。",
];
for (let i = 0; i < 60; i++) positive("name", NAME_TEMPLATES[i % NAME_TEMPLATES.length], "name", NAMES[i % NAMES.length]);

// --- near misses
function negative(format: string, text: string) {
  negatives.push({ format, text, pii: [] });
}
const date = () => ({ y: int(2019, 2027), m: int(1, 12), d: int(1, 28) });
for (let i = 0; i < 40; i++) {
  const kind = i % 5;
  const order = [
    `${date().y}${pad(date().m)}${pad(date().d)}${digits(int(8, 12))}`,
    `JD${digits(13)}`,
    `SF${digits(12)}`,
    `TB${digits(18)}`,
    `${digits(4)}-${digits(4)}-${digits(4)}`,
  ][kind];
  negative("order number", pick([`订单号${order}，退款一直没到。`, `快递单号：${order}`, `工单编号 ${order} 至今未办结`, `流水号${order}`]));
}
for (let i = 0; i < 50; i++) {
  const { y, m, d } = date();
  const forms = [
    `${y}-${pad(m)}-${pad(d)}`,
    `${y}/${m}/${d}`,
    `${y}.${pad(m)}.${pad(d)}`,
    `${y}${pad(m)}${pad(d)}`,
    `${y}年${m}月${d}日`,
    `${y}-${pad(m)}-${pad(d)} ${pad(int(8, 18))}:${pad(int(0, 59))}:${pad(int(0, 59))}`,
    `${y}年${m}月${d}日至${y + 1}年${m}月${d}日`,
    `二〇二六年三月十五日`,
  ];
  negative("date", pick([`我是${forms[i % forms.length]}去的服务站。`, `办法自${forms[i % forms.length]}起施行。`, `${forms[i % forms.length]}提交的申请`]));
}
const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "二十一", "三十五", "一百零五"];
for (let i = 0; i < 40; i++) {
  negative(
    "article number",
    pick([
      `建议第${pick(CN_NUM)}条第${pick(CN_NUM.slice(0, 5))}款增加残疾军人。`,
      `第${int(1, 60)}条和第${int(1, 60)}条有冲突。`,
      `第${pick(CN_NUM)}条第（${pick(CN_NUM.slice(0, 8))}）项写得不清楚`,
      `Article ${int(1, 60)}, paragraph ${int(1, 5)}`,
      `第${int(1, 12)}章第${int(1, 40)}节`,
    ])
  );
}
for (let i = 0; i < 50; i++) {
  const forms = [
    `${int(1, 999)},${digits(3)},${digits(3)}元`,
    `${int(1, 99)},${digits(3)}.${digits(2)}元`,
    `¥${int(1, 999)},${digits(3)}`,
    `${int(100, 99999)}.${digits(2)}元`,
    `${int(1, 999)}万元`,
    `${int(1, 99)}亿${int(1, 9999)}万元`,
    `${int(10, 5000)}元/月`,
    `${int(1, 99)}.${int(1, 9)}%`,
    `${int(1, 999)},${digits(3)},${digits(3)},${digits(3)}元`,
  ];
  negative(
    "amount",
    pick([`去年补贴总额${forms[i % forms.length]}，人均太少。`, `预算${forms[i % forms.length]}能不能公开？`, `标准提高到${forms[i % forms.length]}`])
  );
}
const STATUTES = [
  "国务院令第709号",
  "GB/T 2260-2007",
  "GB 11643-1999",
  "辽政发〔2023〕12号",
  "退役军人部发〔2020〕4号",
  "法释〔2021〕1号",
  "民发〔2019〕115号",
  "GB/T 22239-2019",
  "JGJ 50-2013",
  "财社〔2022〕182号",
  "ISO 9001:2015",
  "国办发〔2018〕1号",
  "(2023)辽01民终1234号",
  "辽ICP备12345678号",
  "ISBN 978-7-5097-1234-5",
];
for (let i = 0; i < 45; i++)
  negative(
    "statute or document number",
    pick([`依据${STATUTES[i % STATUTES.length]}的规定，`, `参照${STATUTES[i % STATUTES.length]}执行。`, `${STATUTES[i % STATUTES.length]}已经废止了吧？`])
  );
const HOTLINES = ["12345", "12348", "95588", "400-820-6688", "800-810-8888", "4006-123-456", "110", "120", "12315", "96111"];
for (let i = 0; i < 25; i++) negative("hotline", pick([`打${HOTLINES[i % HOTLINES.length]}没人接。`, `服务热线${HOTLINES[i % HOTLINES.length]}一直占线`]));
const OTHER = [
  () => `乘坐G${int(1000, 9999)}次列车去北京`,
  () => `航班CA${int(1000, 9999)}延误`,
  () => `邮编${int(110, 118)}000`,
  () => `全省共有${int(10, 99)}万${int(1000, 9999)}名退役军人`,
  () => `版本号V${int(1, 9)}.${int(0, 9)}.${int(0, 20)}`,
  () => `统一社会信用代码9121${digits(4)}MA0${digits(5)}X`,
  () => `${int(1, 300)}路公交车`,
  () => `第${int(1, 9)}批次共${int(100, 9999)}张卡`,
  () => `型号E5-${int(2600, 2699)}的设备`,
  () => `${int(2019, 2026)}-${int(2027, 2035)}年规划`,
  () => `房间${int(100, 999)}开会`,
  () => `王先生和刘女士都反映过这个问题`,
  () => `张某某的情况属于个例`,
  () => `习近平总书记强调要关心关爱退役军人`,
  () => `学习雷锋精神`,
  () => `文明城市创建`,
  () => `高中生子女升学加分`,
  () => `黄金周期间景区免票`,
  () => `${int(1, 12)}月${int(1, 28)}号前提交`,
  () => `微信公众号“辽宁退役军人”`,
  () => `可以用微信小程序申领`,
  () => `QQ群里通知过了`,
  () => `护照办理需要${int(5, 20)}个工作日`,
  () => `优待证申领后${int(10, 30)}个工作日制卡`,
  () => `车牌摇号政策`,
  () => `身份证复印件${int(2, 5)}份`,
  () => `${int(60, 90)}周岁以上老人`,
  () => `${int(1, 5)}号线地铁`,
  () => `建筑面积${int(50, 150)}.${int(1, 9)}平方米`,
  () => `${int(1, 30)}个工作日内`,
];
for (let i = 0; i < 120; i++) negative("other near miss", OTHER[i % OTHER.length]());

for (let i = 0; i < 10; i++)
  negative(
    "certificate count",
    pick([`全省已发放优待证${int(100000, 9999999)}张`, `累计办理残疾证${int(100000, 9999999)}个`, `社保卡发卡${int(1000000, 99999999)}万张`])
  );

for (let i = 0; i < 10; i++) {
  const list = Array.from({ length: int(4, 7) }, () => String(int(1, 999)));
  negative(
    "list of numbers",
    pick([
      `途经的公交有${list.join("、")}路`,
      `服务器IP ${list
        .slice(0, 4)
        .map((n) => String(Number(n) % 256))
        .join(".")}`,
      `停水日期${list.map((n) => `${int(1, 12)}/${(Number(n) % 28) + 1}`).join("，")}`,
    ])
  );
}

const fixture: PiiFixture = { positives, negatives };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = path.join(repoRoot, "app", "engine", "pii-fixture.json");
fs.writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
process.stdout.write(`${positives.length} positives, ${negatives.length} near misses written to ${path.relative(repoRoot, file)}\n`);
