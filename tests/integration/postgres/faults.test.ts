import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { closeDatabase, databaseLocation, migrateDatabase, openDatabaseAt, type Db } from "~db/client.server";
import { processCommentForm } from "~/features/comments/comment-intake.server";
import { getDb, setDb } from "~/platform/db.server";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { freePortsSync } from "../../setup/free-port";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../../setup/postgres";
import { testDb } from "../helpers";

// What a PostgreSQL deployment meets: the server down at start, restarted under the app, a pool with no
// connection free, two instances migrating at once. Each answer is a clear one, and nothing a citizen
// was told was received is lost.

const db = testDb();
await seedDemo(db, new Date());
const server = process.env.ZQ_TEST_PG_SERVER!;
const here = new URL(databaseLocation(db));
const dbName = here.pathname.slice(1);

let n = 0;
const form = (body: string) =>
  new URLSearchParams({ body, identityCategory: "退役军人", publishPreference: "anonymous", consent: "on", idempotencyKey: `pg-fault-${++n}-abcdefghijkl` });
const quietly = async <T>(body: () => Promise<T>): Promise<T> => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await body();
  } finally {
    console.warn = warn;
  }
};
const stored = async (text: string) =>
  Number((await onServer(here.toString(), (c) => c.query("SELECT count(*) AS n FROM comments WHERE body = $1", [text]))).rows[0].n);

describe("PostgreSQL faults", () => {
  it("down at start: the worker names DATABASE_URL, hides the password and exits non-zero", async () => {
    const url = `postgres://zhengqiu:secret-password@127.0.0.1:${freePortsSync(1)[0]}/zhengqiu`;
    const run = spawnSync("node_modules/.bin/tsx", ["server/worker.ts"], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Cannot reach PostgreSQL at DATABASE_URL=postgres://zhengqiu:***@127.0.0.1");
    expect(run.stderr).not.toContain("secret-password");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("restarted while the app runs: comments meanwhile get 503 with the text kept, then go through without a restart of the app", async () => {
    await resetRateLimits();
    const before = "数据库重启前的一条意见。";
    expect(await processCommentForm(form(before), "192.0.2.80", 1)).toMatchObject({ kind: "receipt" });
    // The server goes away: new connections refused, every open one closed (as a restart does).
    await onServer(server, async (c) => {
      await c.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName]);
    });
    const during = "数据库重启期间提交的意见，内容须保留。";
    try {
      const outcome = await quietly(() => processCommentForm(form(during), "192.0.2.80", 1));
      expect(outcome).toMatchObject({ kind: "reply", status: 503 });
      if (outcome.kind !== "reply") return;
      expect(outcome.reply.errors.form).toMatch(/系统繁忙/);
      expect(outcome.reply.values.body).toBe(during);
    } finally {
      await onServer(server, (c) => c.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`));
    }
    const after = "数据库恢复后的一条意见。";
    expect(await processCommentForm(form(after), "192.0.2.80", 1)).toMatchObject({ kind: "receipt" });
    expect([await stored(before), await stored(during), await stored(after)]).toEqual([1, 0, 1]);
  });

  it("a pool with no connection free: a bounded wait, then 503 with the text kept; nothing half-stored", async () => {
    await resetRateLimits();
    const small = openDatabaseAt(databaseLocation(db), { poolMax: 1, poolWaitMs: 100 }) as Db & { $client: { connect(): Promise<{ release(): void }> } };
    const held = await (small.$client as unknown as { connect(): Promise<{ release(): void }> }).connect();
    setDb(small);
    const text = "连接池占满时提交的意见。";
    try {
      const started = Date.now();
      const outcome = await quietly(() => processCommentForm(form(text), "192.0.2.81", 1));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(outcome).toMatchObject({ kind: "reply", status: 503 });
      if (outcome.kind === "reply") expect(outcome.reply.values.body).toBe(text);
      expect(await stored(text)).toBe(0);
      held.release();
      expect(await processCommentForm(form(text), "192.0.2.81", 1)).toMatchObject({ kind: "receipt" });
      expect(await stored(text)).toBe(1);
    } finally {
      setDb(db);
      await closeDatabase(small);
    }
    expect(getDb()).toBe(db);
  });

  it("two instances starting at once on a new database: one migrates, the other finds nothing to do", async () => {
    const name = `zq_race_${process.pid}`;
    await dropDatabase(server, name);
    await createDatabase(server, name);
    const a = openDatabaseAt(withDatabase(server, name));
    const b = openDatabaseAt(withDatabase(server, name));
    try {
      const applied = await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
      expect(Math.min(...applied)).toBe(0);
      expect(Math.max(...applied)).toBeGreaterThan(1);
      expect(await migrateDatabase(a)).toBe(0);
    } finally {
      await closeDatabase(a);
      await closeDatabase(b);
      await dropDatabase(server, name);
    }
  });
});

afterAll(() => onServer(server, (c) => c.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`)));
