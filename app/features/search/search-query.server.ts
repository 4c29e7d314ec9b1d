import { dialect, raw, type Db } from "~db/client.server";
import { PUBLIC_STATUSES } from "~/features/consultations";
import type { SearchField } from "./search.server";
import { compoundParts } from "./search-words.server";
import { charLength, foldCase, snippet, type Segment } from "./search-text";
import { termLabel, type SearchTerm } from "./search-terms";

/**
 * Finds public consultations containing every term. Terms of three or more characters use the
 * trigram index (MATCH); the trigram tokenizer cannot look up shorter ones, so those are found by
 * instr() over the same rows — a scan, a few milliseconds at hundreds of consultations (figures in
 * docs/decisions/0006-chinese-search.md).
 */

export interface ArticleHit {
  number: number;
  label: string;
  snippet: Segment[];
}

export interface SearchMatch {
  score: number;
  summary: Segment[] | null;
  basis: Segment[] | null;
  articles: ArticleHit[];
  articleCount: number;
}

// The text itself is read only for the rows a page shows: carrying every matching row's text
// through the search was most of its cost (measured in scripts/bench/search.ts).
interface IndexRow {
  rowid: number;
  consultationId: number;
  field: SearchField;
  articleNumber: number | null;
  label: string | null;
}

// Where a term is found says how central it is to the consultation: its title names the subject.
const FIELD_WEIGHT: Record<SearchField, number> = { title: 8, summary: 4, article: 2, basis: 1 };
const ARTICLES_SHOWN = 3;

const COLUMNS = `rowid, consultation_id AS "consultationId", field, article_number AS "articleNumber", label`;
const PUBLIC_ONLY = `consultation_id IN (SELECT id FROM consultations WHERE status IN (${PUBLIC_STATUSES.map(() => "?").join(",")}))`;

async function rowsContaining(db: Db, term: string): Promise<IndexRow[]> {
  if (charLength(term) >= 3) {
    if (dialect === "postgres") {
      // pg_trgm's GIN index answers ILIKE for three characters or more; %, _ and \ are escaped to be literal.
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return (await raw(db).all(`SELECT ${COLUMNS} FROM search_index WHERE body ILIKE ? AND ${PUBLIC_ONLY}`, pattern, ...PUBLIC_STATUSES)) as IndexRow[];
    }
    // A quoted FTS5 string: ", *, NEAR(, AND … are literal inside it; "" is a quote.
    const phrase = `"${term.replaceAll('"', '""')}"`;
    return (await raw(db).all(`SELECT ${COLUMNS} FROM search_index WHERE search_index MATCH ? AND ${PUBLIC_ONLY}`, phrase, ...PUBLIC_STATUSES)) as IndexRow[];
  }
  // lower() folds ASCII only, like foldCase(); a term without Latin letters can skip it.
  const body = /[a-z]/i.test(term) ? "lower(body)" : "body";
  return (await raw(db).all(
    `SELECT ${COLUMNS} FROM search_index WHERE instr(${body}, ?) > 0 AND ${PUBLIC_ONLY}`,
    foldCase(term),
    ...PUBLIC_STATUSES
  )) as IndexRow[];
}

/** The rows an article reference names: that article of the latest draft, and text citing it by its label. */
async function rowsForArticle(db: Db, number: number, label: string): Promise<IndexRow[]> {
  const own = (await raw(db).all(
    `SELECT ${COLUMNS} FROM search_index WHERE field = 'article' AND article_number = ? AND ${PUBLIC_ONLY}`,
    number,
    ...PUBLIC_STATUSES
  )) as IndexRow[];
  const ids = new Set(own.map((r) => r.rowid));
  return [...own, ...(await rowsContaining(db, label)).filter((r) => !ids.has(r.rowid))];
}

type HitRow = IndexRow & { words: Set<number> };

/** Where one consultation matched: cheap to compute for all, turned into snippets only for a page. */
export interface SearchHit {
  score: number;
  rows: HitRow[];
}

export interface SearchOutcome {
  hits: Map<number, SearchHit>;
  /** The words actually looked for, which the snippets mark. */
  words: string[];
  /** Terms found nowhere as written and looked for as their words instead (创业贷款 → 创业 贷款). */
  split: Array<{ term: string; parts: string[] }>;
  /** How many consultations each term finds on its own: what to offer when all of them find none. */
  perTerm: Array<{ term: string; count: number }>;
  /** Article numbers asked for (第十五条, 15条): those articles come first among a result's hits. */
  articles: number[];
}

