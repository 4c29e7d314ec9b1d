// Finds the articles a comment names explicitly: 第五条, 第5条, 第十二条第二款, 第三、四条,
// 第五条至第七条, Article 13, and 第二章 (all of its articles). Descriptive references ("the
// article about transport") are the analysis engine's job, not this module's.
import type { DraftArticle } from "./draft-parser";
import { parseChineseNumeral, toHalfWidthDigits } from "./chinese-numerals";

export interface ArticleRefSpan {
  start: number;
  end: number;
  text: string;
  kind: "article" | "chapter";
  numbers: number[];
  /** Names an article of another law (《退役军人保障法》第二十条), not of the draft. */
  external: boolean;
}

export interface ArticleRefOptions {
  /** The draft's title; a 《…》 title that matches it refers to the draft, not another law. */
  title?: string | null;
  /** The draft's text of article n: where it begins with the words after 第n条, they are quoted, not counted. */
  articleText?: (n: number) => string | undefined;
}

// 条 is also the measure word of long things: 第二条跑道, 第五条街, 第3条公交线路, 第三条路 are the second runway,
// the fifth street, the third bus line, a third way, not articles. A noun of that class (roads, lines, routes,
// waterways, vessels, text messages), optionally after a modifier (新建, 南北向 …), ends the reference there.
// Compounds that often begin an article's own wording stay references: 线上办理, 路面, 河长制, 街道办事处, 船舶.
const MEASURED_MODIFIER = "(?:新建|新修|新开|拟建|规划|在建|备用|东西向|南北向|环形|高架|快速|城际|地下|过江|跨江|跨海|国际|国内|新|旧|老|主|小|大|长)?";
const MEASURED_NOUN = [
  "跑道",
  "滑行道",
  "航道",
  "航线",
  "航路",
  "公交线路",
  "公交线",
  "公交专线",
  "地铁线",
  "地铁",
  "轻轨",
  "轨道交通线",
  "轨道线",
  "铁路",
  "高铁线",
  "高铁",
  "高速公路",
  "高速路",
  "高速",
  "公路",
  "国道",
  "省道",
  "县道",
  "乡道",
  "道路",
  "马路",
  "大道",
  "大街",
  "街(?!道办)",
  "巷子",
  "小巷",
  "巷",
  "弄堂",
  "胡同",
  "路线",
  "路(?![面径段灯政况权])",
  "隧道",
  "通道",
  "步道",
  "绿道",
  "车道",
  "人行道",
  "辅道",
  "匝道",
  "河道",
  "河流",
  "河(?!长)",
  "江",
  "溪",
  "渠",
  "沟",
  "运河",
  "管道",
  "管线",
  "电缆",
  "线路",
  "生产线",
  "流水线",
  "专线",
  "热线",
  "斑马线",
  "线(?![上下索性])",
  "船(?!舶)",
  "渡船",
  "渡轮",
  "短信",
].join("|");
const MEASURED = new RegExp(`^\\s*${MEASURED_MODIFIER}(?:${MEASURED_NOUN})`);

/** The noun counted by 条 that follows a reference at `end`, or null when the reference reads as an article. */
function measuredNoun(text: string, end: number): string | null {
  return MEASURED.exec(text.slice(end, end + 12))?.[0].trim() ?? null;
}

const Z = "[一二三四五六七八九十百零〇两兩\\d]+";
const ITEM = new RegExp(`(第)?\\s*(${Z})\\s*([条條章])?(?!件)`, "y");
const QUALIFIER = new RegExp(`(?:\\s*第\\s*${Z}\\s*[款项項目])*`, "y");
const CONNECTOR = /\s*(以及|、|，|,|和|及|与|與|或|至|到|~|-|—|–)\s*/y;
const RANGE = new Set(["至", "到", "~", "-", "—", "–"]);
const ENGLISH = /\b(articles?|arts?\.?|chapters?)\s*(\d+)((?:\s*(?:,|and|&|or|to|through|-|–)\s*\d+)*)/gi;
// Fullwidth －～ and the ideographic space read like their ASCII forms; same length, same offsets.
const normalize = (s: string) =>
  toHalfWidthDigits(s)
    .replace(/\u3000/g, " ")
    .replace(/－/g, "-")
    .replace(/～/g, "~");

interface Item {
  start: number;
  end: number;
  n: number;
  unit: string | undefined;
  range: boolean;
}

