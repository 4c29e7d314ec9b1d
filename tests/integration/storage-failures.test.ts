import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { BUSY_TIMEOUT_MS } from "~db/client.server";
import { processCommentForm } from "~/features/comments/comment-intake.server";
import { loader as publicLoader } from "~/routes/consultations.$id/route";
import { loader as healthz } from "~/routes/healthz";
import { WRITE_WAIT_MS } from "~/platform/db-errors.server";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { context, testDb } from "./helpers";

const db = testDb();
await seedDemo(db, new Date());

let n = 0;
const form = (body: string) =>
  new URLSearchParams({ body, identityCategory: "退役军人", publishPreference: "anonymous", consent: "on", idempotencyKey: `storage-${++n}-abcdefghijkl` });

describe("when storage fails", () => {
  it("a full disk gets a clear message, keeps the text, and leaves the database intact", async () => {
    await resetRateLimits();
    const pages = db.$client.pragma("page_count", { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages}`);
    const warn = console.warn;
    console.warn = () => {};
    try {
      // A long comment needs new pages, which a "full disk" refuses.
      const outcome = await processCommentForm(form("磁盘已满时提交的意见。".repeat(400)), "192.0.2.50", 1);
      expect(outcome).toMatchObject({ kind: "reply", status: 503 });
      if (outcome.kind !== "reply") return;
      expect(outcome.reply.errors.form).toMatch(/存储空间暂时不足/);
      expect(outcome.reply.values.body).toContain("磁盘已满时提交的意见。");
    } finally {
      console.warn = warn;
      db.$client.pragma("max_page_count = 1073741823");
    }
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(await processCommentForm(form("磁盘恢复后再次提交。"), "192.0.2.50", 1)).toMatchObject({ kind: "receipt" });
  });

  it("a database locked by another process: pages keep answering, the comment waits a bounded time, then 503 with its text", async () => {
    await resetRateLimits();
    const other = new Database(db.$client.name);
    other.exec("BEGIN IMMEDIATE");
    const warn = console.warn;
    console.warn = () => {};
    // The longest the process was unable to run anything else while the comment waited.
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestStall = Math.max(longestStall, performance.now() - last);
      last = performance.now();
    }, 10);
    try {
      const page = await publicLoader({ request: new Request("http://localhost/consultations/1"), params: { id: "1" }, context: context() });
      expect(page).toBeTruthy();
      const started = performance.now();
      const outcome = await processCommentForm(form("被锁时提交的意见。"), "192.0.2.51", 1);
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(WRITE_WAIT_MS - 50);
      expect(waited).toBeLessThan(WRITE_WAIT_MS + 1500);
      expect(longestStall).toBeLessThan(BUSY_TIMEOUT_MS + 250);
      expect(outcome).toMatchObject({ kind: "reply", status: 503 });
      if (outcome.kind !== "reply") return;
      expect(outcome.reply.errors.form).toMatch(/系统繁忙/);
      expect(outcome.reply.values.body).toBe("被锁时提交的意见。");
    } finally {
      clearInterval(ticker);
      console.warn = warn;
      other.exec("ROLLBACK");
      other.close();
    }
    expect(await processCommentForm(form("解锁后再次提交。"), "192.0.2.51", 1)).toMatchObject({ kind: "receipt" });
  });

  it("a lock released while the comment waits: the comment is stored", async () => {
    await resetRateLimits();
    const other = new Database(db.$client.name);
    other.exec("BEGIN IMMEDIATE");
    setTimeout(() => {
      other.exec("ROLLBACK");
      other.close();
    }, 800);
    expect(await processCommentForm(form("稍候即可保存的意见。"), "192.0.2.52", 1)).toMatchObject({ kind: "receipt" });
  });

  it("a read-only or otherwise failing database: a message with the text kept, never a thrown error", async () => {
    await resetRateLimits();
    const warn = console.warn;
    const error = console.error;
    const logged: unknown[] = [];
    console.warn = () => {};
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      db.$client.pragma("query_only = ON");
      const readOnly = await processCommentForm(form("只读时提交的意见。"), "192.0.2.53", 1);
      expect(readOnly).toMatchObject({ kind: "reply", status: 503 });
      if (readOnly.kind === "reply") {
        expect(readOnly.reply.errors.form).toMatch(/暂时无法保存/);
        expect(readOnly.reply.values.body).toBe("只读时提交的意见。");
      }
      db.$client.pragma("query_only = OFF");

      // An error nobody foresaw (here a trigger that aborts) is logged for staff, and explained.
      db.$client.exec("CREATE TEMP TRIGGER storage_boom BEFORE INSERT ON comments BEGIN SELECT RAISE(ABORT, 'boom'); END");
      const unknown = await processCommentForm(form("意外错误时提交的意见。"), "192.0.2.53", 1);
      expect(unknown).toMatchObject({ kind: "reply", status: 500 });
      if (unknown.kind === "reply") {
        expect(unknown.reply.errors.form).toMatch(/系统出现错误/);
        expect(unknown.reply.values.body).toBe("意外错误时提交的意见。");
      }
      expect(logged).toHaveLength(1);
    } finally {
      db.$client.pragma("query_only = OFF");
      db.$client.exec("DROP TRIGGER IF EXISTS storage_boom");
      console.warn = warn;
      console.error = error;
    }
  });

  it("/healthz answers 503 when the database cannot be written, and 200 again after", async () => {
    expect((await healthz()).status).toBe(200);
    db.$client.pragma("query_only = ON");
    try {
      expect((await healthz()).status).toBe(503);
    } finally {
      db.$client.pragma("query_only = OFF");
    }
    const other = new Database(db.$client.name);
    other.exec("BEGIN IMMEDIATE");
    try {
      const started = performance.now();
      expect((await healthz()).status).toBe(503);
      expect(performance.now() - started).toBeLessThan(BUSY_TIMEOUT_MS + 200);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    const ok = await healthz();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok" });
    expect(db.$client.prepare("select count(*) as n from sqlite_master where name = 'healthz_write_probe'").get()).toEqual({ n: 0 });
  });

  it("/healthz checks asked at once share one probe, and each answers with it, failure included", async () => {
    const other = new Database(db.$client.name);
    other.exec("BEGIN IMMEDIATE");
    let statuses: number[];
    const started = performance.now();
    try {
      statuses = (await Promise.all(Array.from({ length: 20 }, () => healthz()))).map((r) => r.status);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(statuses).toEqual(Array(20).fill(503));
    // Twenty probes one after the other would each have waited out the lock.
    expect(performance.now() - started).toBeLessThan(8 * BUSY_TIMEOUT_MS);
    expect((await Promise.all([healthz(), healthz()])).map((r) => r.status)).toEqual([200, 200]);
  });
});
