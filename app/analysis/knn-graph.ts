import type { DenseRows } from "./dense";
import { fromAdjacency, type WeightedGraph } from "./louvain";

/**
 * The k most similar rows of every row (cosine on unit vectors), symmetrised into a weighted graph. Exact, by
 * blocks of rows: the topic model runs this on a sample of at most a few thousand comments, where exact search
 * costs about a second and needs no index.
 */
export function knnGraph(m: DenseRows, k: number): WeightedGraph {
  const { n, dims, data } = m;
  const kk = Math.max(0, Math.min(k, n - 1));
  const topIdx = new Int32Array(n * kk);
  const topSim = new Float64Array(n * kk).fill(-Infinity);
  // Each pair is computed once and offered to both rows' lists.
  for (let i = 0; i < n; i++) {
    const ai = i * dims;
    for (let j = i + 1; j < n; j++) {
      const bj = j * dims;
      let s = 0;
      let d = 0;
      for (; d + 3 < dims; d += 4) {
        s += data[ai + d] * data[bj + d] + data[ai + d + 1] * data[bj + d + 1] +
          data[ai + d + 2] * data[bj + d + 2] + data[ai + d + 3] * data[bj + d + 3];
      }
      for (; d < dims; d++) s += data[ai + d] * data[bj + d];
      if (s > topSim[i * kk + kk - 1]) insert(topIdx, topSim, i * kk, kk, j, s);
      if (s > topSim[j * kk + kk - 1]) insert(topIdx, topSim, j * kk, kk, i, s);
    }
  }
  const edges: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < kk; t++) {
      const j = topIdx[i * kk + t];
      const w = topSim[i * kk + t];
      if (!(w > 0)) continue;
      if ((edges[i].get(j) ?? 0) < w) edges[i].set(j, w);
      if ((edges[j].get(i) ?? 0) < w) edges[j].set(i, w);
    }
  }
  return fromAdjacency(edges);
}

/** Insertion into row's list (offset, length kk) kept sorted by decreasing similarity; the last entry drops out. */
function insert(idx: Int32Array, sim: Float64Array, offset: number, kk: number, j: number, s: number): void {
  let p = offset + kk - 1;
  while (p > offset && sim[p - 1] < s) {
    idx[p] = idx[p - 1];
    sim[p] = sim[p - 1];
    p--;
  }
  idx[p] = j;
  sim[p] = s;
}
