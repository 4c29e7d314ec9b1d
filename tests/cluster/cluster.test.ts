import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNginx } from "../../scripts/bench/nginx";
import { freePortsSync } from "../setup/free-port";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../setup/postgres";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";

// The deployment of docs/deploy.md on one machine: PostgreSQL, three app instances (JOBS=off) and the
// worker (twice, as after a failover), behind Debian's nginx, all on loopback. What several instances must
// not get wrong: a burst of comments while one instance is killed and restarted, sessions, files, the
// mail queue, the daily scheduler, analysis runs and the per-address limit.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER = process.env.ZQ_TEST_PG_SERVER || "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres";
const NAME = `zq_cluster_${process.pid}`;
const DB_URL = withDatabase(SERVER, NAME);
const [NGINX_PORT, SMTP_PORT, ...APP_PORTS] = freePortsSync(5);
const BASE = `http://127.0.0.1:${NGINX_PORT}`;
const TMP = path.join(root, "tests", ".tmp-cluster", String(process.pid));

const processes = new Map<string, ChildProcess>();
let sink: SmtpSink;
const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await onServer(DB_URL, (c) => c.query(text, params))).rows as T[];

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "test" as const,
  DATABASE_URL: DB_URL,
  DATA_DIR: path.join(TMP, "data"),
  SESSION_SECRET: "cluster-test-session-secret-0123456789abcdef",
  PUBLIC_URL: BASE,
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(SMTP_PORT),
  MAIL_POLL_MS: "200",
  ANALYSIS_POLL_MS: "300",
  // nginx hands on the address a gateway in front of it reported (two hops): each simulated citizen has its own.
  TRUST_PROXY: "2",
  ...extra,
});

async function healthy(base: string, label: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not yet
    }
    if (processes.get(label)?.exitCode != null) throw new Error(`${label} exited`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} did not become healthy`);
}

function startProcess(label: string, command: string, args: string[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: env(extra), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
    fs.appendFileSync(path.join(TMP, `${label}.log`), String(d));
  });
  child.on("exit", (code, signal) => {
    if (code && code !== 0) console.warn(`[cluster] ${label} exited ${code} ${signal ?? ""}: ${stderr.slice(-2000)}`);
  });
  processes.set(label, child);
  return child;
}

async function startApp(i: number) {
  startProcess(`app${i}`, process.execPath, ["build/server.js"], {
    PORT: String(APP_PORTS[i]),
    HOST: "127.0.0.1",
    JOBS: "off",
    SEED_DEMO: i === 0 ? "true" : "false",
  });
  await healthy(`http://127.0.0.1:${APP_PORTS[i]}`, `app${i}`);
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, "build", "server.js"))) {
    const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) throw new Error("npm run build failed");
  }
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  await dropDatabase(SERVER, NAME);
  await createDatabase(SERVER, NAME);
  sink = await startSmtpSink(SMTP_PORT);
  // The first instance migrates and seeds; the others find a ready database.
  await startApp(0);
  await Promise.all([startApp(1), startApp(2)]);
  // Something for the 08:00 digest of new comments to tell, and someone to tell it to.
  await sql(`UPDATE users SET email = 'drafter@cluster.example.gov.cn' WHERE username = 'drafter'`);
  await sql(
    `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, identity_category, received_at)
     VALUES (1, 'CLUSTER-YESTERDAY', 'x', '昨天收到的一条意见。', '昨天收到的一条意见。', '退役军人', now() - interval '1 day')`
  );
  // Two workers run the daily scheduler at once, as after a failover with the old one not yet gone.
  startProcess("worker", process.execPath, ["build/worker.js"]);
  startProcess("worker2", process.execPath, ["build/worker.js"]);
  processes.set("nginx", startNginx(path.join(TMP, "nginx"), NGINX_PORT, APP_PORTS));
  await healthy(BASE, "nginx");
}, 240_000);

/** Stops a process and waits for it: nginx's master is asked to quit (SIGQUIT) so that it takes its workers with it. */
async function stop(label: string, child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(label === "nginx" ? "SIGQUIT" : "SIGKILL");
  const late = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(late);
}

afterAll(async () => {
  await Promise.all([...processes].map(([label, child]) => stop(label, child)));
  await sink?.stop();
  // ZQ_KEEP_CLUSTER=1 keeps the database and the processes' logs (tests/.tmp-cluster) to look into a failure.
  if (process.env.ZQ_KEEP_CLUSTER) return;
  await dropDatabase(SERVER, NAME);
  fs.rmSync(TMP, { recursive: true, force: true });
});

let seq = 0;
const commentForm = (body: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    body,
    identityCategory: "退役军人",
    publishPreference: "anonymous",
    consent: "on",
    idempotencyKey: `cluster-${process.pid}-${++seq}-${crypto.randomBytes(6).toString("hex")}`,
    ...extra,
  });

