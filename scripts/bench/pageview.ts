// npm run bench:pageview — the consultation page and its comment list with 100,000 comments in the
// database: requests per second, p50 and p99, against a floor measured in the same run; and the page
// through nginx with the micro-cache of docs/deploy.md, as a rush of anonymous visitors meets it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabase } from "./fixtures";
import { freePortsSync } from "../../tests/setup/free-port";
import { loadGet, startProcess, stopProcess, waitForHttp } from "./lib";
import { startNginx } from "./nginx";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// Each server is measured warm, past V8's first seconds of interpreting and compiling (as in bench:pg).
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-bench-page-"));
const file = path.join(dir, "app.db");
const [APP, FLOOR, NGINX] = freePortsSync(3);

const measure = (url: string, connections = 8, duration = SECONDS) => loadGet(url, connections, duration);

const t = performance.now();
(await benchDatabase(file, COMMENTS)).$client.close();
console.error(`database with ${COMMENTS} extra comments built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const app = startProcess(["build/server.js"], {
  PORT: String(APP),
  HOST: "127.0.0.1",
  NODE_ENV: "production",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
  SEED_DEMO: "false",
  DATA_DIR: dir,
  DATABASE_PATH: file,
  MAIL_SENDER: "off",
});
let page, list, floorPage, cached;
try {
  await waitForHttp(`http://127.0.0.1:${APP}/healthz`);
  if (WARMUP_SECONDS > 0) await measure(`http://127.0.0.1:${APP}/consultations/1`, 4, WARMUP_SECONDS);
  page = await measure(`http://127.0.0.1:${APP}/consultations/1`);
  list = await measure(`http://127.0.0.1:${APP}/consultations/1?cpage=200`);
  const nginx = startNginx(path.join(dir, "nginx"), NGINX, [APP]);
  try {
    await waitForHttp(`http://127.0.0.1:${NGINX}/healthz`);
    cached = await measure(`http://127.0.0.1:${NGINX}/consultations/1`, 32);
  } finally {
    nginx.kill("SIGTERM");
  }
} finally {
  await stopProcess(app);
}
const floor = startProcess(["scripts/bench/floor-page-server.mjs"], { PORT: String(FLOOR), FLOOR_DB: file });
try {
  await waitForHttp(`http://127.0.0.1:${FLOOR}/`);
  if (WARMUP_SECONDS > 0) await measure(`http://127.0.0.1:${FLOOR}/?cpage=200`, 4, WARMUP_SECONDS);
  floorPage = await measure(`http://127.0.0.1:${FLOOR}/?cpage=200`);
} finally {
  await stopProcess(floor);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    comments_in_db: COMMENTS,
    consultation_page: page,
    consultation_page_through_nginx: cached,
    comment_list_page_200: list,
    floor: floorPage,
    ratio_page_to_floor: Math.round((page.rps / floorPage.rps) * 1000) / 1000,
    ratio_list_to_floor: Math.round((list.rps / floorPage.rps) * 1000) / 1000,
  })
);
