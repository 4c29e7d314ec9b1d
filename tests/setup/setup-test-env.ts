import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";
import { dropDatabase, onServer, withDatabase } from "./postgres";

// Each test file gets its own copy of the migrated base database, so files never share state.
const tmp = process.env.ZQ_TEST_TMP;
if (!tmp) throw new Error("ZQ_TEST_TMP is not set: run the tests through tests/vitest.config.ts");
const name = `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const file = path.join(tmp, `${name}.db`);
const pgServer = process.env.ZQ_TEST_PG_SERVER;
const pgName = `zq_t_${name.replace(/\W/g, "_")}`;
if (pgServer) {
  await onServer(pgServer, (c) => c.query(`CREATE DATABASE "${pgName}" TEMPLATE "${process.env.ZQ_TEST_PG_BASE}"`));
  process.env.DATABASE_URL = withDatabase(pgServer, pgName);
} else {
  fs.copyFileSync(path.join(tmp, "base.db"), file);
}
process.env.DATABASE_PATH = file;
process.env.DATA_DIR = path.join(tmp, name);
process.env.NODE_ENV = "test";
process.env.SEED_DEMO = "false";

afterAll(async () => {
  const g = globalThis as { __zhengqiuDb?: Parameters<typeof import("../../db/client.server").closeDatabase>[0] };
  if (g.__zhengqiuDb) await (await import("../../db/client.server")).closeDatabase(g.__zhengqiuDb);
  delete g.__zhengqiuDb;
  if (pgServer) await dropDatabase(pgServer, pgName);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
});

// A stray console.error fails the test that caused it.
const original = console.error;
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});
afterEach(() => {
  console.error = original;
  if (errors.length > 0) {
    throw new Error(`console.error was called ${errors.length} time(s): ${String(errors[0]?.[0])}`);
  }
});
