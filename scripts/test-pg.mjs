// `npm run test:pg`: the integration suite on PostgreSQL (tests/vitest.config.ts), on the server
// scripts/ensure-postgres.mjs provides. Arguments are passed to vitest (e.g. one test file).
import { spawnSync } from "node:child_process";

const ensured = spawnSync(process.execPath, ["scripts/ensure-postgres.mjs"], { stdio: "inherit" });
if (ensured.status !== 0) process.exit(ensured.status ?? 1);
const env = { ...process.env, ZQ_TEST_PG_SERVER: process.env.ZQ_TEST_PG_SERVER || "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres" };
const run = spawnSync("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(run.status ?? 1);
