import type { DraftArticle } from "./draft-parser";
import { normalizeText } from "./normalize";
import { createSegmenter } from "./segment";
import { isStopword } from "./stopwords";

/**
 * Terms the consultation's own draft defines or repeats (退役军人, 优待证, 公共租赁住房 ...), added to the
 * segmenter's dictionary so that comments are cut along the same lines as the text they comment on. Nothing
 * here is specific to one consultation: the terms come from whatever draft is given.
 */

const HAN_TERM = /^[\u4e00-\u9fff]{2,8}$/;
// A short domain vocabulary common to administrative drafts; jieba's general dictionary splits these.
const ADMINISTRATIVE_TERMS = [
  "行政区域",
  "主管部门",
  "人民政府",
  "政务服务",
  "同等条件",
  "县级以上",
  "公共服务",
  "社会组织",
  "经营主体",
  "法律责任",
  "上位法",
  "施行日期",
  "征求意见",
  "听证会",
  "营商环境",
  "信息公开",
  "行政处罚",
  "行政许可",
];

const MIN_REPEATS = 2;

export function harvestDraftTerms(draftText: string, articles: readonly DraftArticle[] = []): string[] {
  const terms = new Set<string>(ADMINISTRATIVE_TERMS);
  const text = normalizeText(draftText);
  // Defined short names and quoted terms: （以下简称优待证）, “拥军优属”, 《残疾军人证》.
  for (const m of text.matchAll(/以下简称[“"]?([\u4e00-\u9fff]{2,8})[”"]?[)）]/g)) terms.add(m[1]);
  for (const m of text.matchAll(/[“"]([\u4e00-\u9fff]{2,8})[”"]/g)) terms.add(m[1]);
  for (const m of text.matchAll(/《([\u4e00-\u9fff]{2,12})》/g)) {
    const name = m[1].replace(/^中华人民共和国/, "");
    if (HAN_TERM.test(name)) terms.add(name);
  }
  // Word pairs the draft repeats, and whose words seldom occur apart, are its compounds (公共+租赁 in a
  // housing draft); merge them. Pairs of words that merely often meet (退役军人+免费) are not.
  const counts = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  const segmenter = createSegmenter();
  const body = articles.length > 0 ? articles.map((a) => a.text).join("\n") : text;
  for (const sentence of body.split(/[。；;，,、：:\n（）()《》“”"]/)) {
    const words = segmenter.cut(sentence).filter((w) => w.trim() !== "");
    for (const w of words) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i], words[i + 1]];
      if (!isContent(a) || !isContent(b)) continue;
      const pair = a + b;
      if (pair.length <= 6) counts.set(`${a} ${b}`, (counts.get(`${a} ${b}`) ?? 0) + 1);
    }
  }
  for (const [pair, count] of counts) {
    const [a, b] = pair.split(" ");
    const sticky = Math.min(count / (wordCounts.get(a) ?? 1), count / (wordCounts.get(b) ?? 1));
    if (count >= MIN_REPEATS && sticky >= 0.5) terms.add(a + b);
  }
  return [...terms].filter((term) => !isStopword(term)).sort();
}

function isContent(word: string): boolean {
  return /^[\u4e00-\u9fff]{2,}$/.test(word) && !isStopword(word);
}
