import fs from "node:fs";
import path from "node:path";
import { closeDatabase, migrateDatabase, openDatabase, openDatabaseAt } from "../../db/client.server";
import { createDatabase, dropDatabase, onServer, withDatabase } from "./postgres";

/**
 * Migrates one base database per test run; each test file works on its own copy of it. Every run
 * has its own folder (and, on PostgreSQL, its own databases), so two runs never collide.
 */
export default async function setup() {
  const dir = path.resolve("tests/.tmp", `run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Forked test workers inherit the environment, and with it the folder.
  process.env.ZQ_TEST_TMP = dir;
  const server = process.env.ZQ_TEST_PG_SERVER;
  if (server) {
    const base = `zq_base_${process.pid}`;
    await dropDatabase(server, base);
    await createDatabase(server, base);
    const db = openDatabaseAt(withDatabase(server, base));
    await migrateDatabase(db);
    await closeDatabase(db);
    process.env.ZQ_TEST_PG_BASE = base;
    return async () => {
      await dropDatabase(server, base);
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const db = openDatabase(path.join(dir, "base.db"));
  await migrateDatabase(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
