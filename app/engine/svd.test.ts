import { describe, expect, it } from "vitest";
import { seededRandom } from "./prng";
import { truncatedSvd } from "./svd";
import type { SparseRows } from "./tfidf";

/**
 * A rank-3 matrix Σ s·u·vᵀ whose singular vectors have disjoint supports, so its SVD is known exactly. Rows of
 * the three blocks store 7, 5 and 10 entries: every remainder of the four-entries-at-a-time product is exercised.
 */
function knownMatrix() {
  const random = seededRandom(5);
  const singular = [5, 10, 2];
  const columnBlocks = [
    [0, 3, 4, 9, 11, 12, 20],
    [1, 2, 5, 6, 7],
    [8, 10, 13, 14, 15, 16, 17, 18, 19, 21],
  ];
  const rowBlocks = [
    [0, 12],
    [12, 25],
    [25, 40],
  ];
  const unit = (n: number) => {
    const v = Array.from({ length: n }, () => random() + 0.1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const nCols = 22;
  const v = columnBlocks.map((cols) => {
    const dense = new Array<number>(nCols).fill(0);
    unit(cols.length).forEach((x, i) => (dense[cols[i]] = x));
    return dense;
  });
  const u = rowBlocks.map(([from, to]) => unit(to - from));
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  rowBlocks.forEach(([from, to], k) => {
    for (let r = from; r < to; r++) {
      for (const c of columnBlocks[k]) {
        indices.push(c);
        values.push(singular[k] * u[k][r - from] * v[k][c]);
      }
      indptr.push(indices.length);
    }
  });
  const x: SparseRows = {
    nRows: 40,
    nCols,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
  return { x, singular, v };
}

describe("truncatedSvd", () => {
  it("recovers the singular values and right singular vectors of a known matrix, largest first", () => {
    const { x, singular, v } = knownMatrix();
    const { dims, basis, values } = truncatedSvd(x, 3, seededRandom(1));
    expect(dims).toBe(3);
    const expected = [...singular].sort((a, b) => b - a);
    values.forEach((value, j) => expect(value).toBeCloseTo(expected[j], 4));
    // Column j of the basis is ±v for the j-th largest value.
    expected.forEach((s, j) => {
      const k = singular.indexOf(s);
      let dot = 0;
      for (let c = 0; c < x.nCols; c++) dot += basis[c * dims + j] * v[k][c];
      expect(Math.abs(dot)).toBeCloseTo(1, 4);
    });
  });

  it("gives the same result for the same seed", () => {
    const { x } = knownMatrix();
    const a = truncatedSvd(x, 2, seededRandom(9));
    const b = truncatedSvd(x, 2, seededRandom(9));
    expect(Array.from(a.basis)).toEqual(Array.from(b.basis));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });
});
