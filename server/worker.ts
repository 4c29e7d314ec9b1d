// `npm run worker`: the background work of the platform as a process of its own, for a deployment whose web
// instances run with JOBS=off (docs/decisions/0031): the mail outbox, the daily scheduler and analysis runs.
// Several workers may run at once: mail and analysis runs are claimed under leases, and each day's scheduled
// run is recorded with its work.
import { closeDatabase, describeLocation, migrateDatabase } from "~db/client.server";
import { startBackground, stopBackground } from "~/startup/background.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";

const log = (line: string) => console.log(`[worker] ${line}`);

let e: ReturnType<typeof env>;
try {
  e = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const db = getDb();
const applied = await migrateDatabase(db).catch((error: unknown) => {
  // The database unreachable (PostgreSQL down, a wrong DATABASE_URL): say so, exit non-zero.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}); // under the lock: harmless when a web instance already did
if (applied) log(`Applied ${applied} migration(s).`);
await startBackground(db, { mail: true, keepAlive: true, log });
log(`Carrying out mail, scheduled notices and analysis runs for ${describeLocation(e.DATABASE)}; analysis runs polled every ${e.ANALYSIS_POLL_MS} ms.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing the message in flight; analysis runs in progress go back to the queue`);
  await stopBackground();
  await closeDatabase(db);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
