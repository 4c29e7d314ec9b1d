import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { BOUNDARY } from "./pseudo-terms";
import { isStopword } from "./stopwords";

/**
 * Turns normalised text into content tokens: jieba for Chinese (with the consultation's own terms added to its
 * dictionary), natural's tokenizer and Porter stemmer for Latin-script text. Function words, comment filler,
 * numbers, URLs and article numerals are dropped here so that every later stage sees only words that can carry
 * a topic.
 */

interface NaturalStemmer {
  stem(token: string): string;
}
interface NaturalTokenizer {
  tokenize(text: string): string[];
}
// Deep imports: natural's index pulls in storage back-ends that load dotenv, which prints to stdout.
const require = createRequire(import.meta.url);
const porter: NaturalStemmer = require("natural/lib/natural/stemmers/porter_stemmer.js");
const AggressiveTokenizer: new () => NaturalTokenizer = require("natural/lib/natural/tokenizers/aggressive_tokenizer.js");
const latinTokenizer = new AggressiveTokenizer();

const HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/;
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)[^\s\u3000-\u303F\uFF00-\uFFEF]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const NUMERAL = /^[\d.,%]+$|^[〇零一二两三四五六七八九十百千万亿]+$/;
const ARTICLE_NUMBER = /^第[\d〇零一二两三四五六七八九十百千]+[条章节款项條]$/;
const LATIN_WORD = /^[a-z][a-z'-]*$/;
// Demonstrative or quantifier plus a measure word (这家, 那位, 该种, 每个): points at something, names nothing.
const DEICTIC = /^[这那哪该此每某各其][个家位种样些件次点项名座栋所只户类般批处]$/;
// Single characters that end a place name. jieba cuts an unknown name before them (砂子/塘, 人民/路, 梅/溪湖), and
// the fragment left over (砂子) would become a keyword that means something else.
const PLACE_SUFFIX = /^[塘路街巷弄村镇乡湾桥坝港岭坡冲苑庄屯寨堡铺湖山洲垸坪岗渡溪河江府城州县区]$/;
// A verb of motion before a road or hill is no part of its name: 过/马路, 上/山.
const MOTION = /^[过上下去到来进出回走住离往向从至近靠沿跨穿绕爬登游逛]$/;
const HAN_ONLY = /^[\u3400-\u9FFF\uF900-\uFAFF]+$/;
// A text this long is a pasted document, not a comment; beyond it more words change no topic.
const MAX_CHARS = 20_000;
const MEMO_LIMIT = 500_000;

const stemCache = new Map<string, string>();
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porter.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** How often each word was seen behind a stem, so labels can show "regulations" rather than "regul". */
class SurfaceForms {
  private readonly seen = new Map<string, Map<string, number>>();

  record(stemmed: string, word: string): void {
    let words = this.seen.get(stemmed);
    if (!words) {
      if (this.seen.size >= 200_000) return;
      this.seen.set(stemmed, (words = new Map()));
    }
    if (words.has(word) || words.size < 8) words.set(word, (words.get(word) ?? 0) + 1);
  }

  entries(): [string, string, number][] {
    const out: [string, string, number][] = [];
    for (const [stemmed, words] of this.seen) for (const [word, count] of words) out.push([stemmed, word, count]);
    return out;
  }

  add(entries: readonly [string, string, number][]): void {
    for (const [stemmed, word, count] of entries) {
      let words = this.seen.get(stemmed);
      if (!words) this.seen.set(stemmed, (words = new Map()));
      words.set(word, (words.get(word) ?? 0) + count);
    }
  }

  of(token: string): string {
    let best = token;
    let bestCount = 0;
    for (const [word, count] of this.seen.get(token) ?? []) {
      if (count > bestCount || (count === bestCount && word < best)) {
        best = word;
        bestCount = count;
      }
    }
    return best;
  }
}

/** The stem of a Latin word and the cleaned word it came from, or null for a word to drop. */
function latinToken(raw: string): [string, string] | null {
  const word = raw.toLowerCase().replace(/^['-]+|['-]+$/g, "");
  if (word.length < 2 || !LATIN_WORD.test(word) || isStopword(word)) return null;
  const stemmed = stem(word);
  return isStopword(stemmed) ? null : [stemmed, word];
}

function hanToken(word: string): string | null {
  if (isStopword(word) || NUMERAL.test(word) || ARTICLE_NUMBER.test(word) || DEICTIC.test(word)) return null;
  return word.length >= 2 ? word : null;
}

export interface Segmenter {
  /** Content tokens of a normalised text, in order, with a boundary mark where dropped words stood between two. */
  tokenize(text: string): string[];
  /** All words including stopwords and punctuation, in order; used to detect phrases and to segment the draft. */
  cut(text: string): string[];
  /** All words with jieba's part-of-speech tags (a term of the consultation's own has the tag ""); for topic titles. */
  tag(text: string): { word: string; tag: string }[];
  /** Filters and stems one already-separated word (the pre-tokenised input path). */
  contentToken(word: string): string | null;
  /** The word most often seen behind a stem; the token itself for Chinese words. */
  surfaceOf(token: string): string;
  /** What surfaceOf knows, to merge the knowledge of segmenters in other threads. */
  surfaceEntries(): [string, string, number][];
  addSurfaceEntries(entries: readonly [string, string, number][]): void;
}

let defaultJieba: Jieba | null = null;
let cached: { key: string; jieba: Jieba } | null = null;

function jiebaFor(userTerms: readonly string[]): Jieba {
  if (userTerms.length === 0) {
    defaultJieba ??= Jieba.withDict(dict);
    return defaultJieba;
  }
  const key = userTerms.join("\n");
  if (cached?.key === key) return cached.jieba;
  // A fresh instance per term list: jieba's dictionary is mutable, so terms of one consultation must not leak
  // into the next one's analysis.
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(userTerms.map((term) => `${term} 2000`).join("\n"), "utf8"));
  cached = { key, jieba };
  return jieba;
}