function readGroup(text: string, at: number, articleText?: (n: number) => string | undefined): Item[] {
  const items: Item[] = [];
  let pos = at;
  let range = false;
  for (;;) {
    ITEM.lastIndex = pos;
    const m = ITEM.exec(text);
    const n = m ? parseChineseNumeral(m[2]) : null;
    if (!m || n === null || (items.length === 0 && !m[1])) break;
    const item: Item = { start: pos, end: ITEM.lastIndex, n, unit: m[3], range };
    if (item.unit === "条" || item.unit === "條") {
      const noun = measuredNoun(text, item.end);
      // 第五条跑道 is a runway, unless the draft's 第五条 itself begins with those words (a commenter quoting it).
      if (noun && !articleText?.(n)?.replace(/\s/g, "").startsWith(noun.replace(/\s/g, ""))) break;
    }
    if (item.unit) {
      QUALIFIER.lastIndex = item.end;
      if (QUALIFIER.exec(text)) item.end = QUALIFIER.lastIndex;
    }
    items.push(item);
    CONNECTOR.lastIndex = item.end;
    const c = CONNECTOR.exec(text);
    if (!c) break;
    // "第一，第八条" is an ordinal and then an article; a comma only joins whole references.
    if ((c[1] === "，" || c[1] === ",") && (!item.unit || text[CONNECTOR.lastIndex] !== "第")) break;
    range = RANGE.has(c[1]);
    pos = CONNECTOR.lastIndex;
  }
  return items;
}

function expand(from: number, to: number): number[] {
  if (to < from || to - from > 200) return [from, to];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function looksLikeTheDraft(name: string, title: string | null | undefined): boolean {
  if (/征求意见稿|意见稿|草案|送审稿|^本/.test(name)) return true;
  // Commenters shorten the draft's title to its kind: 《办法》第八条.
  if (/^(?:办法|规定|细则|条例|意见|决定|方案|规章)$/.test(name)) return true;
  const bare = (s: string) => s.replace(/[（(][^）)]*[）)]/g, "").trim();
  return !!title && bare(name) !== "" && bare(title).includes(bare(name));
}

// What may stand between a document's name and the article: 购房合同的第5条, 合同中第5条, 令第257号…第十五条.
const LINK = "\\s*(?:…+|\\.{3,})?\\s*(?:的|中|里|之)?\\s*$";
// A document number: 国务院令第257号, 国办发〔2018〕37号, 第12号文件.
// A note in brackets may follow a name or a number: 《…规则》（2009）59号第5条, 《…》(商务部令第24号)第三条.
const NOTE = "(?:\\s*[（(][^（）()]{1,30}[）)])?";
const DOCUMENT_NUMBER = new RegExp(`(?:号\\s*(?:令|文|文件|公告)?|[〔\\[【]\\d{4}[〕\\]】]\\s*\\d+)${NOTE}${LINK}`);
// A title in 《》, or typed as <<…>> or 〈…〉.
const QUOTED = new RegExp(`(?:《([^《》]{1,60})》|<<([^<>]{1,60})>>|〈([^〈〉]{1,60})〉)${NOTE}${LINK}`);
// Private documents and charters, never a government draft: 购房合同, 劳动合同, 租赁协议, 公司章程.
const PRIVATE_DOCUMENT = new RegExp(`(?:合同|协议|协议书|契约|合约|租约|章程|公约|规约|须知|承诺书)${LINK}`);
// Kinds of normative document; one of another kind than the draft's is another document.
const DOCUMENT_KINDS = ["办法", "规定", "细则", "规则", "条例", "意见", "决定", "方案", "通知", "解释", "准则", "标准", "规范", "纲要"];
const NAMED_KIND = new RegExp(`([\\u4e00-\\u9fff]{0,2})(${DOCUMENT_KINDS.join("|")})${LINK}`);

function ofAnotherKind(before: string, title: string | null | undefined): boolean {
  const m = NAMED_KIND.exec(before);
  if (!m || !title) return false;
  // 本规定, 该办法, 此细则, 上述意见: the commenter points back at what they are reading.
  if (/[本该此这原]$|上述$|以上$/.test(m[1])) return false;
  const kind = /(办法|规定|细则|规则|条例|意见|决定|方案|通知|解释|准则|标准|规范|纲要)(?:[（(][^）)]*[）)])?\s*$/.exec(title)?.[1];
  return !!kind && kind !== m[2];
}

