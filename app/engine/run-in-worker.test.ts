import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { runAnalysisInWorker } from "./run-in-worker.server";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";
import type { AnalysisProgress } from "./types";

describe("runAnalysisInWorker", () => {
  it("runs the analysis off the main thread, reporting progress, with the same result", async () => {
    const input = { comments: fixtureComments(), draft: FIXTURE_DRAFT };
    const progress: AnalysisProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await runAnalysisInWorker(input, { onProgress: (p) => progress.push(p) });
    clearInterval(timer);
    expect(result).toEqual(analyze(input));
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(["prepare", "comments", "done"]));
    expect(progress.at(-1)).toEqual({ stage: "done", done: input.comments.length, total: input.comments.length });
    // the event loop kept running while the worker worked
    expect(ticks).toBeGreaterThan(0);
  }, 60_000);

  it("rejects when aborted", async () => {
    const controller = new AbortController();
    const running = runAnalysisInWorker({ comments: fixtureComments() }, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow("aborted");
  });

  it("rejects with the worker's error", async () => {
    const bad = { comments: null } as unknown as Parameters<typeof runAnalysisInWorker>[0];
    await expect(runAnalysisInWorker(bad)).rejects.toThrow();
  }, 60_000);
});
