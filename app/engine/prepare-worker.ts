import { parentPort, workerData } from "node:worker_threads";
import { createPrepareContext, preparePart, type PreparedPart } from "./prepare";
import { TokenCorpus, type CorpusArrays } from "./token-corpus";

/**
 * A helper thread for the per-comment stage of a large analysis: prepares one run of consecutive comments and
 * sends back its results and its own token corpus (bundled to build/analysis-prepare-worker.js).
 */
export interface PrepareRequest {
  texts: unknown[];
  draft: string | null;
  pretokenized: boolean;
}

export type PrepareMessage =
  | { type: "progress"; done: number }
  | { type: "part"; part: PreparedPart; corpus: CorpusArrays; surfaces: [string, string, number][] }
  | { type: "error"; message: string; stack?: string };

if (parentPort) {
  const port = parentPort;
  const request = workerData as PrepareRequest;
  try {
    const context = createPrepareContext(request.draft, request.pretokenized);
    const corpus = new TokenCorpus();
    let lastPost = 0;
    const part = preparePart(request.texts, context, corpus, (done) => {
      if (Date.now() - lastPost < 250) return;
      lastPost = Date.now();
      port.postMessage({ type: "progress", done } satisfies PrepareMessage);
    });
    const arrays = corpus.toArrays();
    const message: PrepareMessage = { type: "part", part, corpus: arrays, surfaces: context.segmenter.surfaceEntries() };
    port.postMessage(message, [arrays.offsets.buffer, arrays.tokens.buffer]);
  } catch (error) {
    port.postMessage({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    } satisfies PrepareMessage);
  }
}
