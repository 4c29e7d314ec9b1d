// npm run bench:pg — the deployment of docs/deploy.md under load, on PostgreSQL, against floors measured in
// the same run: intake through nginx with one and with three app instances (accepted/s, p50, p99, lost, and
// where the CPU went: the machine's idle share and each kind of process's CPU per comment), then one instance
// on a machine kept busy by a compute-only process (the control), next to bare node:http + pg doing the same
// insert; the consultation page with 100,000 comments in the
// database, straight from one instance and through nginx's micro-cache; the analysis of 100,000 comments
// read from PostgreSQL. One JSON line at the end.
import { type ChildProcess, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePortsSync } from "../../tests/setup/free-port";
import { createDatabase, dropDatabase, withDatabase } from "../../tests/setup/postgres";
import { cpuSnapshot, cpuSpent, type CpuSpent } from "./cpu";
import { loadGet, loadPost, startProcess, stopProcess, waitForHttp } from "./lib";
import { startNginx, stopNginx } from "./nginx";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
// Each intake configuration is loaded this long before it is measured: a deployed instance has long been
// running, its code optimised by V8, while a fresh one spends its first seconds compiling.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
// Rounds of intake measurements, one and three instances alternating.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const SERVER = process.env.ZQ_TEST_PG_SERVER || "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres";
const NAME = `zq_bench_${process.pid}`;
const URL_ = withDatabase(SERVER, NAME);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-bench-pg-"));
const [NGINX_PORT, FLOOR_PORT, ...PORTS] = freePortsSync(5);
// BENCH_PARTS=intake,pageview,analysis runs only those (all by default), for a quicker look at one.
const PARTS = new Set((process.env.BENCH_PARTS ?? "intake,pageview,analysis").split(","));
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

if (!fs.existsSync("build/index.js")) {
  console.error("No build: run `npm run build` first.");
  process.exit(1);
}

const receiptOf = (location: string, setCookie: string) =>
  /receipt=([A-Za-z0-9-]+)/.exec(location)?.[1] ?? /=(ZQ\d{8}-[0-9A-Z]{6})\./.exec(setCookie)?.[1] ?? null;
let run = 0;
const body = (i: number) =>
  new URLSearchParams({
    body: `基准测试意见 ${i}：建议第五条明确适应性培训的补贴标准，并简化申领手续。`,
    articles: "5",
    identityCategory: "退役军人",
    publishPreference: "anonymous",
    consent: "on",
    idempotencyKey: `bench-${process.pid}-${run}-${i}-abcdefgh`,
    website: "",
  }).toString();

const appEnv = (port: number, seed: boolean) => ({
  PORT: String(port),
  HOST: "127.0.0.1",
  NODE_ENV: "production",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
  SEED_DEMO: seed ? "true" : "false",
  DATA_DIR: dir,
  DATABASE_URL: URL_,
  JOBS: "off",
  // The client's address as nginx passes it on (X-Forwarded-For: the sender's, then nginx's own).
  TRUST_PROXY: "2",
});

// A rush comes from many people: 4,096 addresses of the benchmarking range (198.18.0.0/15, RFC 2544) for each
// load, each sending a few comments, under the limits as deployed (20 comments per address in 10 minutes; one
// address sending hundreds a second is a flood, which the limits refuse).
let senders = 0;
const sendersOfRun = () => {
  const block = 16 * (senders++ % 16);
  return (i: number) => `198.18.${block + ((i >> 8) & 15)}.${i & 255}`;
};

async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: URL_ });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** One measured load of the comment form through nginx; every receipt checked in the database. */
async function measureIntake(url: string) {
  run++;
  const before = cpuSnapshot();
  const r = await loadPost(url, SECONDS, CONNECTIONS, body, receiptOf, sendersOfRun());
  const cpu = cpuSpent(before, cpuSnapshot(), r.ok);
  const stored = new Set(
    (await query<{ receipt_no: string }>(`SELECT receipt_no FROM comments WHERE receipt_no = ANY($1)`, [r.receipts])).map((x) => x.receipt_no)
  );
  return {
    accepted_per_s: round(r.perSecond),
    p50_ms: r.p50,
    p99_ms: r.p99,
    errors: r.errors,
    lost: r.receipts.filter((x) => !stored.has(x)).length,
    cpu,
  };
}

