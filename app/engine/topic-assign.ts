import { embedRow, projectBlock } from "./embedding";
import type { TopicModel } from "./topic-model";
import type { TokenCorpus } from "./token-corpus";

/**
 * Scores documents against a fitted topic model without materialising their TF-IDF rows, so a million comments
 * are assigned with one pass of small sparse products.
 */
export class DocumentScorer {
  private readonly counts: Float64Array;
  private readonly touched: number[] = [];
  private readonly columns: Int32Array;
  private readonly weights: Float64Array;
  private readonly buffer: Float32Array;
  /** per embedding block: nCols × k, a column's contribution to the block's (unnormalised) part of each score */
  private readonly scoreWeights: Float32Array[];

  constructor(private readonly corpus: TokenCorpus, private readonly model: TopicModel) {
    const nCols = model.space.terms.length;
    this.counts = new Float64Array(nCols);
    this.columns = new Int32Array(nCols);
    this.weights = new Float64Array(nCols);
    this.buffer = new Float32Array(model.embedding.dims);
    this.scoreWeights = blockScoreWeights(model, nCols);
  }

  /** The document's TF-IDF weights in the model's space, into columns/weights; returns how many. */
  private row(doc: number): number {
    const { columnOf, idf } = this.model.space;
    this.touched.length = 0;
    for (const term of this.corpus.doc(doc)) {
      const column = term < columnOf.length ? columnOf[term] : -1;
      if (column < 0) continue;
      if (this.counts[column] === 0) this.touched.push(column);
      this.counts[column]++;
    }
    let n = 0;
    for (const column of this.touched) {
      this.columns[n] = column;
      this.weights[n++] = (1 + Math.log(this.counts[column])) * idf[column];
      this.counts[column] = 0;
    }
    return n;
  }

  /**
   * Cosine similarity of the document to each topic; false when it shares no term with the model. Each block's
   * part is the row times that block's score weights over the row's length in the block, so the k centroids
   * cost one small sparse product rather than k dense dot products.
   */
  scores(doc: number, out: Float64Array): boolean {
    const { k, embedding } = this.model;
    out.fill(0, 0, k);
    const n = this.row(doc);
    if (n === 0) return false;
    const scale = 1 / Math.sqrt(embedding.blocks.length);
    let any = false;
    embedding.blocks.forEach((block, b) => {
      this.buffer.fill(0, 0, block.dims);
      const norm = projectBlock(block, this.columns, this.weights, 0, n, this.buffer);
      if (norm === 0) return;
      any = true;
      const f = scale / norm;
      const sw = this.scoreWeights[b];
      for (let p = 0; p < n; p++) {
        const w = this.weights[p] * f;
        const base = this.columns[p] * k;
        for (let t = 0; t < k; t++) out[t] += w * sw[base + t];
      }
    });
    return any;
  }

  /** The document's unit vector in the latent space, or null when it shares no term with the model. */
  vector(doc: number): Float32Array | null {
    const v = new Float32Array(this.model.embedding.dims);
    return this.vectorInto(doc, v) ? v : null;
  }

  /** The document's unit vector written into `out` (zeros when it shares no term with the model: returns false). */
  vectorInto(doc: number, out: Float32Array): boolean {
    out.fill(0);
    const n = this.row(doc);
    return n > 0 && embedRow(this.model.embedding, this.columns, this.weights, 0, n, out);
  }
}

/** basis_b · (centroids restricted to block b)ᵀ for every block b. */
function blockScoreWeights(model: TopicModel, nCols: number): Float32Array[] {
  const { k, centroids, embedding } = model;
  let offset = 0;
  return embedding.blocks.map(({ dims, basis }) => {
    const out = new Float32Array(nCols * k);
    for (let c = 0; c < nCols; c++) {
      for (let t = 0; t < k; t++) {
        let s = 0;
        const centroid = t * embedding.dims + offset;
        for (let d = 0; d < dims; d++) s += basis[c * dims + d] * centroids[centroid + d];
        out[c * k + t] = s;
      }
    }
    offset += dims;
    return out;
  });
}

export function cosine(a: Float32Array, b: Float32Array, bOffset = 0): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d] * b[bOffset + d];
  return s;
}

/** The best topic of each document (-1 when it shares no term with the model) and its score. */
export function assignTopics(
  scorer: DocumentScorer,
  docs: ArrayLike<number>,
  k: number,
  onStep?: (done: number) => void
): { topics: Int32Array; scores: Float32Array } {
  const topics = new Int32Array(docs.length).fill(-1);
  const best = new Float32Array(docs.length);
  const scores = new Float64Array(Math.max(1, k));
  for (let i = 0; i < docs.length; i++) {
    if (k > 0 && scorer.scores(docs[i], scores)) {
      let top = 0;
      for (let t = 1; t < k; t++) if (scores[t] > scores[top]) top = t;
      topics[i] = top;
      best[i] = scores[top];
    }
    if (onStep && (i & 4095) === 4095) onStep(i + 1);
  }
  return { topics, scores: best };
}
