import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type TransferListItem } from "node:worker_threads";

/**
 * Starts one of the engine's worker threads. In production the code runs from bundles in build/, and each
 * worker is a bundle beside the one starting it (scripts/build-entries.mjs). Under tsx and in tests the worker
 * runs its .ts source through tsx: Node 20 ignores `--import tsx` in a worker's execArgv, so a two-line
 * bootstrap registers tsx's loader inside the worker before importing the entry.
 */
export type WorkerName = "analysis-worker" | "analysis-prepare-worker" | "packet-worker";

const SOURCES: Record<WorkerName, string> = {
  "analysis-worker": "./worker-entry.ts",
  "analysis-prepare-worker": "./prepare-worker.ts",
  "packet-worker": "../features/packet/writers/packet-worker-entry.ts",
};

export function startWorker(name: WorkerName, workerData: unknown, transferList?: TransferListItem[]): Worker {
  const bundled = new URL(`./${name}.js`, import.meta.url);
  if (fs.existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData, transferList });
  const entry = new URL(SOURCES[name], import.meta.url);
  if (!fs.existsSync(fileURLToPath(entry))) {
    throw new Error(`${name} not found: build it with "npm run build" (looked for ${fileURLToPath(bundled)})`);
  }
  const tsxApi = path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/esm/api")), "index.mjs");
  const bootstrap =
    `import(${JSON.stringify(pathToFileURL(tsxApi).href)})` + `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}
