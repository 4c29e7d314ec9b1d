import type { Random } from "./prng";
import { truncatedSvd, type Projection } from "./svd";
import type { SparseRows, TermSpace } from "./tfidf";
import type { TokenCorpus } from "./token-corpus";

/**
 * Word vectors learnt from the consultation's own comments: positive pointwise mutual information of words seen
 * within a few positions of each other, reduced by truncated SVD (Levy, Goldberg & Dagan 2015). Two comments
 * that say the same thing in different words (老兵 / 退役军人, "fare" / "price") share no TF-IDF term but do
 * share context, so their vectors meet. See docs/decisions/0005-topic-clustering.md.
 */
export interface WordVectorOptions {
  dims: number;
  /** words at most this many positions apart count as each other's context */
  window: number;
  /** context-distribution smoothing exponent (0.75 in the word2vec tradition) */
  smoothing: number;
}

export const DEFAULT_WORD_VECTOR_OPTIONS: WordVectorOptions = { dims: 100, window: 5, smoothing: 0.75 };

/** Unit vectors for the columns of the term space (nCols × dims), as a projection of TF-IDF rows. */
export function contextWordVectors(
  corpus: TokenCorpus,
  docs: ArrayLike<number>,
  space: TermSpace,
  random: Random,
  options: WordVectorOptions = DEFAULT_WORD_VECTOR_OPTIONS
): Projection {
  const ppmi = ppmiMatrix(cooccurrences(corpus, docs, space, options.window), options.smoothing);
  const dims = Math.max(1, Math.min(options.dims, ppmi.nCols - 1));
  const { basis, values } = truncatedSvd(ppmi, dims, random);
  const k = values.length;
  // Symmetric weighting (W = V·√Σ), then unit rows: a word's direction, not its frequency, is what it adds.
  const scaled = new Float32Array(basis.length);
  for (let c = 0; c < ppmi.nCols; c++) {
    let norm = 0;
    for (let j = 0; j < k; j++) {
      const v = basis[c * k + j] * Math.sqrt(values[j]);
      scaled[c * k + j] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < k; j++) scaled[c * k + j] /= norm;
  }
  return { dims: k, basis: scaled, values };
}

/** Symmetric window co-occurrence counts between columns, as one map per column. */
function cooccurrences(corpus: TokenCorpus, docs: ArrayLike<number>, space: TermSpace, window: number): Map<number, number>[] {
  const counts: Map<number, number>[] = Array.from({ length: space.terms.length }, () => new Map());
  for (let i = 0; i < docs.length; i++) {
    const tokens = corpus.doc(docs[i]);
    for (let p = 0; p < tokens.length; p++) {
      const a = tokens[p] < space.columnOf.length ? space.columnOf[tokens[p]] : -1;
      if (a < 0) continue;
      const end = Math.min(tokens.length, p + window + 1);
      for (let q = p + 1; q < end; q++) {
        const b = tokens[q] < space.columnOf.length ? space.columnOf[tokens[q]] : -1;
        if (b < 0 || b === a) continue;
        counts[a].set(b, (counts[a].get(b) ?? 0) + 1);
        counts[b].set(a, (counts[b].get(a) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** max(0, log P(a,b) / (P(a) · Pα(b))) in compressed rows. */
function ppmiMatrix(counts: Map<number, number>[], smoothing: number): SparseRows {
  const n = counts.length;
  const rowSum = new Float64Array(n);
  let total = 0;
  for (let a = 0; a < n; a++) for (const v of counts[a].values()) rowSum[a] += v;
  for (let a = 0; a < n; a++) total += rowSum[a];
  let smoothedTotal = 0;
  const smoothed = Float64Array.from(rowSum, (v) => v ** smoothing);
  for (const v of smoothed) smoothedTotal += v;
  let stored = 0;
  for (const row of counts) stored += row.size;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(stored);
  const values = new Float32Array(stored);
  let p = 0;
  // Columns in first-seen order: deterministic, and the products that use the matrix need no order.
  for (let a = 0; a < n; a++) {
    for (const [b, v] of counts[a]) {
      const pmi = Math.log(v / total / ((rowSum[a] / total) * (smoothed[b] / smoothedTotal)));
      if (pmi > 0) {
        indices[p] = b;
        values[p++] = pmi;
      }
    }
    indptr[a + 1] = p;
  }
  return { nRows: n, nCols: n, indptr, indices: indices.subarray(0, p), values: values.subarray(0, p) };
}
