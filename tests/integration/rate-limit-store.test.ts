import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDatabaseAt, databaseLocation, closeDatabase } from "~db/client.server";
import { DatabaseRateLimitStore, MemoryRateLimitStore, type RateLimitStore } from "~/platform/rate-limit.server";
import { testDb } from "./helpers";

// The abuse limits' stores (docs/decisions/0038) behave alike; the database one is shared by every
// instance on the database, as two connections to one file show.

const db = testDb();
const other: Db = openDatabaseAt(databaseLocation(db));
afterAll(() => closeDatabase(other));

const RULE = { limit: 3, windowMs: 10_000 };

describe.each([
  ["in memory", () => new MemoryRateLimitStore()],
  ["in the database", () => new DatabaseRateLimitStore(db)],
] as Array<[string, () => RateLimitStore]>)("the rate-limit store %s", (_, make) => {
  it("allows the limit, then answers how long to wait until the window ends", async () => {
    const store = make();
    await store.reset();
    const t = 1_000_000;
    expect([await store.hit("a", RULE, t), await store.hit("a", RULE, t + 1), await store.hit("a", RULE, t + 2)]).toEqual([0, 0, 0]);
    expect(await store.hit("a", RULE, t + 4_000)).toBe(6_000);
    expect(await store.hit("b", RULE, t + 4_000)).toBe(0); // another key counts on its own
  });

  it("starts a new window once the old one has passed", async () => {
    const store = make();
    await store.reset();
    const t = 2_000_000;
    for (let i = 0; i < 5; i++) await store.hit("a", RULE, t);
    expect(await store.hit("a", RULE, t + 10_000)).toBe(0);
    expect(await store.wouldExceed("a", RULE, t + 10_001)).toBe(0);
  });

  it("counts hits with a transaction: kept when it commits, taken back when it rolls back", async () => {
    const store = make();
    await store.reset();
    const t = 3_500_000;
    const hits = (n: number) => Array.from({ length: n }, (_, i) => ({ key: "r", rule: RULE, now: t + i }));
    expect(await db.transaction(async (tx) => (await store.hitWithin(tx, hits(2))).waits)).toEqual([0, 0]);
    const failed = new Error("rolled back");
    let undo = () => {};
    await expect(
      db.transaction(async (tx) => {
        const counted = await store.hitWithin(tx, hits(2));
        undo = counted.undo;
        // The 3rd is within the limit, the 4th over it.
        expect(counted.waits[0]).toBe(0);
        expect(counted.waits[1]).toBeGreaterThan(0);
        throw failed;
      })
    ).rejects.toBe(failed);
    undo(); // what the caller does when its transaction did not commit
    expect(await store.wouldExceed("r", RULE, t + 10)).toBe(0); // 2 counted, not 4
    expect(await store.hit("r", RULE, t + 10)).toBe(0);
    expect(await store.hit("r", RULE, t + 11)).toBeGreaterThan(0);
  });

  it("tells whether one more hit would exceed, without counting", async () => {
    const store = make();
    await store.reset();
    const t = 3_000_000;
    for (let i = 0; i < 2; i++) await store.hit("q", RULE, t);
    expect(await store.wouldExceed("q", RULE, t + 1)).toBe(0);
    expect(await store.wouldExceed("q", RULE, t + 1)).toBe(0);
    await store.hit("q", RULE, t + 2);
    expect(await store.wouldExceed("q", RULE, t + 1_000)).toBe(9_000);
  });
});

describe("the database store", () => {
  it("counts across instances: two connections to one file share one count", async () => {
    const here = new DatabaseRateLimitStore(db);
    const there = new DatabaseRateLimitStore(other);
    await here.reset();
    const t = 4_000_000;
    await here.hit("shared", RULE, t);
    await there.hit("shared", RULE, t + 1);
    await here.hit("shared", RULE, t + 2);
    expect(await there.hit("shared", RULE, t + 3)).toBeGreaterThan(0);
    expect(await new MemoryRateLimitStore().hit("shared", RULE, t + 3)).toBe(0); // memory is per process
  });
});

describe("hits at the same moment", () => {
  it("are each answered as if alone: of 40 at once on one key, exactly the first 3 are within the limit", async () => {
    const store = new DatabaseRateLimitStore(db);
    await store.reset();
    const t = 5_000_000;
    const waits = await Promise.all(Array.from({ length: 40 }, () => store.hit("rush", RULE, t)));
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
    expect(waits.filter((w) => w === RULE.windowMs)).toHaveLength(37);
    expect(await store.wouldExceed("rush", RULE, t)).toBe(RULE.windowMs);
  });

  it("from two instances on overlapping keys are all counted, and never deadlock", async () => {
    const here = new DatabaseRateLimitStore(db);
    const there = new DatabaseRateLimitStore(other);
    await here.reset();
    const rule = { limit: 1000, windowMs: 60_000 };
    const t = 6_000_000;
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    await Promise.all(Array.from({ length: 240 }, (_, i) => (i % 2 ? here : there).hit(keys[(i * 7) % keys.length], rule, t + i)));
    const counts = await Promise.all(keys.map((k) => here.hit(k, rule, t + 1000)));
    expect(counts.every((w) => w === 0)).toBe(true);
    // 240 hits over 12 keys, then one more each: the 21st on every key.
    const rows = await Promise.all(keys.map((k) => here.wouldExceed(k, { limit: 21, windowMs: 60_000 }, t + 1001)));
    expect(rows.every((w) => w > 0)).toBe(true);
    expect(await here.wouldExceed("k0", { limit: 22, windowMs: 60_000 }, t + 1001)).toBe(0);
  });
});
