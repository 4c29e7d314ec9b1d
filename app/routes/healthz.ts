import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";

/** Liveness and readiness: 200 when the database answers, 503 otherwise. */
export function loader() {
  const started = performance.now();
  try {
    getDb().run(sql`select 1`);
    const ms = Math.round((performance.now() - started) * 100) / 100;
    return Response.json({ status: "ok", database: "ok", ms }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", database: "unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
