import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { evaluatePiiDetector, type PiiFixture } from "./pii-evaluation";

const fixture: PiiFixture = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "pii-fixture.json"), "utf8"));

describe("the detector on its fixture", () => {
  const figures = evaluatePiiDetector(fixture);

  test("holds at least 300 positives and 300 near misses", () => {
    expect(figures.positives).toBeGreaterThanOrEqual(300);
    expect(figures.negatives).toBeGreaterThanOrEqual(300);
  });

  test("finds every personal datum in every format", () => {
    expect(figures.missed.map((c) => `${c.format}: ${c.text}`)).toEqual([]);
    expect(figures.recall).toBe(1);
  });

  test("flags at most 2 % of the near misses", () => {
    expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });
});
