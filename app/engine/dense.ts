import { embedRow, type Embedding } from "./embedding";
import type { SparseRows } from "./tfidf";

/** Dense row-major matrices as flat Float32Arrays, with the few operations clustering needs. */
export interface DenseRows {
  n: number;
  dims: number;
  data: Float32Array;
}

/** Each sparse row embedded (unit length, so dot product = cosine). */
export function projectRows(x: SparseRows, e: Embedding): DenseRows {
  const data = new Float32Array(x.nRows * e.dims);
  for (let r = 0; r < x.nRows; r++) embedRow(e, x.indices, x.values, x.indptr[r], x.indptr[r + 1], data, r * e.dims);
  return { n: x.nRows, dims: e.dims, data };
}

export function normalizeRows(data: Float32Array, n: number, dims: number): void {
  for (let r = 0; r < n; r++) {
    const base = r * dims;
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += data[base + j] * data[base + j];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < dims; j++) data[base + j] /= norm;
  }
}

/** A new matrix of the given rows, in that order. */
export function selectRows(m: DenseRows, rows: ArrayLike<number>): DenseRows {
  const data = new Float32Array(rows.length * m.dims);
  for (let i = 0; i < rows.length; i++) data.set(m.data.subarray(rows[i] * m.dims, (rows[i] + 1) * m.dims), i * m.dims);
  return { n: rows.length, dims: m.dims, data };
}
