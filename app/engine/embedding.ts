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
 * Adds the sparse row (columns[start..end), weights[start..end)) times one block's basis into out at offset,
 * unnormalised, and returns the length of the result.
 */
export function projectBlock(
  block: Projection,
  columns: ArrayLike<number>,
  weights: ArrayLike<number>,
  start: number,
  end: number,
  out: Float32Array,
  offset = 0
): number {
  const { dims, basis } = block;
  for (let p = start; p < end; p++) {
    const w = weights[p];
    const b = columns[p] * dims;
    for (let j = 0; j < dims; j++) out[offset + j] += w * basis[b + j];
  }
  let norm = 0;
  for (let j = 0; j < dims; j++) norm += out[offset + j] * out[offset + j];
  return Math.sqrt(norm);
}

/**
 * Writes the embedding of the sparse row (columns[start..end), weights[start..end)) into out at offset, which
 * must hold zeros. Returns false, leaving zeros, when the row maps to nothing.
 */
export function embedRow(
  e: Embedding,
  columns: ArrayLike<number>,
  weights: ArrayLike<number>,
  start: number,
  end: number,
  out: Float32Array,
  offset = 0
): boolean {
  const scale = 1 / Math.sqrt(e.blocks.length);
  let any = false;
  let base = offset;
  for (const block of e.blocks) {
    const norm = projectBlock(block, columns, weights, start, end, out, base);
    if (norm > 0) {
      any = true;
      for (let j = 0; j < block.dims; j++) out[base + j] *= scale / norm;
    }
    base += block.dims;
  }
  return any;
}
