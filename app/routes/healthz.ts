import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";

/**
 * Liveness and readiness: 200 when the database answers a read and accepts a write, 503
 * otherwise. The write is real (a table created inside a transaction) and rolled back, so a
 * read-only, corrupt or locked database is reported as the commenters would meet it.
 */
export function loader() {
  const started = performance.now();
  const headers = { "Cache-Control": "no-store" };
  try {
    const db = getDb();
    db.run(sql`select 1`);
    writeProbe(db.$client);
    const ms = Math.round((performance.now() - started) * 100) / 100;
    return Response.json({ status: "ok", database: "ok", ms }, { headers });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
}

function writeProbe(client: ReturnType<typeof getDb>["$client"]): void {
  // Another request's transaction is open on the shared connection: the database is writable.
  if (client.inTransaction) return;
  client.exec("BEGIN IMMEDIATE");
  try {
    client.exec("CREATE TABLE healthz_write_probe (x INTEGER); INSERT INTO healthz_write_probe VALUES (1);");
  } finally {
    client.exec("ROLLBACK");
  }
}
