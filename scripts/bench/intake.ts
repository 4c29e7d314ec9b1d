// npm run bench:intake — posts valid comments to the built app on loopback for 20 s, then the same
// load against a minimal node:http + better-sqlite3 server (the floor), and prints one JSON line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { freePortsSync } from "../../tests/setup/free-port";
import { loadPost, startProcess, stopProcess, waitForHttp } from "./lib";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-bench-intake-"));
const [APP, FLOOR] = freePortsSync(2);
// The app answers 303 to /status with the receipt in a signed cookie (never in the URL); the floor
// server puts it in the Location.
const receiptOf = (location: string, setCookie: string) =>
  /receipt=([A-Za-z0-9-]+)/.exec(location)?.[1] ?? /=(ZQ\d{8}-[0-9A-Z]{6})\./.exec(setCookie)?.[1] ?? null;
const body = (i: number) =>
  new URLSearchParams({
    body: `基准测试意见 ${i}：建议第五条明确适应性培训的补贴标准，并简化申领手续。`,
    articles: "5",
    identityCategory: "退役军人",
    publishPreference: "anonymous",
    consent: "on",
    idempotencyKey: `bench-${process.pid}-${i}-abcdefgh`,
    website: "",
  }).toString();

async function app() {
  const dbFile = path.join(dir, "app.db");
  const server = startProcess(["build/server.js"], {
    PORT: String(APP),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
    SEED_DEMO: "true",
    DATA_DIR: dir,
    DATABASE_PATH: dbFile,
    COMMENT_LIMIT_PER_IP: "100000000",
    COMMENT_LIMIT_PER_CONSULTATION: "100000000",
  });
  try {
    await waitForHttp(`http://127.0.0.1:${APP}/healthz`);
    const result = await loadPost(`http://127.0.0.1:${APP}/consultations/1`, SECONDS, CONNECTIONS, body, receiptOf);
    await stopProcess(server);
    const db = new Database(dbFile, { readonly: true });
    const stored = new Set(
      (db.prepare("SELECT receipt_no FROM comments WHERE body LIKE '基准测试意见%'").all() as Array<{ receipt_no: string }>).map((r) => r.receipt_no)
    );
    db.close();
    return { ...result, rows: stored.size, lost: result.receipts.filter((r) => !stored.has(r)).length };
  } finally {
    await stopProcess(server);
  }
}

async function floor() {
  const server = startProcess(["scripts/bench/floor-intake-server.mjs"], { PORT: String(FLOOR), FLOOR_DB: path.join(dir, "floor.db") });
  try {
    await waitForHttp(`http://127.0.0.1:${FLOOR}/`);
    return await loadPost(`http://127.0.0.1:${FLOOR}/`, SECONDS, CONNECTIONS, body, receiptOf);
  } finally {
    await stopProcess(server);
  }
}

if (!fs.existsSync("build/index.js")) {
  console.error("No build: run `npm run build` first.");
  process.exit(1);
}
const a = await app();
const f = await floor();
fs.rmSync(dir, { recursive: true, force: true });
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
console.error(`app:   ${a.ok} accepted in ${SECONDS}s, ${a.errors} errors; floor: ${f.ok} in ${SECONDS}s`);
console.log(
  JSON.stringify({
    accepted_per_s: round(a.perSecond),
    p50_ms: a.p50,
    p99_ms: a.p99,
    responses_2xx: a.ok, // 303 See Other to the receipt page: the form's success answer
    rows_in_db: a.rows,
    lost: a.lost,
    floor_per_s: round(f.perSecond),
    ratio_to_floor: round(a.perSecond / f.perSecond, 3),
    seconds: SECONDS,
    connections: CONNECTIONS,
  })
);