function isExternal(before: string, title: string | null | undefined): boolean {
  const quoted = QUOTED.exec(before);
  if (quoted) return !looksLikeTheDraft(quoted[1] ?? quoted[2] ?? quoted[3], title);
  if (DOCUMENT_NUMBER.test(before) || PRIVATE_DOCUMENT.test(before)) return true;
  if (/(?:本法|本条例|本细则|[办方做写说看想提用]法)\s*$/.test(before)) return false;
  if (/(?:[\u4e00-\u9fff]{2}法|[\u4e00-\u9fff]条例|该法|该条例|上述法律)\s*$/.test(before)) return true;
  return ofAnotherKind(before, title);
}

function chineseSpans(text: string, title: string | null | undefined, articleText?: (n: number) => string | undefined): ArticleRefSpan[] {
  const spans: ArticleRefSpan[] = [];
  for (let at = text.indexOf("第"); at !== -1; at = text.indexOf("第", at + 1)) {
    const items = readGroup(text, at, articleText);
    if (items.length === 0) continue;
    // Every 第 inside a group starts a shorter tail of the same group, so skip past it either way.
    const groupEnd = items[items.length - 1].end - 1;
    if (!items.some((i) => i.unit)) {
      at = groupEnd;
      continue;
    }
    const external = isExternal(text.slice(Math.max(0, at - 40), at), title);
    let pending: Item[] = [];
    for (const item of items) {
      pending.push(item);
      if (!item.unit) continue;
      const kind = item.unit === "章" ? "chapter" : "article";
      const end = pending[pending.length - 1].end;
      // 第二章第六条 names article 6; the chapter only says where to find it.
      const isLocator = kind === "chapter" && item === items[items.length - 1] && /^\s*第[^，。；]{1,6}?[条條]/.test(text.slice(end));
      // A range may span two references (第五条至第七条), so it reaches back into the group.
      const numbers = pending.flatMap((p) => {
        const k = items.indexOf(p);
        return p.range && k > 0 ? expand(items[k - 1].n + 1, p.n) : [p.n];
      });
      const previous = spans[spans.length - 1];
      if (isLocator) {
        // skip
      } else if (pending[0].range && previous?.kind === kind && previous.start >= at) {
        // 第五条至第七条 is one reference, not 第五条 plus a stray 第七条.
        previous.end = end;
        previous.text = text.slice(previous.start, end);
        previous.numbers.push(...numbers);
      } else {
        spans.push({ start: pending[0].start, end, text: text.slice(pending[0].start, end), kind, numbers, external });
      }
      pending = [];
    }
    at = groupEnd;
  }
  return spans;
}

function englishSpans(text: string): ArticleRefSpan[] {
  return [...text.matchAll(ENGLISH)].map((m) => {
    const numbers: number[] = [Number(m[2])];
    for (const t of m[3].matchAll(/\s*(,|and|&|or|to|through|-|–)\s*(\d+)/gi)) {
      const n = Number(t[2]);
      const isRange = ["to", "through", "-", "–"].includes(t[1].toLowerCase());
      numbers.push(...(isRange ? expand(numbers[numbers.length - 1] + 1, n) : [n]));
    }
    const kind = m[1].toLowerCase().startsWith("chapter") ? "chapter" : "article";
    return { start: m.index, end: m.index + m[0].length, text: m[0], kind, numbers, external: false };
  });
}

/** Every explicit reference, in text order, with the numbers it names and whether it is external. */
export function findArticleRefSpans(text: string, options: ArticleRefOptions = {}): ArticleRefSpan[] {
  const norm = normalize(text);
  return [...chineseSpans(norm, options.title, options.articleText), ...englishSpans(norm)]
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/**
 * Sorted unique article numbers the text refers to. With a draft, chapter references become
 * their articles and numbers the draft does not have are dropped; without one, chapter
 * references are ignored because they cannot be resolved.
 */
export function extractArticleRefs(text: string, draft?: DraftArticle[], options: ArticleRefOptions = {}): number[] {
  const found = new Set<number>();
  const byNumber = draft ? new Map(draft.map((a) => [a.number, a.text])) : null;
  const articleText = options.articleText ?? (byNumber ? (n: number) => byNumber.get(n) : undefined);
  for (const span of findArticleRefSpans(text, { ...options, articleText })) {
    if (span.external) continue;
    if (span.kind === "article") span.numbers.forEach((n) => found.add(n));
    else if (draft) {
      for (const a of draft) if (a.chapter !== null && span.numbers.includes(a.chapter)) found.add(a.number);
    }
  }
  const known = draft ? new Set(draft.map((a) => a.number)) : null;
  return [...found].filter((n) => !known || known.has(n)).sort((a, b) => a - b);
}
