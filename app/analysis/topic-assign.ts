import { embedRow } from "./embedding";
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

  constructor(
    private readonly corpus: TokenCorpus,
    private readonly model: TopicModel,
  ) {
    const nCols = model.space.terms.length;
    this.counts = new Float64Array(nCols);
    this.columns = new Int32Array(nCols);
    this.weights = new Float64Array(nCols);
    this.buffer = new Float32Array(model.embedding.dims);
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

  /** The document's embedding into out; false (and zeros) when it shares no term with the model. */
  private embed(doc: number, out: Float32Array): boolean {
    out.fill(0);
    const n = this.row(doc);
    return n > 0 && embedRow(this.model.embedding, this.columns, this.weights, 0, n, out);
  }

  /** Cosine similarity of the document to each topic; false when it shares no term with the model. */
  scores(doc: number, out: Float64Array): boolean {
    const { k, centroids, embedding } = this.model;
    const dims = embedding.dims;
    out.fill(0, 0, k);
    if (!this.embed(doc, this.buffer)) return false;
    for (let t = 0; t < k; t++) out[t] = cosine(this.buffer, centroids, t * dims);
    return true;
  }

  /** The document's unit vector in the latent space, or null when it shares no term with the model. */
  vector(doc: number): Float32Array | null {
    const v = new Float32Array(this.model.embedding.dims);
    return this.embed(doc, v) ? v : null;
  }
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
  onStep?: (done: number) => void,
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
