import { describe, expect, it } from "vitest";
import { ari, nmi, pairPrecisionRecall } from "./metrics";

describe("nmi", () => {
  it("is 1 for identical partitions, whatever the names", () => {
    expect(nmi(["a", "a", "b", "b"], [1, 1, 2, 2])).toBeCloseTo(1);
  });

  it("is 0 when the found groups say nothing about the labels", () => {
    expect(nmi(["a", "a", "b", "b"], [1, 2, 1, 2])).toBeCloseTo(0);
  });

  it("uses the arithmetic mean of the entropies", () => {
    // truth splits 2/2, found puts everything in one group except one: I = 0.2158, H = 0.6931 and 0.5623.
    expect(nmi(["a", "a", "b", "b"], [1, 1, 1, 2])).toBeCloseTo((2 * 0.2158) / (0.6931 + 0.5623), 3);
  });
});

describe("ari", () => {
  it("is 1 for identical partitions and about 0 for unrelated ones", () => {
    expect(ari(["a", "a", "b", "b", "c", "c"], [3, 3, 1, 1, 2, 2])).toBeCloseTo(1);
    expect(ari(["a", "a", "b", "b"], [1, 2, 1, 2])).toBeLessThan(0);
  });
});

describe("pairPrecisionRecall", () => {
  it("counts pairs within groups, ignoring comments in no group", () => {
    const truth = ["c1", "c1", "c1", null, null];
    const found = [1, 1, null, 1, null];
    // found pairs: (0,1) (0,3) (1,3): one of them true; true pairs: (0,1) (0,2) (1,2): one found.
    expect(pairPrecisionRecall(truth, found)).toEqual({ precision: 1 / 3, recall: 1 / 3 });
  });

  it("gives null recall when the labels have no pairs", () => {
    expect(pairPrecisionRecall([null, null], [null, null])).toEqual({ precision: 1, recall: null });
  });
});
