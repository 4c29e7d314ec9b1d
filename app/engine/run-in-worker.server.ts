import { startWorker } from "./spawn-worker";
import type { AnalysisInput, AnalysisProgress, AnalysisResult } from "./types";
import type { WorkerMessage } from "./worker-entry";

/**
 * Runs an analysis in a worker thread, so that a request handler can wait for it (or report its progress)
 * while the server keeps answering other requests. The worker itself may use a second thread for the
 * per-comment stage of large inputs (analyze-parallel.ts).
 */
export interface RunOptions {
  onProgress?: (progress: AnalysisProgress) => void;
  /** aborting terminates the worker and rejects the promise */
  signal?: AbortSignal;
}

export function runAnalysisInWorker(input: AnalysisInput, options: RunOptions = {}): Promise<AnalysisResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error("analysis aborted"));
    const worker = startWorker("analysis-worker", input);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => {
      void worker.terminate();
      settle(() => reject(new Error("analysis aborted")));
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") options.onProgress?.(message.progress);
      else if (message.type === "result") settle(() => resolve(message.result));
      else settle(() => reject(Object.assign(new Error(message.message), { stack: message.stack })));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) => settle(() => reject(new Error(`analysis worker exited with code ${code}`))));
  });
}