type IntakeRun = Awaited<ReturnType<typeof measureIntake>>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (runs: IntakeRun[]) => ({
  accepted_per_s: median(runs.map((r) => r.accepted_per_s)),
  p50_ms: median(runs.map((r) => r.p50_ms)),
  p99_ms: median(runs.map((r) => r.p99_ms)),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  lost: runs.reduce((n, r) => n + r.lost, 0),
  rounds: runs.map((r) => r.accepted_per_s),
  ...cpuSummary(runs.map((r) => r.cpu)),
});

/** Medians of the machine's idle share and of each kind of process's CPU per comment stored. */
function cpuSummary(spent: (CpuSpent | null)[]) {
  const known = spent.filter((c): c is CpuSpent => c !== null);
  if (!known.length) return {};
  const kinds = [...new Set(known.flatMap((c) => Object.keys(c.ms_per_item)))].sort();
  return {
    machine_idle_pct: median(known.map((c) => c.idle_pct)),
    cpu_ms_per_comment: Object.fromEntries(kinds.map((k) => [k, median(known.map((c) => c.ms_per_item[k] ?? 0))])),
  };
}

/**
 * Intake through nginx in front of one and of three app instances, measured in alternating rounds (medians
 * reported): this machine's speed drifts from minute to minute, so one run of each would compare two moments.
 * The same three warm processes serve both, nginx sending to the first or to all three.
 */
async function intakeRounds() {
  const apps = PORTS.slice(0, 3).map((p) => startProcess(["build/server.js"], appEnv(p, false)));
  let nginx: ChildProcess | null = null;
  const routeTo = async (instances: number) => {
    if (nginx) await stopNginx(nginx);
    nginx = startNginx(path.join(dir, `nginx-${instances}`), NGINX_PORT, PORTS.slice(0, instances));
    await waitForHttp(`http://127.0.0.1:${NGINX_PORT}/healthz`);
  };
  const url = `http://127.0.0.1:${NGINX_PORT}/consultations/1`;
  try {
    for (const p of PORTS.slice(0, 3)) await waitForHttp(`http://127.0.0.1:${p}/healthz`);
    for (const instances of [1, 3]) {
      await routeTo(instances);
      run++;
      if (WARMUP_SECONDS > 0) await loadPost(url, WARMUP_SECONDS, CONNECTIONS, body, receiptOf, sendersOfRun());
    }
    const runs: Record<1 | 3, IntakeRun[]> = { 1: [], 3: [] };
    const busy: IntakeRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const instances of round % 2 ? ([3, 1] as const) : ([1, 3] as const)) {
        await routeTo(instances);
        runs[instances].push(await measureIntake(url));
      }
      // The control: one instance again, while a process that only computes (no memory traffic, no system
      // calls) takes the CPU the instance leaves idle. Same work per comment; only the busy machine differs.
      await routeTo(1);
      const hog = startProcess(["-e", "for (;;);"], {});
      try {
        busy.push(await measureIntake(url));
      } finally {
        await stopProcess(hog);
      }
    }
    return { one: summary(runs[1]), three: summary(runs[3]), oneOnBusyMachine: summary(busy) };
  } finally {
    if (nginx) await stopNginx(nginx);
    for (const a of apps) await stopProcess(a);
  }
}

async function floorIntake() {
  const floor = startProcess(["scripts/bench/floor-intake-pg.mjs"], { PORT: String(FLOOR_PORT), FLOOR_DATABASE_URL: URL_ });
  try {
    await waitForHttp(`http://127.0.0.1:${FLOOR_PORT}/`);
    run++;
    if (WARMUP_SECONDS > 0) await loadPost(`http://127.0.0.1:${FLOOR_PORT}/`, WARMUP_SECONDS, CONNECTIONS, body, receiptOf);
    run++;
    const r = await loadPost(`http://127.0.0.1:${FLOOR_PORT}/`, SECONDS, CONNECTIONS, body, receiptOf);
    return { accepted_per_s: round(r.perSecond), p50_ms: r.p50, p99_ms: r.p99 };
  } finally {
    await stopProcess(floor);
  }
}

