import type { Projection } from "./svd";

/**
 * How a comment's TF-IDF row becomes a dense unit vector: one or more projections (document-level LSA, word
 * vectors), each mapped and normalised on its own, then set side by side with equal weight, so cosine similarity
 * of two comments is the mean of their similarities in each view.
 */
export interface Embedding {
  dims: number;
  blocks: Projection[];
}

export function embedding(blocks: Projection[]): Embedding {
  return { dims: blocks.reduce((sum, b) => sum + b.dims, 0), blocks };
}

/**
 * Writes the embedding of the sparse row (columns[start..end), weights[start..end)) into out at offset.
 * Returns false, leaving zeros, when the row maps to nothing.
 */
export function embedRow(
  e: Embedding,
  columns: ArrayLike<number>,
  weights: ArrayLike<number>,
  start: number,
  end: number,
  out: Float32Array,
  offset = 0,
): boolean {
  const scale = 1 / Math.sqrt(e.blocks.length);
  let any = false;
  let base = offset;
  for (const { dims, basis } of e.blocks) {
    for (let p = start; p < end; p++) {
      const w = weights[p];
      const b = columns[p] * dims;
      for (let j = 0; j < dims; j++) out[base + j] += w * basis[b + j];
    }
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += out[base + j] * out[base + j];
    norm = Math.sqrt(norm);
    if (norm > 0) {
      any = true;
      for (let j = 0; j < dims; j++) out[base + j] *= scale / norm;
    }
    base += dims;
  }
  return any;
}
