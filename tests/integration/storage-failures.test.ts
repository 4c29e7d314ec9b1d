import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { processCommentForm } from "~/models/comment-intake.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { testDb } from "./helpers";

const db = testDb();
await seedDemo(db, new Date());

let n = 0;
const form = (body: string) =>
  new URLSearchParams({ body, identityCategory: "退役军人", publishPreference: "anonymous", consent: "on", idempotencyKey: `storage-${++n}-abcdefghijkl` });

describe("when storage fails", () => {
  it("a full disk gets a clear message, keeps the text, and leaves the database intact", () => {
    resetRateLimits();
    const pages = (db.$client.pragma("page_count", { simple: true }) as number);
    db.$client.pragma(`max_page_count = ${pages}`);
    const warn = console.warn;
    console.warn = () => {};
    try {
      // A long comment needs new pages, which a "full disk" refuses.
      const outcome = processCommentForm(form("磁盘已满时提交的意见。".repeat(400)), "192.0.2.50", 1);
      expect(outcome).toMatchObject({ kind: "reply", status: 503 });
      if (outcome.kind !== "reply") return;
      expect(outcome.reply.errors.form).toMatch(/存储空间暂时不足/);
      expect(outcome.reply.values.body).toContain("磁盘已满时提交的意见。");
    } finally {
      console.warn = warn;
      db.$client.pragma("max_page_count = 1073741823");
    }
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(processCommentForm(form("磁盘恢复后再次提交。"), "192.0.2.50", 1)).toMatchObject({ kind: "receipt" });
  });

  it("a database locked by another process is waited for, then reported clearly", () => {
    resetRateLimits();
    const other = new Database(db.$client.name);
    other.exec("BEGIN EXCLUSIVE");
    const timeout = db.$client.pragma("busy_timeout", { simple: true });
    db.$client.pragma("busy_timeout = 300");
    const warn = console.warn;
    console.warn = () => {};
    try {
      const started = performance.now();
      const outcome = processCommentForm(form("被锁时提交的意见。"), "192.0.2.51", 1);
      // It waited for the lock (the busy timeout) before giving up.
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
      expect(outcome).toMatchObject({ kind: "reply", status: 503 });
      if (outcome.kind === "reply") expect(outcome.reply.errors.form).toMatch(/系统繁忙/);
    } finally {
      console.warn = warn;
      other.exec("ROLLBACK");
      other.close();
      db.$client.pragma(`busy_timeout = ${timeout}`);
    }
    expect(processCommentForm(form("解锁后再次提交。"), "192.0.2.51", 1)).toMatchObject({ kind: "receipt" });
  });
});
