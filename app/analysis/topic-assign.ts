import type { TopicModel } from "./topic-model";
import type { TokenCorpus } from "./token-corpus";

/**
 * Scores documents against a fitted topic model without materialising their TF-IDF rows, so a million comments
 * are assigned with one pass of small sparse products.
 */
export class DocumentScorer {
  private readonly counts: Float64Array;
  private readonly touched: number[] = [];

  constructor(
    private readonly corpus: TokenCorpus,
    private readonly model: TopicModel,
  ) {
    this.counts = new Float64Array(model.space.terms.length);
  }

  /** TF-IDF weights of the document's terms in the model's space (unit length), as [column, weight] pairs. */
  private weights(doc: number): [number, number][] {
    const { columnOf, idf } = this.model.space;
    this.touched.length = 0;
    for (const term of this.corpus.doc(doc)) {
      const column = term < columnOf.length ? columnOf[term] : -1;
      if (column < 0) continue;
      if (this.counts[column] === 0) this.touched.push(column);
      this.counts[column]++;
    }
    let norm = 0;
    const out: [number, number][] = [];
    for (const column of this.touched) {
      const w = (1 + Math.log(this.counts[column])) * idf[column];
      this.counts[column] = 0;
      out.push([column, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const pair of out) pair[1] /= norm;
    return out;
  }

  /** Similarity of the document to each topic, up to a positive factor; false when it shares no term. */
  scores(doc: number, out: Float64Array): boolean {
    const { k, scoreWeights } = this.model;
    out.fill(0, 0, k);
    const weights = this.weights(doc);
    for (const [column, w] of weights) {
      const base = column * k;
      for (let t = 0; t < k; t++) out[t] += w * scoreWeights[base + t];
    }
    return weights.length > 0;
  }

  /** The document's unit vector in the latent space, or null when it shares no term with the model. */
  vector(doc: number): Float32Array | null {
    const { dims, basis } = this.model.projection;
    const weights = this.weights(doc);
    if (weights.length === 0) return null;
    const v = new Float32Array(dims);
    for (const [column, w] of weights) for (let d = 0; d < dims; d++) v[d] += w * basis[column * dims + d];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    for (let d = 0; d < dims; d++) v[d] /= norm;
    return v;
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
