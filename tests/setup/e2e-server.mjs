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

await import("../../scripts/server.js");
