import { sql } from "drizzle-orm";
import type Database from "better-sqlite3";
import { openDatabase, raw, type Db } from "~db/client.server";

export type { Db, Tx } from "~db/client.server";
import { env } from "./env.server";

// One connection per process, kept on globalThis so that dev rebuilds reuse it.
const globalForDb = globalThis as unknown as { __zhengqiuDb?: Db };

export function getDb(): Db {
  globalForDb.__zhengqiuDb ??= openDatabase(env().DATABASE_PATH);
  return globalForDb.__zhengqiuDb;
}

/** Lets tests and scripts point the process at a given database. */
export function setDb(db: Db): void {
  globalForDb.__zhengqiuDb = db;
}

/** Throws unless the database answers a read and accepts a write (rolled back): for /healthz. */
export async function probeDatabase(db: Db): Promise<void> {
  await db.run(sql`select 1`);
  await raw(db).sync(writeProbe);
}

function writeProbe(client: Database.Database): void {
  // Another request's transaction is open on the shared connection: the database is writable.
  if (client.inTransaction) return;
  client.exec("BEGIN IMMEDIATE");
  try {
    client.exec("CREATE TABLE healthz_write_probe (x INTEGER); INSERT INTO healthz_write_probe VALUES (1);");
  } finally {
    client.exec("ROLLBACK");
  }
}
