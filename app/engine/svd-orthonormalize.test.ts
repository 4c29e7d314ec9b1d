import { describe, expect, it } from "vitest";
import { seededRandom } from "./prng";
import { orthonormalize } from "./svd";

/** Modified Gram–Schmidt as written in the textbooks: one pass per dot product, per update, per length. */
function reference(m: Float64Array, rows: number, cols: number): Float64Array {
  for (let j = 0; j < cols; j++) {
    const cj = j * rows;
    for (let i = 0; i < j; i++) {
      const ci = i * rows;
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += m[ci + r] * m[cj + r];
      for (let r = 0; r < rows; r++) m[cj + r] -= dot * m[ci + r];
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += m[cj + r] * m[cj + r];
    norm = Math.sqrt(norm);
    const scale = norm > 1e-12 ? 1 / norm : 0;
    for (let r = 0; r < rows; r++) m[cj + r] *= scale;
  }
  return m;
}

describe("orthonormalize", () => {
  it.each([
    [1, 1],
    [5, 1],
    [5, 2],
    [40, 3],
    [300, 17],
  ])("gives exactly the textbook result (%i rows, %i columns), dependent columns included", (rows, cols) => {
    const random = seededRandom(rows * 31 + cols);
    const m = Float64Array.from({ length: rows * cols }, () => random() * 2 - 1);
    // a column that repeats an earlier one: its remainder is rounding only
    if (cols > 2) m.copyWithin(2 * rows, 0, rows);
    const expected = reference(Float64Array.from(m), rows, cols);
    expect(Array.from(orthonormalize(Float64Array.from(m), rows, cols))).toEqual(Array.from(expected));
  });
});
