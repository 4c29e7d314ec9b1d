// Starts the built app on a fresh database with the demo seeded, for the browser tests.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.join(root, "tests", ".tmp-e2e", `port-${process.env.PORT}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

process.env.DATA_DIR = dataDir;
process.env.DATABASE_PATH = path.join(dataDir, "zhengqiu.db");
process.env.SEED_DEMO = "true";
process.env.NODE_ENV = "test";
process.env.PUBLIC_URL = `http://127.0.0.1:${process.env.PORT}`;
// Mail goes to the SMTP server that tests/e2e/notices.spec.ts starts on E2E_SMTP_PORT (given here
// as SMTP_PORT by the Playwright config); until it is up, the outbox retries quickly
// (docs/decisions/0007).
process.env.SMTP_HOST = "127.0.0.1";
if (!process.env.SMTP_PORT) throw new Error("SMTP_PORT must be set by the Playwright config");
process.env.MAIL_POLL_MS = "200";
process.env.MAIL_RETRY_BASE_MS = "500";
// Every spec posts from 127.0.0.1 to this one server: the per-address limit has its own server in
// hardening.spec.ts and trust-proxy.spec.ts, so here it must not depend on how many specs ran first.
process.env.COMMENT_LIMIT_PER_IP = "1000000";

await import("../../build/server.js");
