import type { TokenCorpus } from "./token-corpus";

/**
 * Keywords of a group of comments by class-based TF-IDF (a term's share of the group's words against its
 * frequency in all groups), with adjacent word pairs that the group keeps together shown as one phrase, so a
 * label reads "优待证办理" rather than "优待证, 办理".
 */

export interface KeywordOptions {
  /** at most this many documents of one group are read for phrases; counts settle long before */
  phraseSample: number;
  /** a pair is a phrase when it makes up this share of its words' occurrences (geometric mean) */
  phraseStickiness: number;
  /** which terms may be keywords (article pseudo-terms, for instance, may not) */
  isKeyword: (word: string) => boolean;
  display: (word: string) => string;
}

const HAN = /^[\u3400-\u9fff]/;
// Two sightings of a pair are a coincidence, not a phrase.
const MIN_PHRASE_COUNT = 3;

export function joinPhrase(a: string, b: string): string {
  return HAN.test(a) && HAN.test(b) ? a + b : `${a} ${b}`;
}

/** Keywords of each group (groups are lists of document indices), best first. */
export function groupKeywords(corpus: TokenCorpus, groups: readonly number[][], count: number, options: KeywordOptions): string[][] {
  const v = corpus.vocabularySize;
  const perGroup = groups.map(() => new Map<number, number>());
  const totals = new Float64Array(v);
  const groupTokens = new Float64Array(groups.length);
  groups.forEach((docs, g) => {
    const counts = perGroup[g];
    for (const d of docs) {
      for (const t of corpus.doc(d)) {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        totals[t]++;
        groupTokens[g]++;
      }
    }
  });
  const average = groupTokens.reduce((s, x) => s + x, 0) / Math.max(1, groups.length);
  // A word most comments use ("退役军人" in a veterans' consultation) names no group, however often it occurs.
  const allDocs = groups.flat();
  const df = corpus.documentFrequency(allDocs);
  return groups.map((docs, g) => {
    const counts = perGroup[g];
    const scored: [number, number][] = [];
    for (const [t, c] of counts) {
      if (c < 2 && docs.length > 2) continue;
      if (!options.isKeyword(corpus.words[t])) continue;
      const classIdf = Math.log(1 + average / totals[t]);
      const docIdf = Math.log((1 + allDocs.length) / (1 + df[t]));
      scored.push([t, (c / Math.max(1, groupTokens[g])) * classIdf * docIdf]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = scored.slice(0, Math.max(10, count * 2)).map(([t]) => t);
    return withPhrases(corpus, docs, top, counts, count, options);
  });
}

function withPhrases(
  corpus: TokenCorpus,
  docs: readonly number[],
  top: number[],
  counts: Map<number, number>,
  count: number,
  options: KeywordOptions
): string[] {
  const candidates = new Set(top);
  const pairs = new Map<string, number>();
  const limit = Math.min(docs.length, options.phraseSample);
  for (let i = 0; i < limit; i++) {
    const tokens = corpus.doc(docs[Math.floor((i * docs.length) / limit)]);
    for (let p = 0; p + 1 < tokens.length; p++) {
      if (!candidates.has(tokens[p]) || tokens[p] === tokens[p + 1]) continue;
      const key = `${tokens[p]} ${tokens[p + 1]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const scale = docs.length / Math.max(1, limit);
  const phraseOf = new Map<number, [number, number]>();
  for (const [key, c] of [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const [a, b] = key.split(" ").map(Number);
    if (!candidates.has(b) || phraseOf.has(a) || phraseOf.has(b)) continue;
    const typical = Math.sqrt((counts.get(a) ?? 0) * (counts.get(b) ?? 0));
    if (c * scale >= MIN_PHRASE_COUNT && c * scale >= options.phraseStickiness * typical) {
      phraseOf.set(a, [a, b]);
      phraseOf.set(b, [a, b]);
    }
  }
  const out: string[] = [];
  const used = new Set<number>();
  for (const t of top) {
    if (used.has(t)) continue;
    const phrase = phraseOf.get(t);
    if (phrase) {
      phrase.forEach((x) => used.add(x));
      out.push(joinPhrase(options.display(corpus.words[phrase[0]]), options.display(corpus.words[phrase[1]])));
    } else {
      used.add(t);
      out.push(options.display(corpus.words[t]));
    }
    if (out.length >= count) break;
  }
  return out;
}

/** The document's own most distinctive terms by TF-IDF against the whole collection. */
export function documentKeywords(
  corpus: TokenCorpus,
  doc: number,
  idf: Float32Array,
  count: number,
  options: Pick<KeywordOptions, "isKeyword" | "display">
): string[] {
  const counts = new Map<number, number>();
  for (const t of corpus.doc(doc)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .filter(([t]) => options.isKeyword(corpus.words[t]))
    .map(([t, c]): [number, number] => [t, (1 + Math.log(c)) * idf[t]])
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([t]) => options.display(corpus.words[t]));
}
