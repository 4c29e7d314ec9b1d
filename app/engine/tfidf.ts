import type { TokenCorpus } from "./token-corpus";

/** Rows of a sparse matrix in compressed form; each row is one document. */
export interface SparseRows {
  nRows: number;
  nCols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Which terms become columns, and their inverse document frequencies. */
export interface TermSpace {
  /** term id → column, or -1 when the term is not used */
  columnOf: Int32Array;
  /** column → term id */
  terms: Int32Array;
  /** per column: idf times any boost the caller gave the term */
  idf: Float32Array;
}

export interface TermSpaceOptions {
  minDf: number;
  /** terms in more than this share of documents say nothing about any one group */
  maxDfShare: number;
  maxTerms: number;
  /** weight multiplier per word, e.g. for pseudo-terms that stand for an article reference */
  boost?: (word: string) => number;
  /** words that are never columns */
  exclude?: (word: string) => boolean;
}

export function buildTermSpace(corpus: TokenCorpus, docs: ArrayLike<number>, options: TermSpaceOptions): TermSpace {
  const df = corpus.documentFrequency(docs);
  const n = docs.length;
  const maxDf = Math.max(options.minDf, Math.floor(options.maxDfShare * n));
  const candidates: number[] = [];
  for (let t = 0; t < df.length; t++) {
    if (df[t] >= options.minDf && df[t] <= maxDf && !options.exclude?.(corpus.words[t])) candidates.push(t);
  }
  // Most frequent first, ties by id: the cut at maxTerms must not depend on anything but the input.
  candidates.sort((a, b) => df[b] - df[a] || a - b);
  const kept = candidates.slice(0, options.maxTerms).sort((a, b) => a - b);
  const columnOf = new Int32Array(corpus.vocabularySize).fill(-1);
  const idf = new Float32Array(kept.length);
  kept.forEach((term, column) => {
    columnOf[term] = column;
    idf[column] = (Math.log((1 + n) / (1 + df[term])) + 1) * (options.boost?.(corpus.words[term]) ?? 1);
  });
  return { columnOf, terms: Int32Array.from(kept), idf };
}

/** Sublinear TF-IDF rows, L2-normalised, for the given documents (in that order). */
export function tfidfRows(corpus: TokenCorpus, docs: ArrayLike<number>, space: TermSpace): SparseRows {
  const indptr = new Int32Array(docs.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const counts = new Map<number, number>();
  for (let i = 0; i < docs.length; i++) {
    counts.clear();
    for (const term of corpus.doc(docs[i])) {
      const column = space.columnOf[term];
      if (column >= 0) counts.set(column, (counts.get(column) ?? 0) + 1);
    }
    const columns = [...counts.keys()].sort((a, b) => a - b);
    let norm = 0;
    const start = values.length;
    for (const column of columns) {
      const weight = (1 + Math.log(counts.get(column) ?? 1)) * space.idf[column];
      indices.push(column);
      values.push(weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let p = start; p < values.length; p++) values[p] /= norm;
    indptr[i + 1] = values.length;
  }
  return {
    nRows: docs.length,
    nCols: space.terms.length,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
}
