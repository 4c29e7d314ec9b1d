import { availableParallelism } from "node:os";
import { assemble, createPrepareContext, preparePart, type PreparedComments, type PreparedPart } from "./prepare";
import type { PrepareMessage, PrepareRequest } from "./prepare-worker";
import { startWorker } from "./spawn-worker";
import { TokenCorpus } from "./token-corpus";
import type { AnalysisInput } from "./types";

/**
 * The per-comment stage spread over the machine's cores: the input is cut into consecutive runs, the first is
 * prepared on this thread while helper threads prepare the others, and the parts are joined in order. Joining
 * in order keeps token ids, and so the whole result, identical to the single-threaded run.
 */
export function threadsFor(n: number, minPerThread: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.floor(n / minPerThread)));
}

export async function prepareInParallel(input: AnalysisInput, threads: number, onStep: (done: number) => void): Promise<PreparedComments> {
  const n = input.comments.length;
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((t * n) / threads));
  const progress = new Array<number>(threads).fill(0);
  const report = () => onStep(progress.reduce((a, b) => a + b, 0));
  const helpers = bounds.slice(1, -1).map((from, h) => {
    const request: PrepareRequest = {
      texts: input.comments.slice(from, bounds[h + 2]).map((c) => c.text),
      draft: input.draft ?? null,
      pretokenized: input.pretokenized ?? false,
    };
    return runHelper(request, (done) => {
      progress[h + 1] = done;
      report();
    });
  });
  // Keep every helper's promise observed at once, so a failure is never an unhandled rejection.
  const others = Promise.all(helpers);
  others.catch(() => {});
  const context = createPrepareContext(input.draft, input.pretokenized);
  const corpus = new TokenCorpus();
  const first = preparePart(
    input.comments.slice(0, bounds[1]).map((c) => c.text),
    context,
    corpus,
    (done) => {
      progress[0] = done;
      report();
    }
  );
  const parts: PreparedPart[] = [first];
  for (const helper of await others) {
    corpus.append(helper.corpus);
    context.segmenter.addSurfaceEntries(helper.surfaces);
    parts.push(helper.part);
  }
  return assemble(input, parts, corpus, context.segmenter);
}

type HelperResult = Extract<PrepareMessage, { type: "part" }>;

function runHelper(request: PrepareRequest, onProgress: (done: number) => void): Promise<HelperResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker("analysis-prepare-worker", request);
    let settled = false;
    worker.on("message", (message: PrepareMessage) => {
      if (message.type === "progress") return onProgress(message.done);
      settled = true;
      void worker.terminate();
      if (message.type === "part") resolve(message);
      else reject(Object.assign(new Error(message.message), { stack: message.stack }));
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`prepare worker exited with code ${code}`));
    });
  });
}
