import { extractArticleRefs } from "./article-refs";
import { buildArticleIndex, inferArticle, type ArticleIndex, type Inference } from "./article-inference";
import { flattenArticles, parseDraft, type DraftArticle } from "./draft-parser";
import { harvestDraftTerms } from "./draft-terms";
import { duplicateKey, normalizeText } from "./normalize";
import { detectPii } from "./pii";
import { articleTerm } from "./pseudo-terms";
import { createSegmenter, type Segmenter } from "./segment";
import { commentStances, type Stance } from "./stance";
import { TokenCorpus } from "./token-corpus";
import type { AnalysisInput, PiiSpan } from "./types";

/**
 * The per-comment stage: everything that depends on one comment alone, computed in one pass and kept in compact
 * form. Later stages (campaigns, topics) only read this.
 */
export interface PreparedComments {
  ids: string[];
  senders: (string | null)[];
  keys: string[];
  /** each comment's text after normalizeText (what every stage reads) */
  normalized: string[];
  /** document i is comment i: its content tokens followed by article pseudo-terms (see pseudo-terms.ts) */
  corpus: TokenCorpus;
  articles: number[][];
  /** the first pass's inferred article (article-inference.ts) and what it rests on; article-links.ts decides */
  inferred: Inference[][];
  pii: PiiSpan[][];
  stance: Stance[];
  articleStances: Record<number, Stance>[];
  segmenter: Segmenter;
}

/** The per-comment results of a run of consecutive comments, in a form that can cross threads. */
export interface PreparedPart {
  keys: string[];
  normalized: string[];
  articles: number[][];
  /** the first pass's inferred article (article-inference.ts) and what it rests on; article-links.ts decides */
  inferred: Inference[][];
  pii: PiiSpan[][];
  stance: Stance[];
  articleStances: Record<number, Stance>[];
}

interface DraftContext {
  articles: DraftArticle[];
  title: string | null;
  index: ArticleIndex;
  terms: string[];
}

const HAS_LATIN = /[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]/;

export interface PrepareContext {
  draft: DraftContext | null;
  segmenter: Segmenter;
  pretokenized: boolean;
}

export function createPrepareContext(draftText: string | null | undefined, pretokenized = false): PrepareContext {
  let draft: DraftContext | null = null;
  if (draftText && draftText.trim() !== "") {
    const parsed = parseDraft(draftText);
    const articles = flattenArticles(parsed);
    draft = {
      articles,
      title: parsed.title,
      index: buildArticleIndex(articles, normalizeText),
      terms: harvestDraftTerms(draftText, articles),
    };
  }
  return { draft, segmenter: createSegmenter(draft?.terms ?? []), pretokenized };
}

/** Prepares the given texts in order, adding their tokens to `corpus`. */
export function preparePart(texts: readonly unknown[], context: PrepareContext, corpus: TokenCorpus, onStep: (done: number) => void): PreparedPart {
  const { draft, segmenter, pretokenized } = context;
  const n = texts.length;
  const part: PreparedPart = {
    keys: new Array(n),
    normalized: new Array(n),
    articles: new Array(n),
    inferred: new Array(n),
    pii: new Array(n),
    stance: new Array(n),
    articleStances: new Array(n),
  };
  // A campaign sends one text thousands of times; everything here depends on the text alone.
  const firstSeen = new Map<string, number>();
  const firstDoc = corpus.size;
  for (let i = 0; i < n; i++) {
    const value = texts[i];
    const raw = typeof value === "string" ? value : value == null ? "" : String(value);
    const first = firstSeen.get(raw);
    if (first !== undefined) {
      repeatComment(part, i, first);
      corpus.repeat(firstDoc + first);
      // Stems' surface forms are counted per occurrence; recount them so the labels do not depend on caching.
      if (HAS_LATIN.test(raw)) segmenter.tokenize(normalizeText(raw));
      if ((i & 1023) === 1023) onStep(i + 1);
      continue;
    }
    firstSeen.set(raw, i);
    const text = normalizeText(raw);
    part.normalized[i] = text;
    part.keys[i] = duplicateKey(text);
    const tokens = pretokenized ? text.split(/\s+/).flatMap((w) => segmenter.contentToken(w) ?? []) : segmenter.tokenize(text);
    const articles = draft ? extractArticleRefs(text, draft.articles, { title: draft.title }) : extractArticleRefs(text);
    const inferred = draft && articles.length === 0 ? inferArticle(draft.index, text) : null;
    // Named articles count twice, an inferred one once: it is a weaker signal.
    for (const a of articles) tokens.push(articleTerm(a), articleTerm(a));
    if (inferred) tokens.push(articleTerm(inferred.article));
    corpus.add(tokens);
    part.articles[i] = articles;
    part.inferred[i] = inferred ? [inferred] : [];
    part.pii[i] = pretokenized ? [] : detectPii(raw, { names: false }).map(({ kind, start, end }) => ({ kind, start, end }));
    const stances = commentStances(text);
    part.stance[i] = stances.stance;
    part.articleStances[i] = stances.byArticle;
    if ((i & 1023) === 1023) onStep(i + 1);
  }
  onStep(n);
  return part;
}

function repeatComment(part: PreparedPart, i: number, first: number): void {
  part.keys[i] = part.keys[first];
  part.normalized[i] = part.normalized[first];
  part.articles[i] = part.articles[first].slice();
  part.inferred[i] = part.inferred[first].map((inference) => ({ ...inference }));
  part.pii[i] = part.pii[first].map((span) => ({ ...span }));
  part.stance[i] = part.stance[first];
  part.articleStances[i] = { ...part.articleStances[first] };
}

/** The prepared comments, from parts that cover the input in order (their tokens already in `corpus`). */
export function assemble(input: AnalysisInput, parts: PreparedPart[], corpus: TokenCorpus, segmenter: Segmenter): PreparedComments {
  const flat = <T>(pick: (p: PreparedPart) => T[]): T[] => parts.flatMap(pick);
  return {
    ids: input.comments.map((c) => String(c.id)),
    senders: input.comments.map((c) => c.sender ?? null),
    keys: flat((p) => p.keys),
    normalized: flat((p) => p.normalized),
    corpus,
    articles: flat((p) => p.articles),
    inferred: flat((p) => p.inferred),
    pii: flat((p) => p.pii),
    stance: flat((p) => p.stance),
    articleStances: flat((p) => p.articleStances),
    segmenter,
  };
}

export function prepareComments(input: AnalysisInput, onStep: (done: number) => void): PreparedComments {
  const context = createPrepareContext(input.draft, input.pretokenized);
  const corpus = new TokenCorpus();
  const part = preparePart(
    input.comments.map((c) => c.text),
    context,
    corpus,
    onStep
  );
  return assemble(input, [part], corpus, context.segmenter);
}
