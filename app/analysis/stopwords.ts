import { createRequire } from "node:module";

// The package is a bare JSON file, which plain Node ESM (the bundled worker) cannot import without attributes.
const stopwordsIso: Record<string, string[]> = createRequire(import.meta.url)("stopwords-iso");

/**
 * Words that say nothing about what a comment is about. The maintained stopwords-iso lists give the function
 * words; the lists below add what every public comment says whatever its subject ("I suggest", "it should",
 * "this article"), which would otherwise dominate every topic label.
 */

const COMMENT_FILLER_ZH = [
  "建议", "希望", "规定", "办法", "应当", "应该", "可以", "能够", "能不能", "是否", "需要", "进一步", "加强", "完善",
  "提高", "相关", "有关", "问题", "情况", "意见", "觉得", "认为", "感觉", "非常", "十分", "特别", "一定", "目前",
  "现在", "已经", "没有", "还是", "这个", "那个", "这条", "那条", "这一条", "本条", "条款", "条文", "本办法",
  "文件", "征求意见稿", "征求意见", "草案", "修改", "增加", "明确", "落实", "执行", "实施", "具体", "工作", "方面",
  "内容", "部分", "有的", "一下", "不要", "不能", "不会", "就是", "真的", "确实", "其实", "为什么", "怎么", "什么",
  "希望能", "谢谢", "感谢", "您好", "你好", "领导", "尊敬", "请问", "一些", "很多", "更加", "及时", "尽快",
  "加大", "进行", "给予", "予以", "提出", "要求", "存在", "表示", "之后", "以前", "以后", "时候", "这样", "那样",
  "还有", "而且", "但是", "因为", "所以", "如果", "那么", "怎么办", "比较", "太", "很", "也", "都", "又", "再",
  "本来", "主要", "必须", "清楚", "根本", "到底", "一直", "完全", "基本", "其他", "东西", "事情", "地方", "时间",
  "个", "条", "款", "项", "章", "的", "了", "是", "在", "和", "与", "或", "及", "等", "对", "把", "被", "让",
];

const COMMENT_FILLER_EN = [
  "suggest", "suggests", "suggestion", "recommend", "propose", "proposed", "comment", "comments", "please", "think",
  "believe", "feel", "hope", "agree", "disagree", "support", "oppose", "article", "section", "paragraph", "draft",
  "rule", "regulation", "should", "must", "would", "could", "also", "really", "dear", "sincerely", "regards",
];

/**
 * stopwords-iso's English list merges several web-era lists and so contains content words ("state", "young",
 * "work", "free", "test", "home"); in a consultation those are exactly what people argue about.
 */
const EN_CONTENT_WORDS = new Set([
  "state", "states", "system", "bill", "home", "free", "fire", "test", "problem", "problems", "research",
  "information", "computer", "group", "groups", "area", "areas", "member", "members", "name", "number", "numbers",
  "order", "orders", "page", "pages", "part", "parts", "place", "places", "room", "rooms", "site", "text", "line",
  "man", "men", "work", "worked", "working", "works", "world", "young", "younger", "youngest", "year", "years",
  "value", "tv", "web", "website", "webpage", "uk", "us", "cn", "tw", "hk", "jp", "old", "older", "new", "high",
  "low", "money", "interest", "interests", "importance", "case", "cases", "effect", "fact", "facts", "face",
  "help", "school", "health", "buy", "business", "changes", "open", "opening", "point", "points", "present",
  "order", "research", "security", "side", "sides", "small", "large", "big", "top", "turn", "want", "wanted",
  "welcome", "wells", "whole", "width", "words", "zero", "million", "billion", "trillion", "thousand", "hundred",
  "act", "adopted", "accordance", "announce", "available", "back", "best", "better", "course", "date", "early",
  "end", "general", "goods", "great", "important", "index", "invention", "kind", "last", "length", "long",
  "make", "necessary", "novel", "past", "poorly", "possible", "proud", "recent", "related", "results", "right",
  "serious", "significant", "substantially", "successfully", "thick", "thin", "thing", "things", "thought",
  "thoughts", "today", "together", "useful", "usefulness",
]);

function buildStopwords(): Set<string> {
  const set = new Set<string>();
  for (const word of stopwordsIso.zh) set.add(word);
  for (const word of stopwordsIso.en) if (!EN_CONTENT_WORDS.has(word)) set.add(word);
  for (const word of COMMENT_FILLER_ZH) set.add(word);
  for (const word of COMMENT_FILLER_EN) set.add(word);
  return set;
}

export const STOPWORDS: ReadonlySet<string> = buildStopwords();

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
