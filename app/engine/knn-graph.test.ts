import { describe, expect, it } from "vitest";
import { normalizeRows } from "./dense";
import { knnGraph } from "./knn-graph";
import { seededRandom } from "./prng";

/** Every pair's cosine, each row's k best kept, symmetrised with the larger weight: the graph by definition. */
function bruteForce(data: Float32Array, n: number, dims: number, k: number): Map<string, number> {
  const edges = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const sims: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let d = 0; d < dims; d++) s += data[i * dims + d] * data[j * dims + d];
      sims.push([j, s]);
    }
    sims.sort((a, b) => b[1] - a[1]);
    for (const [j, s] of sims.slice(0, k)) {
      if (!(s > 0)) continue;
      for (const key of [`${i}-${j}`, `${j}-${i}`]) edges.set(key, Math.max(edges.get(key) ?? 0, s));
    }
  }
  return edges;
}

describe("knnGraph", () => {
  // Sizes around the four-rows-by-four tiling: every remainder of the row blocks and of the column blocks.
  it.each([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 30])("finds each row's nearest rows exactly (%i rows)", (n) => {
    const dims = 7;
    const random = seededRandom(n);
    const data = Float32Array.from({ length: n * dims }, () => random() - 0.3);
    normalizeRows(data, n, dims);
    const k = 3;
    const graph = knnGraph({ n, dims, data }, k);
    const found = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      for (let p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) found.set(`${i}-${graph.neighbours[p]}`, graph.weights[p]);
    }
    const expected = bruteForce(data, n, dims, k);
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, w] of expected) expect(found.get(key)).toBeCloseTo(w, 5);
  });

  it("keeps the earlier of two equally similar rows, as the definition does (duplicated comments)", () => {
    // Seven distinct rows, each repeated three or four times: every row has ties at its list's boundary.
    const dims = 5;
    const random = seededRandom(11);
    const distinct = Float32Array.from({ length: 7 * dims }, () => random() - 0.3);
    normalizeRows(distinct, 7, dims);
    const n = 23;
    const data = new Float32Array(n * dims);
    for (let i = 0; i < n; i++) data.set(distinct.subarray(((i * 3) % 7) * dims, ((i * 3) % 7) * dims + dims), i * dims);
    for (const k of [2, 3, 5]) {
      const graph = knnGraph({ n, dims, data }, k);
      const found: string[] = [];
      for (let i = 0; i < n; i++) for (let p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) found.push(`${i}-${graph.neighbours[p]}`);
      expect(found.sort()).toEqual([...bruteForce(data, n, dims, k).keys()].sort());
    }
  });

  it("skips far pairs by their leading dimensions and still finds each row's nearest rows exactly", () => {
    // 200 dimensions whose scale falls off, as LSA and word-vector coordinates do: the head bound applies.
    const n = 203;
    const dims = 200;
    const random = seededRandom(3);
    const centres = Array.from({ length: 9 }, () => Array.from({ length: dims }, (_, d) => (random() - 0.5) / (1 + d / 6)));
    const data = new Float32Array(n * dims);
    for (let i = 0; i < n; i++) {
      const c = centres[i % centres.length];
      for (let d = 0; d < dims; d++) data[i * dims + d] = c[d] + ((random() - 0.5) * 0.6) / (1 + d / 6);
      // a few exact duplicates, for ties
      if (i % 17 === 5) data.copyWithin(i * dims, (i - 1) * dims, i * dims);
    }
    normalizeRows(data, n, dims);
    for (const k of [1, 4, 15]) {
      const graph = knnGraph({ n, dims, data }, k);
      const found = new Map<string, number>();
      for (let i = 0; i < n; i++) for (let p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) found.set(`${i}-${graph.neighbours[p]}`, graph.weights[p]);
      const expected = bruteForce(data, n, dims, k);
      expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [key, w] of expected) expect(found.get(key)).toBe(w);
    }
  });
});
