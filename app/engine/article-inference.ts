import type { DraftArticle } from "./draft-parser";
import { isStopword } from "./stopwords";

/**
 * Which article a comment is about when it names none ("住房这一条", "公积金那句", a quotation of the draft).
 * Comments and articles are compared as bags of Chinese character pairs and Latin words, scored with BM25:
 * pairs survive the differences in word segmentation between a colloquial comment and legal text. An article
 * is inferred only when it stands out clearly from the rest, since a wrong inferred article misleads more than
 * a missing one.
 */

export interface ArticleIndex {
  numbers: number[];
  /** normalised text per article, for quotation matching */
  texts: string[];
  /** feature → the articles containing it and its BM25 weight in each */
  postings: Map<number | string, { id: number; articles: Int32Array; weights: Float64Array }>;
  /** per posting (by id): the scoring round that last counted it, so a feature repeated in a text counts once */
  counted: Uint32Array;
  /** the index's scoring rounds so far (scoring is synchronous, so two never interleave) */
  round: number;
}

export interface Inference {
  article: number;
  /** what the inference rests on: a quotation of the draft, a pointer ("住房这一条"), or similarity alone */
  basis: "quotation" | "pointer" | "similarity";
}

const K1 = 1.2;
const B = 0.75;
// A comment that points at an article ("这条", "那句") names it by the words just before the pointer, so those
// need only to favour one article clearly. Without a pointer a comment may merely touch an article's subject;
// then the whole comment must match one article far better than any other.
const POINTER_MARGIN = 1.2;
const POINTER_SCORE = 2;
const STRONG_SCORE = 8;
const STRONG_MARGIN = 2;
const QUOTE = /[“"「『‘']([^”"」』’']{4,60})[”"」』’']/g;
const POINTER = /(?:这|那|该|此|本)一?(?:条|款|项|句|段|规定|条款)|关于.{1,12}(?:的)?(?:那|这)?(?:条|规定|部分)/g;
const CLAUSE_BREAK = /[。！？!?；;，,\n]/;

/**
 * The features of a text: each pair of adjacent Chinese characters, as a number (the two UTF-16 units), and each
 * Latin word of three letters or more, as a string. Numbers keep the hot path free of string allocation.
 */
type Feature = number | string;

function eachFeature(text: string, visit: (feature: Feature) => void): void {
  let previous = -1;
  let word = "";
  const endWord = () => {
    if (word.length >= 3) visit(word);
    word = "";
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) {
      endWord();
      if (previous >= 0) visit(previous * 65536 + code);
      previous = code;
      continue;
    }
    previous = -1;
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower >= 97 && lower <= 122) word += String.fromCharCode(lower);
    else endWord();
  }
  endWord();
}

const isStopFeature = (f: Feature) => typeof f === "number" && isStopword(String.fromCharCode(Math.floor(f / 65536), f % 65536));

/**
 * `maxShare`: leave out features found in more than this share of the articles (they tell articles apart
 * little, and on an index of whole consultations' wording they are most of the work of scoring).
 */
export function buildArticleIndex(articles: readonly DraftArticle[], normalize: (s: string) => string, maxShare = 1): ArticleIndex {
  const texts = articles.map((a) => normalize(a.text));
  const termFrequency = texts.map((text) => {
    const tf = new Map<Feature, number>();
    eachFeature(text, (f) => {
      if (!isStopFeature(f)) tf.set(f, (tf.get(f) ?? 0) + 1);
    });
    return tf;
  });
  const n = articles.length;
  const lengths = termFrequency.map((tf) => [...tf.values()].reduce((sum, v) => sum + v, 0));
  const averageLength = lengths.reduce((sum, v) => sum + v, 0) / Math.max(1, n);
  const lists = new Map<Feature, [number, number][]>();
  termFrequency.forEach((tf, i) => {
    const norm = K1 * (1 - B + (B * lengths[i]) / Math.max(1, averageLength));
    for (const [f, freq] of tf) {
      let list = lists.get(f);
      if (!list) lists.set(f, (list = []));
      list.push([i, (freq * (K1 + 1)) / (freq + norm)]);
    }
  });
  const postings: ArticleIndex["postings"] = new Map();
  for (const [f, list] of lists) {
    if (list.length > maxShare * n) continue;
    const idf = Math.log((n - list.length + 0.5) / (list.length + 0.5) + 1);
    postings.set(f, { id: postings.size, articles: Int32Array.from(list, ([i]) => i), weights: Float64Array.from(list, ([, w]) => w * idf) });
  }
  return { numbers: articles.map((a) => a.number), texts, postings, counted: new Uint32Array(postings.size), round: 0 };
}

