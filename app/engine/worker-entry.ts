import { parentPort, workerData } from "node:worker_threads";
import { analyzeInParallel } from "./analyze";
import type { AnalysisInput, AnalysisProgress, AnalysisResult } from "./types";

/**
 * The body of the analysis worker thread: runs one analysis on the input it was started with, posting progress
 * (at most a few times a second) and then the result or the error. Bundled to build/analysis-worker.js for
 * production by scripts/build-entries.mjs.
 */
export type WorkerMessage =
  | { type: "progress"; progress: AnalysisProgress }
  | { type: "result"; result: AnalysisResult }
  | { type: "error"; message: string; stack?: string };

const PROGRESS_INTERVAL_MS = 250;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

async function run(): Promise<void> {
  let lastPost = 0;
  let lastStage = "";
  try {
    const result = await analyzeInParallel(workerData as AnalysisInput, (progress) => {
      const now = Date.now();
      if (progress.stage === lastStage && now - lastPost < PROGRESS_INTERVAL_MS) return;
      lastStage = progress.stage;
      lastPost = now;
      post({ type: "progress", progress });
    });
    post({ type: "result", result });
  } catch (error) {
    post({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
}

if (parentPort) void run();
