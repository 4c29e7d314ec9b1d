import { describe, expect, it } from "vitest";
import { analyze, analyzeInParallel } from "./analyze";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";
import type { AnalysisComment } from "./types";

describe("analyzeInParallel", () => {
  it("gives exactly the single-threaded result when the per-comment stage uses helper threads", async () => {
    // Four copies of the fixture under new ids, so the input is cut across threads mid-vocabulary.
    const comments: AnalysisComment[] = [1, 2, 3, 4].flatMap((copy) =>
      fixtureComments().map((c) => ({ ...c, id: `${copy}-${c.id}`, text: copy % 2 ? c.text : `${c.text} Parking permits` }))
    );
    const input = { comments, draft: FIXTURE_DRAFT };
    const parallel = await analyzeInParallel(input, () => {}, 40);
    expect(parallel).toEqual(analyze(input));
  }, 60_000);

  it("stays on one thread for small inputs", async () => {
    const input = { comments: fixtureComments() };
    expect(await analyzeInParallel(input)).toEqual(analyze(input));
  });
});