/** Latin text as words, with sentence punctuation kept as separate items so it breaks phrases. */
function latinRuns(text: string): string[] {
  return text.split(/([.,;:!?()"]+)/).flatMap((part) => (/^[.,;:!?()"]+$/.test(part) ? [part] : latinTokenizer.tokenize(part)));
}

/**
 * Puts a place name cut in pieces back together: a word of two or more Han characters and a place suffix after it
 * (砂子 + 塘 = 砂子塘, 人民 + 路), and a lone Han character before a word that ends in one (梅 + 溪湖 = 梅溪湖).
 * Function words never join (在/湖南 stays apart).
 */
export function joinPlaceNames(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    // The cheap tests first: most words have no place suffix after them, and then nothing else is asked.
    const next = words[i + 1];
    if (
      word.length === 1 &&
      next !== undefined &&
      next.length >= 2 &&
      PLACE_SUFFIX.test(next[next.length - 1]) &&
      !MOTION.test(word) &&
      isContent(word) &&
      isContent(next)
    ) {
      word += next;
      i++;
    }
    const after = words[i + 1];
    if (after !== undefined && after.length === 1 && word.length >= 2 && PLACE_SUFFIX.test(after) && isContent(word)) {
      word += after;
      i++;
    }
    out.push(word);
  }
  return out;
}

const isContent = (w: string) => HAN_ONLY.test(w) && !isStopword(w) && !NUMERAL.test(w) && !DEICTIC.test(w);

function withBoundaries(words: readonly string[], keep: (word: string) => string | null): string[] {
  const out: string[] = [];
  let gap = false;
  for (const word of words) {
    if (word.trim() === "") continue;
    const token = keep(word);
    if (token === null) {
      gap = true;
      continue;
    }
    if (gap && out.length > 0) out.push(BOUNDARY);
    gap = false;
    out.push(token);
  }
  return out;
}

export function createSegmenter(userTerms: readonly string[] = []): Segmenter {
  const jieba = jiebaFor(userTerms);
  const cut = (text: string): string[] => jieba.cut(text.slice(0, MAX_CHARS), false);
  const surfaces = new SurfaceForms();
  // Comments repeat a small vocabulary; remembering each word's verdict halves the cost of tokenising.
  const memo = new Map<string, [string, string | null] | null>();
  const contentToken = (word: string): string | null => {
    let verdict = memo.get(word);
    if (verdict === undefined) {
      if (HAN.test(word)) {
        const token = hanToken(word);
        verdict = token === null ? null : [token, null];
      } else verdict = latinToken(word);
      if (memo.size < MEMO_LIMIT) memo.set(word, verdict);
    }
    if (verdict === null) return null;
    if (verdict[1] !== null) surfaces.record(verdict[0], verdict[1]);
    return verdict[0];
  };
  return {
    cut,
    tag: (text) => jieba.tag(text.slice(0, MAX_CHARS), true),
    contentToken,
    surfaceOf: (token) => surfaces.of(token),
    surfaceEntries: () => surfaces.entries(),
    addSurfaceEntries: (entries) => surfaces.add(entries),
    tokenize(text) {
      const clean = text.slice(0, MAX_CHARS).toLowerCase().replace(URL_OR_EMAIL, " ");
      const words = HAN.test(clean) ? joinPlaceNames(jieba.cut(clean, false)) : latinRuns(clean);
      return withBoundaries(words, contentToken);
    },
  };
}