const views = (url: string, connections = 32, duration = SECONDS) => loadGet(url, connections, duration);

/** The consultation page with COMMENTS approved comments in the database: one instance, one view at a time and
 * under load, and through nginx's micro-cache in front of three. */
async function pageviews(results: Record<string, unknown>) {
  // 100,000 approved comments on the open consultation, written by PostgreSQL itself, in place of those the
  // intake runs left (over 100,000 of their own, which the page would count too).
  const t = performance.now();
  await query(`DELETE FROM comments WHERE idempotency_key LIKE 'bench-%'`);
  await query(
    `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, published_body, identity_category, received_at, moderation_status, moderated_at)
     SELECT 1, 'BENCH-' || g, 'x', '基准浏览意见 ' || g || '：建议简化申领手续。', '基准浏览意见 ' || g, '基准浏览意见 ' || g || '：建议简化申领手续。', '退役军人',
            now() - (g || ' seconds')::interval, 'approved', now()
       FROM generate_series(1, $1::int) g`,
    [COMMENTS]
  );
  await query("VACUUM ANALYZE");
  console.error(`${COMMENTS} comments inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const [{ n: inDb }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE consultation_id = 1`);
  const apps = PORTS.slice(0, 3).map((p) => startProcess(["build/server.js"], appEnv(p, false)));
  const nginx = startNginx(path.join(dir, "nginx-views"), NGINX_PORT, PORTS.slice(0, 3));
  try {
    for (const p of PORTS.slice(0, 3)) await waitForHttp(`http://127.0.0.1:${p}/healthz`);
    await waitForHttp(`http://127.0.0.1:${NGINX_PORT}/healthz`);
    // As for intake: measured warm, past V8's first seconds of interpreting and compiling.
    if (WARMUP_SECONDS > 0) for (const p of PORTS.slice(0, 3)) await views(`http://127.0.0.1:${p}/consultations/1`, 4, WARMUP_SECONDS);
    const alone = await views(`http://127.0.0.1:${PORTS[0]}/consultations/1`, 1);
    const direct = await views(`http://127.0.0.1:${PORTS[0]}/consultations/1`);
    const cached = await views(`http://127.0.0.1:${NGINX_PORT}/consultations/1`);
    const healthz = await views(`http://127.0.0.1:${PORTS[0]}/healthz`);
    results.pageview = {
      comments_in_db: inDb,
      one_instance_one_at_a_time: alone,
      one_instance_direct: direct,
      through_nginx_micro_cache: cached,
      healthz_floor: healthz,
    };
  } finally {
    await stopNginx(nginx);
    for (const a of apps) await stopProcess(a);
  }
}

await dropDatabase(SERVER, NAME);
await createDatabase(SERVER, NAME);
const results: Record<string, unknown> = {};
try {
  // The first instance migrates and seeds the demo.
  const seeder = startProcess(["build/server.js"], appEnv(PORTS[0], true));
  await waitForHttp(`http://127.0.0.1:${PORTS[0]}/healthz`);
  await stopProcess(seeder);

  if (PARTS.has("intake")) {
    const { one, three, oneOnBusyMachine } = await intakeRounds();
    const floor = await floorIntake();
    results.intake = {
      one_instance: one,
      three_instances: three,
      one_instance_busy_machine: oneOnBusyMachine,
      floor,
      ratio_one_to_floor: round(one.accepted_per_s / floor.accepted_per_s, 3),
      ratio_three_to_one: round(three.accepted_per_s / one.accepted_per_s, 3),
    };
  }
  if (PARTS.has("pageview")) await pageviews(results);
} finally {
  await dropDatabase(SERVER, NAME);
  fs.rmSync(dir, { recursive: true, force: true });
}

// The analysis of 100,000 comments read from PostgreSQL, in a process of its own (scripts/bench/analysis-pg.ts).
const analysis = !PARTS.has("analysis")
  ? null
  : spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", "scripts/bench/analysis-pg.ts"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
const analysisLine = analysis?.stdout.trim().split("\n").at(-1) ?? "";
if (analysis) results.analysis = analysisLine.startsWith("{") ? JSON.parse(analysisLine) : { error: `exit ${analysis.status}` };
console.log(JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, ...results }));
