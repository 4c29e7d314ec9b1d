// What a search box query asks for, read the way citizens type it. Pure and dialect-free: the
// SQLite search (search-query.server.ts) and any later port (PostgreSQL, pg_trgm) read the same terms.
import { parseChineseNumeral, toChineseNumeral } from "~/engine/chinese-numerals";
import { foldCase } from "./search-text";

/**
 * - `word`: found as a substring; a Chinese compound found nowhere may be looked for as its words.
 * - `phrase`: typed in quotes ("…", “…”, 「…」, 『…』): found exactly as written, never split.
 * - `article`: 第十五条, 第15条, 15条: the article with that number, and text that cites it.
 */
export type SearchTerm = { kind: "word"; text: string } | { kind: "phrase"; text: string } | { kind: "article"; number: number; text: string };

// Opening quote → its closing quote. ASCII " closes itself; Chinese IMEs type “ ” in pairs.
const QUOTES: Record<string, string> = { '"': '"', "“": "”", "”": "“", "「": "」", "『": "』", "＂": "＂" };
// Chinese input methods in full-width mode type Ａ and ２; the texts use A and 2.
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
// 第十五条, 第15条, 15条 (digits alone need 条: 十五条 without 第 is too often "fifteen items").
const ARTICLE = /^(?:第([〇零一二三四五六七八九两十百千0-9]+)|([0-9]+))条$/;
const MAX_ARTICLE = 9999;

function normalize(query: string): string {
  return query.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The canonical text of an article reference, as drafts label it: 第十五条. */
export function articleLabel(n: number): string {
  return `第${toChineseNumeral(n)}条`;
}

function wordOrArticle(word: string): SearchTerm {
  const m = ARTICLE.exec(word);
  const n = m ? parseChineseNumeral(m[1] ?? m[2]) : null;
  if (n !== null && n >= 1 && n <= MAX_ARTICLE) return { kind: "article", number: n, text: articleLabel(n) };
  return { kind: "word", text: foldCase(word) };
}

/**
 * The distinct terms of a query: quoted phrases first taken whole (spaces inside them collapsed to
 * one), then the rest split on any whitespace (the ideographic space too). A quote that is never
 * closed is dropped and the words after it read as words. Repeats are dropped.
 */
export function parseQuery(query: string): SearchTerm[] {
  const text = normalize(query);
  const terms: SearchTerm[] = [];
  const words = (chunk: string) => {
    for (const w of chunk.split(/\s+/)) if (w) terms.push(wordOrArticle(w));
  };
  let at = 0;
  let rest = "";
  while (at < text.length) {
    const close = QUOTES[text[at]];
    const end = close === undefined ? -1 : text.indexOf(close, at + 1);
    if (end === -1) {
      // Not a quote, or one never closed: an unmatched ASCII quote stays literal text (alert("x")).
      rest += close !== undefined && text[at] !== '"' ? " " : text[at];
      at += 1;
      continue;
    }
    words(rest);
    rest = "";
    const phrase = foldCase(
      text
        .slice(at + 1, end)
        .replace(/\s+/g, " ")
        .trim()
    );
    if (phrase) terms.push({ kind: "phrase", text: phrase });
    at = end + 1;
  }
  words(rest);

  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.kind === "article" ? `article:${t.number}` : `${t.kind}:${t.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The query as the search box would show it again: phrases in quotes, articles by their label. */
export function termLabel(term: SearchTerm): string {
  return term.kind === "phrase" ? `“${term.text}”` : term.text;
}
