import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the committed migrations are, from the source tree or from the Remix build. */
export function migrationsFolder(): string {
  const candidates = [
    path.join(here, "migrations"),
    path.join(here, "..", "db", "migrations"),
    path.join(process.cwd(), "db", "migrations"),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta", "_journal.json")));
  if (!found) throw new Error(`No migrations found (looked in ${candidates.join(", ")})`);
  return found;
}

export const BUSY_TIMEOUT_MS = 200;

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL"); // durable across process crashes in WAL mode
  sqlite.pragma("foreign_keys = ON");
  // better-sqlite3 is synchronous: while a statement waits for another process's lock, every
  // request of this process waits with it. So the wait is short, and the writes that a person is
  // waiting for retry between other work (retryWhileBusy in app/utils/db-errors.server.ts).
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return drizzle(sqlite, { schema });
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
