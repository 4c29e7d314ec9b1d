import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../../db/client.server";

export const TMP_DIR = path.resolve("tests/.tmp");
export const BASE_DB = path.join(TMP_DIR, "base.db");

/** Migrates one base database per test run; each test file works on its own copy of it. */
export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const db = openDatabase(BASE_DB);
  migrateDatabase(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
