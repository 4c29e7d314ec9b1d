// npm run bench:packet [-- --size 2500] — the legality-review packet of a closed consultation of
// 2,500 comments on the built server (npm run build): how long the PDF takes from the click to the
// file, how long a second click takes, and the public consultation page's latency meanwhile,
// against the same page on an idle server. Works against either way of making the PDF: laid out
// in the request (the download itself takes the time) or built in the background (the first
// request answers 503 at once and the file is polled for). The last line of output is one JSON object.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { raw, migrateDatabase, openDatabase } from "~db/client.server";
import { seedDemo } from "~db/seed";
import { startProcess, stopProcess, waitForHttp } from "./lib";
import { freePortSync } from "../../tests/setup/free-port";
import { draftSummary, SUMMARY_BOUND } from "~/features/responses/summary-draft";
import { summaryData } from "~/features/responses/summary.server";
import { buildReportConsultation } from "./report-corpus";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZE = Number(arg("--size", "2500"));
const PORT = freePortSync();
const base = `http://127.0.0.1:${PORT}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-bench-packet-"));
const file = path.join(dir, "app.db");
const PUBLIC_PAGE = `${base}/consultations/1`;

const summarise = (r: autocannon.Result) => ({
  requests: r.requests.total,
  p50_ms: r.latency.p50,
  p99_ms: r.latency.p99,
  max_ms: r.latency.max,
  non_2xx: r.non2xx,
});

async function latency(seconds: number) {
  return summarise(await autocannon({ url: PUBLIC_PAGE, duration: seconds, connections: 4 }));
}

/** Loads the public page until stopped. */
function loadUntilStopped() {
  let finish: (r: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
  const instance = autocannon({ url: PUBLIC_PAGE, duration: 600, connections: 4 }, (_error, r) => finish(r));
  return async () => {
    instance.stop();
    return summarise(await done);
  };
}

async function login(): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "reviewer", password: "demo-reviewer-2026" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (res.status !== 302 || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

/** Clicks the PDF link until the file arrives; seconds from the first click to the last byte. */
async function pdfClick(url: string, cookie: string): Promise<{ seconds: number; bytes: number; background: boolean }> {
  const started = performance.now();
  let background = false;
  for (;;) {
    const res = await fetch(url, { headers: { Cookie: cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status === 200) return { seconds: (performance.now() - started) / 1000, bytes: body.length, background };
    if (res.status !== 503 || res.headers.get("Retry-After") !== "5") throw new Error(`PDF answered ${res.status}: ${body.toString("utf8").slice(0, 200)}`);
    background = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const db = openDatabase(file);
await migrateDatabase(db);
await seedDemo(db, new Date());
const { consultationId } = await buildReportConsultation(db, SIZE);
// The summary at this volume: its length against the bound, and its outline (staff approved the topics' titles).
await raw(db).run("UPDATE topics SET public_title = label WHERE consultation_id = ?", consultationId);
const summary = draftSummary((await summaryData(db, consultationId, "辽宁省退役军人事务厅"))!);
const outline = summary.split("\n\n").filter((p) => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(p) || p.length <= 20);
db.$client.pragma("wal_checkpoint(TRUNCATE)");
db.$client.close();
console.error(`consultation ${consultationId} with ${SIZE} comments built in ${dir}`);

const app = startProcess(["build/server.js"], {
  PORT: String(PORT),
  HOST: "127.0.0.1",
  NODE_ENV: "production",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
  SEED_DEMO: "false",
  DATA_DIR: dir,
  DATABASE_PATH: file,
  MAIL_SENDER: "off",
});
let result: Record<string, unknown>;
try {
  await waitForHttp(`${base}/healthz`);
  await latency(2); // warm-up
  const idle = await latency(5);
  const cookie = await login();
  const url = `${base}/admin/consultations/${consultationId}/packet/pdf`;
  // The first click, with the public page under load while the PDF is made.
  const stop = loadUntilStopped();
  const first = await pdfClick(url, cookie);
  const busy = await stop();
  const second = await pdfClick(url, cookie);
  result = {
    comments: SIZE,
    summary_chars: summary.length,
    summary_bound: SUMMARY_BOUND,
    summary_outline: outline,
    pdf_mode: first.background ? "background build, stored file" : "laid out in the request",
    pdf_first_click_seconds: Math.round(first.seconds * 10) / 10,
    pdf_second_click_seconds: Math.round(second.seconds * 100) / 100,
    pdf_bytes: first.bytes,
    public_page_idle: idle,
    public_page_during_first_click: busy,
  };
} finally {
  await stopProcess(app);
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
