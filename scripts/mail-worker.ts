// `npm run mail:worker`: the outbox sender as a process of its own, for a deployment that runs the
// server with MAIL_SENDER=off (or several servers and one sender). Same loop, same database.
// Several workers may run at once: each claims rows under its own lease.
import { closeDatabase, describeLocation, migrateDatabase } from "~db/client.server";
import { startOutboxSender } from "~/features/notices/outbox-sender.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { createMailer } from "~/platform/mailer.server";

const e = env();
const db = getDb();
await migrateDatabase(db); // harmless when the server already did; lets the worker start first
const mailer = createMailer();
const sender = startOutboxSender(db, mailer, { keepAlive: true });
console.log(
  `[mail-worker] Delivering the outbox of ${describeLocation(e.DATABASE)} ${
    mailer.mode === "smtp" ? `through ${e.SMTP_HOST}:${e.SMTP_PORT}` : "to .eml files (no SMTP_HOST)"
  }, every ${e.MAIL_POLL_MS} ms.`
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[mail-worker] ${signal}: finishing the message in flight`);
  await sender.stop();
  await closeDatabase(db);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
