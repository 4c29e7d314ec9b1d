import { getDb, probeDatabase } from "~/platform/db.server";

/**
 * Liveness and readiness: 200 when the database answers a read and accepts a write, 503
 * otherwise. The write is real (a table created inside a transaction) and rolled back, so a
 * read-only, corrupt or locked database is reported as the commenters would meet it.
 */
export async function loader() {
  const started = performance.now();
  const headers = { "Cache-Control": "no-store" };
  try {
    await probeDatabase(getDb());
    const ms = Math.round((performance.now() - started) * 100) / 100;
    return Response.json({ status: "ok", database: "ok", ms }, { headers });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
}
