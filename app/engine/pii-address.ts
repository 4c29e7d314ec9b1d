// Finds street-level addresses: a road, estate or village followed by a house number, or a
// building + unit + room. A district or city on its own (沈阳市皇姑区) is not personal data and is
// left alone; what makes an address identify a household is the number at the end.
//
// Chinese has no spaces, so where an address starts is guessed: from the anchor we walk left
// over Chinese characters until one that rarely occurs in place names but often in the sentence
// around them (住, 在, 的, 我 …). Characters that do occur in place names (和平区, 于洪区, 王家庄)
// must not be in that list.

const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff";
const NUM = "(?:\\d{1,5}(?:-\\d{1,5})?|[一二三四五六七八九十百零〇两]{1,5})";
// "号" followed by these is a date (3号前), a metro line, or a document number, not a house.
const NOT_A_HOUSE = "(?![线文令字码机位发]|前|后|以[前后]|之[前后]|截止|开始|开会|通知|起|左右|当天|那天|[上下中]午|晚上|早上)";

// 里 (光明里, 北三里) is a common street type but also ends 这里/家里/城里; those are cut off by
// the stop characters and the two-character minimum for the name below.
const NOT_A_QUANTITY = "(?![\\dA-Za-z号年月日元万个岁次天%.．])";

const ROAD = new RegExp(`(?:大街|大道|路|街|道|巷|胡同|弄|里|段)\\s?${NUM}\\s?(?:号(?:楼|院)?|弄|巷)${NOT_A_HOUSE}`, "g");
const ESTATE = new RegExp(
  `(?:小区|花园|家园|公寓|大厦|新村|社区|家属院|家属楼|宿舍|苑|公馆|新城|大院|山庄|庄园|村|屯)\\s?${NUM}\\s?(?:号楼|号院|栋|幢|座|号|组|期)${NOT_A_HOUSE}`,
  "g"
);
const BUILDING = new RegExp(
  `(?<![\\d一二三四五六七八九十百零〇两])${NUM}\\s?(?:号楼|栋|幢|座)\\s?${NUM}\\s?单元|(?<!\\d)\\d{1,2}\\s?单元\\s?\\d{2,5}(?:\\s?室|${NOT_A_QUANTITY})`,
  "g"
);

const COMPONENT = new RegExp(`^\\s?(?:${NUM}\\s?(?:号楼|号院|号|栋|幢|座|单元|层|楼|室|户|弄|组|社)|-\\d{1,5})`);
// A bare room number is only taken right after a building or unit, and never when it is
// followed by something that makes it a quantity or a date.
const BARE_ROOM = new RegExp(`^\\d{2,5}(?:-\\d{1,5})*${NOT_A_QUANTITY}`);
const ENDS_WITH_BUILDING = /(?:号楼|号院|栋|幢|座|单元|层|楼)$/;

// 号 and 室 end a previous address, so two addresses in one sentence stay apart.
const STOP_CHARS = new Set([..."的在住是我你他她它们了把从向往址为要请给寄送近旁附去来到这那个说有就都也很号室"]);
// Between two addresses: 南京北街12号和皇姑区… Only stripped after a number, since 和平区 is a name.
const JOINER_AFTER_NUMBER = /^[和与及或]/;
// The walk left also crosses the words of the sentence before the place name (希望尽快解决沈阳市…, 建议
// 和平区…): without them the redaction would swallow what the commenter asked for. None starts a place name.
const LEADING_PHRASES = new RegExp(
  `^(?:${[
    "位于",
    "老家",
    "家庭",
    "户籍",
    "籍贯",
    "现居",
    "居住",
    "通讯",
    "联系",
    "邮寄",
    "收件",
    "希望",
    "建议",
    "尽快",
    "解决",
    "反映",
    "关于",
    "要求",
    "请求",
    "恳请",
    "申请",
    "咨询",
    "投诉",
    "举报",
    "改善",
    "整治",
    "处理",
    "落实",
    "增设",
    "设立",
    "搬到",
    "搬迁",
    "靠近",
    "一直",
    "目前",
    "现在",
    "已经",
    "比如",
    "例如",
    "就是",
    "因为",
    "但是",
    "而且",
    "以及",
    "还有",
    "如果",
    "对于",
    "针对",
    "尤其",
    "特别",
    "上周",
    "去年",
    "今年",
    "能否",
    "可否",
    "能不能",
    "一下",
  ].join("|")})+`
);
const MAX_NAME = 24;

function isCjk(c: string): boolean {
  return new RegExp(`[${CJK}]`).test(c);
}

function extendLeft(text: string, start: number): number {
  let s = start;
  while (s > 0 && start - s < MAX_NAME && isCjk(text[s - 1]) && !STOP_CHARS.has(text[s - 1])) s--;
  if (s > 0 && /[\d号室]/.test(text[s - 1]) && JOINER_AFTER_NUMBER.test(text[s])) s++;
  const lead = LEADING_PHRASES.exec(text.slice(s, start));
  return lead ? s + lead[0].length : s;
}

function extendRight(text: string, end: number): number {
  let e = end;
  for (let m = COMPONENT.exec(text.slice(e)); m; m = COMPONENT.exec(text.slice(e))) e += m[0].length;
  if (ENDS_WITH_BUILDING.test(text.slice(0, e))) {
    const room = BARE_ROOM.exec(text.slice(e));
    if (room) e += room[0].length;
  }
  return e;
}

/** Address spans in `text` (already normalised to half-width), merged and sorted. */
export function findAddresses(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const [pattern, named] of [
    [ROAD, true],
    [ESTATE, true],
    [BUILDING, false],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const anchor = m.index;
      const start = named ? extendLeft(text, anchor) : anchor;
      // A road or estate needs a name of at least two characters: 走路3号 is not an address.
      if (named && anchor - start < 2) continue;
      spans.push({ start, end: extendRight(text, anchor + m[0].length) });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
