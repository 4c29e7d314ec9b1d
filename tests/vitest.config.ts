import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// `npm run test:pg` runs the integration suite on PostgreSQL: ZQ_TEST_PG_SERVER names the server
// (tests/setup/postgres.ts); the schema is built for PostgreSQL in every process (db/columns.ts).
const pgServer = process.env.ZQ_TEST_PG_SERVER;
const SQLITE_ONLY = ["tests/integration/storage-failures.test.ts", "tests/integration/db-gate.test.ts", "tests/integration/migrate-lock.test.ts"];
if (pgServer) process.env.DATABASE_URL = pgServer;

export default defineConfig({
  root,
  resolve: {
    alias: {
      "~db": path.join(root, "db"),
      "~": path.join(root, "app"),
    },
  },
  test: {
    include: pgServer
      ? ["tests/integration/**/*.test.ts", "db/**/*.test.ts"]
      : ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/architecture.test.ts"],
    // Tests of one database's own machinery: the SQLite file's locks and disk, or PostgreSQL's server.
    exclude: pgServer ? SQLITE_ONLY : ["tests/integration/postgres/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/setup-test-env.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
