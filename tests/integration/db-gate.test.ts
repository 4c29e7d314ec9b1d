import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, raw, type Db } from "~db/client.server";
import { scheduledJobs } from "~db/schema";

// The async data layer on the one SQLite connection: transactions with async bodies must not
// interleave with each other or with other requests' statements, must roll back when the body
// throws, and must wait for another process's write lock without blocking this process.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-gate-"));
const file = path.join(dir, "gate.db");
let db: Db;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const counter = async (q: Pick<Db, "select"> = db) =>
  Number((await q.select({ v: scheduledJobs.lastPeriod }).from(scheduledJobs).where(eq(scheduledJobs.name, "counter")).limit(1))[0]?.v ?? "0");

beforeAll(async () => {
  db = openDatabase(file);
  await migrateDatabase(db);
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("transactions on the one connection", () => {
  it("run one at a time: twenty concurrent read-then-write bodies lose no update", async () => {
    await db.insert(scheduledJobs).values({ name: "counter", lastPeriod: "0", lastRunAt: new Date() });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const seen = await counter(tx);
          await tick(); // every other body gets the chance to run here, and must not
          await tx
            .update(scheduledJobs)
            .set({ lastPeriod: String(seen + 1) })
            .where(eq(scheduledJobs.name, "counter"));
        })
      )
    );
    expect(await counter()).toBe(20);
  });

  it("keep another request's statements out until COMMIT, so they never see uncommitted rows", async () => {
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const writing = db.transaction(async (tx) => {
      await tx.insert(scheduledJobs).values({ name: "uncommitted", lastPeriod: "x", lastRunAt: new Date() });
      events.push("inserted");
      inserted();
      await held;
      events.push("committing");
    });
    await insertedYet;
    const reading = db
      .select()
      .from(scheduledJobs)
      .where(eq(scheduledJobs.name, "uncommitted"))
      .then((rows) => events.push(`read ${rows.length}`));
    for (let i = 0; i < 5; i++) await tick();
    try {
      expect(events).toEqual(["inserted"]); // the read waits at the gate
    } finally {
      release();
    }
    await Promise.all([writing, reading]);
    expect(events).toEqual(["inserted", "committing", "read 1"]);
  });

  it("roll back when an async body throws (drizzle's own better-sqlite3 driver would commit)", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(scheduledJobs).values({ name: "rolled-back", lastPeriod: "x", lastRunAt: new Date() });
        await tick();
        throw new Error("refused half-way");
      })
    ).rejects.toThrow("refused half-way");
    expect(await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "rolled-back"))).toHaveLength(0);
  });

  it("let a helper that uses the process's handle inside a transaction join it instead of deadlocking", async () => {
    await expect(
      db.transaction(async () => {
        // Both reach for `db`, not `tx`: they run inside the open transaction, and go with it.
        await db.insert(scheduledJobs).values({ name: "joined", lastPeriod: "x", lastRunAt: new Date() });
        await db.transaction(async (inner) => {
          await inner.insert(scheduledJobs).values({ name: "savepoint", lastPeriod: "x", lastRunAt: new Date() });
        });
        await raw(db).run("INSERT INTO scheduled_jobs (name, last_period, last_run_at) VALUES ('raw', 'x', 0)");
        throw new Error("undo all");
      })
    ).rejects.toThrow("undo all");
    const names = (await db.select({ name: scheduledJobs.name }).from(scheduledJobs)).map((r) => r.name);
    expect(names).not.toContain("joined");
    expect(names).not.toContain("savepoint");
    expect(names).not.toContain("raw");
  });

  it("wait for another process's write lock between tries, while this process keeps answering", async () => {
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    let last = Date.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      ticks++;
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 20);
    setTimeout(() => other.exec("COMMIT"), 600);
    const started = Date.now();
    await db.transaction(async (tx) => {
      await tx.insert(scheduledJobs).values({ name: "after-lock", lastPeriod: "x", lastRunAt: new Date() });
    });
    clearInterval(timer);
    other.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(ticks).toBeGreaterThan(5); // the event loop ran between tries…
    expect(longestGap).toBeLessThan(150); // …and no try held it for the busy timeout
    expect(await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "after-lock"))).toHaveLength(1);
    expect(db.$client.inTransaction).toBe(false);
    expect((await db.all<{ n: number }>(sql`select 1 as n`)).length).toBe(1);
  });
});
