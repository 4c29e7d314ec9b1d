// The body of the packet worker thread: opens its own connection to the database file and writes
// one consultation's packet files (packet-files.server.ts), then posts the outcome. Bundled to
// build/packet-worker.js by scripts/build-entries.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { closeDatabase, openDatabaseAt } from "~db/client.server";
import { setDb } from "~/platform/db.server";
import { writePacketFiles } from "./packet-files.server";

export interface PacketWorkerInput {
  databasePath: string;
  consultationId: number;
  dir: string;
  now: number;
}

export type PacketWorkerMessage = { type: "done"; pdfError: string | null } | { type: "error"; message: string; stack?: string };

async function run(): Promise<void> {
  const input = workerData as PacketWorkerInput;
  const db = openDatabaseAt(input.databasePath);
  setDb(db);
  try {
    const { pdfError } = await writePacketFiles(db, input.consultationId, input.dir, new Date(input.now));
    parentPort?.postMessage({ type: "done", pdfError } satisfies PacketWorkerMessage);
  } catch (error) {
    parentPort?.postMessage({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    } satisfies PacketWorkerMessage);
  } finally {
    await closeDatabase(db);
  }
}

void run();