/** Posts the comment form as a browser without JavaScript would; a 502 while an instance restarts is posted again, the same form. */
async function postComment(base: string, form: URLSearchParams, clientAddress: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${base}/consultations/1`, {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "X-Forwarded-For": clientAddress },
      });
      await res.arrayBuffer();
      if ((res.status === 502 || res.status === 503 || res.status === 504) && attempt < 20) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      return res.status;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ username, password, redirectTo: "" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  expect(res.status, "login").toBe(302);
  return cookies.join("; ");
}

describe("three instances and a worker behind nginx, on PostgreSQL", () => {
  it("stores every comment answered with a receipt exactly once, and mails each receipt once, while an instance is killed and restarted", async () => {
    const N = 240;
    const answered: string[] = [];
    const forms = Array.from({ length: N }, (_, i) => commentForm(`集群测试意见第${i}条：建议优化退役军人就业服务。`, { email: `burst-${i}@example.org` }));
    let next = 0;
    const sender = async () => {
      while (next < N) {
        const i = next++;
        const status = await postComment(BASE, forms[i], `198.51.100.${(i % 250) + 1}`);
        if (status === 303) answered.push(forms[i].get("idempotencyKey")!);
      }
    };
    const killer = (async () => {
      while (next < N / 3) await new Promise((r) => setTimeout(r, 20));
      processes.get("app1")!.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
      await startApp(1);
    })();
    await Promise.all([...Array.from({ length: 16 }, sender), killer]);

    expect(answered.length).toBe(N); // the retried forms got their receipts too
    const rows = await sql<{ idempotency_key: string; n: number }>(
      `SELECT idempotency_key, count(*)::int AS n FROM comments WHERE idempotency_key = ANY($1) GROUP BY idempotency_key`,
      [answered]
    );
    expect(rows.length).toBe(N);
    expect(rows.every((r) => r.n === 1)).toBe(true);

    // Each receipt reaches the SMTP server once: the worker claims each message once.
    await sink.waitFor((m) => m.envelopeTo.some((a) => a.startsWith("burst-")), { count: N, timeoutMs: 120_000 });
    await new Promise((r) => setTimeout(r, 1500));
    for (let i = 0; i < N; i++) expect(sink.to(`burst-${i}@example.org`), `burst-${i}`).toHaveLength(1);
  }, 300_000);

  it("micro-caches the public pages of visitors without cookies, and nothing of anyone else", async () => {
    const status = async (url: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${BASE}${url}`, { headers, redirect: "manual" });
      const html = await res.text();
      return { cache: res.headers.get("x-cache-status"), control: res.headers.get("cache-control"), html };
    };
    await status("/consultations/1");
    const second = await status("/consultations/1");
    expect(second.cache).toBe("HIT");
    expect(second.html).toMatch(/name="idempotencyKey" value=""/);
    for (let i = 0; i < 2; i++) {
      const personal = await status("/consultations/1", { Cookie: "zq_display=large" });
      expect(personal.cache).not.toBe("HIT");
      expect(personal.control).toBe("private, no-store");
    }
    await status("/status");
    expect((await status("/status")).cache).not.toBe("HIT");
  });

  it("keeps a staff session on every instance", async () => {
    const cookie = await login(BASE, "drafter", "demo-drafter-2026");
    for (const port of APP_PORTS) {
      const res = await fetch(`http://127.0.0.1:${port}/admin/consultations/1/moderation`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(res.status, `instance on ${port}`).toBe(200);
    }
  });

  it("serves a file uploaded through one instance from another", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(2000), Buffer.from("\n%%EOF\n")]);
    const form = new FormData();
    const fields = commentForm("附件跨实例测试：见所附材料。");
    for (const [k, v] of fields) form.append(k, v);
    form.append("files", new File([new Uint8Array(pdf)], "材料.pdf", { type: "application/pdf" }));
    const first = `http://127.0.0.1:${APP_PORTS[0]}`;
    const res = await fetch(`${first}/consultations/1`, { method: "POST", body: form, redirect: "manual", headers: { Origin: first } });
    expect(res.status).toBe(303);
    const [file] = await sql<{ id: number }>(`SELECT f.id FROM comment_attachments f JOIN comments c ON c.id = f.comment_id WHERE c.idempotency_key = $1`, [
      fields.get("idempotencyKey"),
    ]);
    const cookie = await login(`http://127.0.0.1:${APP_PORTS[2]}`, "drafter", "demo-drafter-2026");
    const download = await fetch(`http://127.0.0.1:${APP_PORTS[2]}/admin/consultations/1/comment-files/${file.id}`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("counts the per-address limit across instances", async () => {
    const statuses: number[] = [];
    // One address, each comment to another instance in turn (nginx's choice aside): the 21st is refused.
    for (let i = 0; i < 22; i++) {
      statuses.push(await postComment(`http://127.0.0.1:${APP_PORTS[i % 3]}`, commentForm(`限额测试意见${i}：建议简化手续。`), "203.0.113.77"));
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("sends the daily digest once, though two workers run the scheduler", async () => {
    const digests = await sink.waitFor((m) => m.subject.includes("新意见日报"), { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 2000));
    expect(digests[0].envelopeTo).toEqual(["drafter@cluster.example.gov.cn"]);
    expect(sink.received.filter((m) => m.subject.includes("新意见日报"))).toHaveLength(1);
    const [job] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM scheduled_jobs WHERE name = 'comment-digest'`);
    expect(job.n).toBe(1);
  });

  it("has an analysis run started through one instance carried out by exactly one process, a worker", async () => {
    const cookie = await login(BASE, "drafter", "demo-drafter-2026");
    const second = `http://127.0.0.1:${APP_PORTS[1]}`;
    const started = await fetch(`${second}/admin/consultations/1/analysis`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ intent: "run" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: second },
    });
    expect([200, 302, 303]).toContain(started.status);
    let run: { id: number; status: string; lease_owner: string | null } | undefined;
    for (let i = 0; i < 600; i++) {
      [run] = await sql<{ id: number; status: string; lease_owner: string | null }>(
        `SELECT id, status, lease_owner FROM analysis_runs ORDER BY id DESC LIMIT 1`
      );
      if (run && (run.status === "done" || run.status === "failed")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(run?.status).toBe("done");
    const workers = ["worker", "worker2"].map((w) => `:${processes.get(w)!.pid}:`);
    expect(workers.filter((w) => run?.lease_owner?.includes(w))).toHaveLength(1);
    expect((await sql(`SELECT id FROM analysis_runs`)).length).toBe(1);
  }, 180_000);
});
