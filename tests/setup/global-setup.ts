import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../../db/client.server";

/**
 * Migrates one base database per test run; each test file works on its own copy of it. Every run
 * has its own folder, so two runs in one checkout (two terminals, two engineers) never collide.
 */
export default function setup() {
  const dir = path.resolve("tests/.tmp", `run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, "base.db"));
  migrateDatabase(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  // Forked test workers inherit the environment, and with it the folder.
  process.env.ZQ_TEST_TMP = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