/** Articles containing a quotation from the comment (the first quotation found in the draft at all). */
function quotedArticles(index: ArticleIndex, text: string): number[] {
  for (const m of text.matchAll(QUOTE)) {
    const quote = m[1].trim();
    const hits = index.texts.flatMap((t, i) => (t.includes(quote) ? [i] : []));
    if (hits.length > 0) return hits;
  }
  return [];
}

/** The BM25 score of every article (in index order) for a text. */
export function articleScores(index: ArticleIndex, text: string): Float64Array {
  return articleScoresOn([index], text)[0];
}

/** The BM25 scores of a text on several indexes, its features read once. */
export function articleScoresOn(indexes: readonly ArticleIndex[], text: string): Float64Array[] {
  const scores = indexes.map((index) => new Float64Array(index.numbers.length));
  const rounds = indexes.map((index) => {
    if (index.round >= 0xfffffffe) {
      index.counted.fill(0);
      index.round = 0;
    }
    return ++index.round;
  });
  eachFeature(text, (f) => {
    for (let x = 0; x < indexes.length; x++) {
      const index = indexes[x];
      const posting = index.postings.get(f);
      if (!posting || index.counted[posting.id] === rounds[x]) continue;
      index.counted[posting.id] = rounds[x];
      const into = scores[x];
      for (let k = 0; k < posting.articles.length; k++) into[posting.articles[k]] += posting.weights[k];
    }
  });
  return scores;
}

function bm25(index: ArticleIndex, text: string, among: readonly number[]): { best: number; score: number; margin: number } {
  const scores = articleScores(index, text);
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (const i of among) {
    const score = scores[i];
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = i;
    } else if (score > second) second = score;
  }
  return { best, score: bestScore, margin: second > 0 ? bestScore / second : Infinity };
}

/** The words that name what a pointer points at: its own clause and the one before, up to the pointer. */
function pointerWindows(text: string): string[] {
  const windows: string[] = [];
  for (const m of text.matchAll(POINTER)) {
    const before = text.slice(0, m.index + m[0].length);
    const clauses = before.split(CLAUSE_BREAK);
    const own = clauses[clauses.length - 1] ?? "";
    windows.push(own.length >= 4 ? own : `${clauses[clauses.length - 2] ?? ""}，${own}`);
  }
  return windows;
}

export function inferArticle(index: ArticleIndex, normalizedText: string): Inference | null {
  const all = index.numbers.map((_, i) => i);
  if (all.length === 0) return null;
  const quoted = quotedArticles(index, normalizedText);
  if (quoted.length === 1) return { article: index.numbers[quoted[0]], basis: "quotation" };
  if (quoted.length > 1) {
    const { best, margin } = bm25(index, normalizedText, quoted);
    if (best >= 0 && margin >= POINTER_MARGIN) return { article: index.numbers[best], basis: "quotation" };
  }
  for (const window of pointerWindows(normalizedText)) {
    const { best, score, margin } = bm25(index, window, all);
    if (best >= 0 && score >= POINTER_SCORE && margin >= POINTER_MARGIN) return { article: index.numbers[best], basis: "pointer" };
  }
  const { best, score, margin } = bm25(index, normalizedText, all);
  if (best >= 0 && score >= STRONG_SCORE && margin >= STRONG_MARGIN) {
    return { article: index.numbers[best], basis: "similarity" };
  }
  return null;
}