/** Terms as parsed by parseQuery; a plain string is a word. */
export async function searchConsultations(db: Db, query: ReadonlyArray<string | SearchTerm>): Promise<SearchOutcome> {
  const words: string[] = [];
  const rowsOf: IndexRow[][] = [];
  const split: SearchOutcome["split"] = [];
  const articles: number[] = [];
  const perTerm = await Promise.all(
    query.map(async (q) => {
      const t: SearchTerm = typeof q === "string" ? { kind: "word", text: q } : q;
      const term = t.text;
      let group = [term];
      let rows = [t.kind === "article" ? await rowsForArticle(db, t.number, t.text) : await rowsContaining(db, term)];
      if (t.kind === "article") articles.push(t.number);
      // A quoted phrase means exactly these characters: it is never looked for as its words.
      const parts = rows[0].length === 0 && t.kind === "word" ? compoundParts(term) : [];
      if (parts.length > 0) {
        group = parts;
        rows = await Promise.all(parts.map((p) => rowsContaining(db, p)));
        split.push({ term, parts });
      }
      words.push(...group);
      rowsOf.push(...rows);
      const sets = rows.map((r) => new Set(r.map((row) => row.consultationId)));
      // A phrase is offered again in quotes, so searching it alone still means the exact phrase.
      return { term: termLabel(t), count: [...sets[0]].filter((id) => sets.every((s) => s.has(id))).length };
    })
  );

  const found = new Map<number, Map<number, HitRow>>();
  rowsOf.forEach((rows, w) => {
    for (const row of rows) {
      const byRow = found.get(row.consultationId) ?? new Map<number, HitRow>();
      found.set(row.consultationId, byRow);
      const hit = byRow.get(row.rowid) ?? { ...row, words: new Set<number>() };
      hit.words.add(w);
      byRow.set(row.rowid, hit);
    }
  });

  const hits = new Map<number, SearchHit>();
  for (const [id, byRow] of found) {
    const rows = [...byRow.values()];
    const best = words.map((_, w) => Math.max(0, ...rows.filter((r) => r.words.has(w)).map((r) => FIELD_WEIGHT[r.field])));
    // Every word must be found somewhere in the consultation, not necessarily in one place.
    if (best.every((weight) => weight > 0)) hits.set(id, { score: best.reduce((a, b) => a + b, 0), rows });
  }
  return { hits, words, split, perTerm, articles };
}

/** The snippets of one hit: the summary and basis where a word is in them, the best articles. */
export async function describeHit(db: Db, hit: SearchHit, words: readonly string[], named: readonly number[] = []): Promise<SearchMatch> {
  const summary = hit.rows.find((r) => r.field === "summary");
  const basis = hit.rows.find((r) => r.field === "basis");
  const isNamed = (r: HitRow) => (named.includes(r.articleNumber!) ? 1 : 0);
  const articles = hit.rows
    .filter((r) => r.field === "article" && r.articleNumber !== null)
    .sort((a, b) => isNamed(b) - isNamed(a) || b.words.size - a.words.size || a.articleNumber! - b.articleNumber!);
  const shown = articles.slice(0, ARTICLES_SHOWN);
  const texts = await bodies(
    db,
    [summary, basis, ...shown].flatMap((r) => (r ? [r.rowid] : []))
  );
  const text = (r: HitRow) => texts.get(r.rowid) ?? "";
  return {
    score: hit.score,
    summary: summary ? snippet(text(summary), words, 160) : null,
    basis: basis ? snippet(text(basis), words) : null,
    articles: shown.map((r) => ({
      number: r.articleNumber!,
      label: r.label ?? `第${r.articleNumber}条`,
      snippet: snippet(text(r), words),
    })),
    articleCount: articles.length,
  };
}

async function bodies(db: Db, rowids: number[]): Promise<Map<number, string>> {
  if (rowids.length === 0) return new Map();
  const rows = (await raw(db).all(`SELECT rowid, body FROM search_index WHERE rowid IN (${rowids.map(() => "?").join(",")})`, ...rowids)) as Array<{
    rowid: number;
    body: string;
  }>;
  return new Map(rows.map((r) => [r.rowid, r.body]));
}

/**
 * Keywords to offer: the terms that public drafts use most (jieba TF-IDF, summed over
 * consultations); with `near`, first those containing a searched term, then those sharing a
 * character with one, so a search for 贷 offers 贷款. Each keyword occurs in a public consultation.
 */
export async function suggestedKeywords(db: Db, near: readonly string[] = [], limit = 8): Promise<string[]> {
  const ranked = (await raw(db).column(
    `SELECT term FROM search_keywords WHERE ${PUBLIC_ONLY}
       GROUP BY term ORDER BY sum(weight) DESC, term LIMIT 300`,
    ...PUBLIC_STATUSES
  )) as string[];
  const searched = near.map(foldCase);
  const chars = new Set(searched.flatMap((t) => [...t]));
  const closeness = (term: string) => (searched.some((t) => term.includes(t)) ? 2 : [...term].some((c) => chars.has(c)) ? 1 : 0);
  return ranked
    .filter((term) => !searched.includes(term))
    .map((term, rank) => ({ term, rank, close: closeness(term) }))
    .sort((a, b) => b.close - a.close || a.rank - b.rank)
    .slice(0, limit)
    .map((k) => k.term);
}
