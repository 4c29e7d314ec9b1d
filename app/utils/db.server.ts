import { openDatabase, type Db } from "~db/client.server";
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
