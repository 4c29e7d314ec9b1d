import { openDatabaseAt, probeWrite, raw, type Db } from "~db/client.server";

export type { Db, Tx } from "~db/client.server";
import { env } from "./env.server";

// One connection per process, kept on globalThis so that dev rebuilds reuse it.
const globalForDb = globalThis as unknown as { __zhengqiuDb?: Db };

export function getDb(): Db {
  const e = env();
  globalForDb.__zhengqiuDb ??= openDatabaseAt(e.DATABASE, { poolMax: e.PG_POOL_MAX, poolWaitMs: e.PG_POOL_WAIT_MS });
  return globalForDb.__zhengqiuDb;
}

/** Lets tests and scripts point the process at a given database. */
export function setDb(db: Db): void {
  globalForDb.__zhengqiuDb = db;
}

/**
 * Throws unless the database answers a read and accepts a write (rolled back): for /healthz. Requests that
 * arrive while a probe is running share its answer (a burst of health checks is one probe, not a write each).
 */
export function probeDatabase(db: Db): Promise<void> {
  let probe = probes.get(db);
  if (!probe) {
    probe = (async () => {
      await raw(db).value("select 1");
      await probeWrite(db);
    })().finally(() => probes.delete(db));
    probes.set(db, probe);
  }
  return probe;
}
const probes = new WeakMap<Db, Promise<void>>();
