// Fixed-window abuse limits behind a store (docs/decisions/0038): counted in this process's memory by default
// (one instance; gone on restart, acceptable for limits whose only job is to slow floods down), or in the
// database's rate_limits table with RATE_LIMIT_STORE=database, where every instance on the database counts
// together (hits at the same moment in one statement).
import { raw, type Db, type Queryable, type RawStatements } from "~db/client.server";
import { inJsonTexts, SKIP_LOCKED } from "~db/dialect-sql";
import { batcher } from "./batcher";
import { getDb } from "./db.server";
import { env } from "./env.server";

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitStore {
  /** Counts a hit; answers how long to wait (ms) when the limit is exceeded, else 0. */
  hit(key: string, rule: RateLimit, now: number): Promise<number>;
  /** How long to wait (ms) before one more hit would be within the limit, else 0; counts nothing. */
  wouldExceed(key: string, rule: RateLimit, now: number): Promise<number>;
  /** Counts hits as part of the transaction `tx` (see `hitWithin`). */
  hitWithin(tx: Queryable, hits: QuotaHit[]): Promise<CountedHits>;
  /** Forgets every count. */
  reset(): Promise<void>;
}

/** A hit on a quota, at an instant. */
export interface QuotaHit {
  key: string;
  rule: RateLimit;
  now: number;
}

/** Hits counted with a transaction: how long each must wait (ms) when over its limit, else 0; and how to take them back. */
export interface CountedHits {
  waits: number[];
  /** Takes the hits back should the transaction not commit (nothing to do where they are part of it). */
  undo: () => void;
}

/** Windows are forgotten an hour after they started; no limit here has a longer window. */
const KEEP_MS = 3_600_000;
const SWEEP_EVERY_MS = 60_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private windows = new Map<string, { startedAt: number; count: number }>();
  private lastSweep = 0;

  private current(key: string, rule: RateLimit, now: number) {
    if (now - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = now;
      for (const [k, w] of this.windows) if (now - w.startedAt > KEEP_MS) this.windows.delete(k);
    }
    const w = this.windows.get(key);
    return w && now - w.startedAt < rule.windowMs ? w : undefined;
  }

  hit(key: string, rule: RateLimit, now: number): Promise<number> {
    return Promise.resolve(this.countHit(key, rule, now));
  }

  private countHit(key: string, rule: RateLimit, now: number): number {
    const w = this.current(key, rule, now);
    if (!w) {
      this.windows.set(key, { startedAt: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > rule.limit ? w.startedAt + rule.windowMs - now : 0;
  }

  wouldExceed(key: string, rule: RateLimit, now: number): Promise<number> {
    const w = this.current(key, rule, now);
    return Promise.resolve(w && w.count >= rule.limit ? w.startedAt + rule.windowMs - now : 0);
  }

  /** Counted at once, in this process; `undo` takes each back from the window it was counted in. */
  hitWithin(_tx: Queryable, hits: QuotaHit[]): Promise<CountedHits> {
    const counted: Array<{ count: number }> = [];
    const waits = hits.map(({ key, rule, now }) => {
      const wait = this.countHit(key, rule, now);
      counted.push(this.windows.get(key)!);
      return wait;
    });
    return Promise.resolve({ waits, undo: () => counted.splice(0).forEach((w) => (w.count = Math.max(0, w.count - 1))) });
  }

  reset(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }
}

export class DatabaseRateLimitStore implements RateLimitStore {
  private lastSweep = 0;
  constructor(private readonly db: Db) {}

  // Hits and checks arriving at the same moment go to the database together, one statement for each kind
  // (group commit, as comment intake does: docs/decisions/0042). Each is answered as if it had been alone.
  // Nothing in these statements fails for one key alone: a failure is the whole batch's (isolate: never).
  private readonly hits = batcher((items: Hit[]) => this.hitMany(items), { maxItems: 256, concurrency: 1, isolate: () => false });
  private readonly checks = batcher((keys: string[]) => this.windowsOf(keys), { maxItems: 256, concurrency: 2, isolate: () => false });

  async hit(key: string, rule: RateLimit, now: number): Promise<number> {
    await this.sweep(now);
    return waitAfter(await this.hits({ key, windowMs: rule.windowMs, now }), rule, now);
  }

  async wouldExceed(key: string, rule: RateLimit, now: number): Promise<number> {
    const row = await this.checks(key);
    return row && now - row.windowStart < rule.windowMs && row.count >= rule.limit ? row.windowStart + rule.windowMs - now : 0;
  }

  /** One statement of the transaction: its hits commit or roll back with it. */
  async hitWithin(tx: Queryable, hits: QuotaHit[]): Promise<CountedHits> {
    await this.sweep(Math.max(...hits.map((h) => h.now)), tx);
    // A hot path (comment intake): its statement, one per number of keys, prepared on each connection.
    const windows = await this.hitMany(
      hits.map(({ key, rule, now }) => ({ key, windowMs: rule.windowMs, now })),
      raw(tx, { prepare: true })
    );
    return { waits: windows.map((w, i) => waitAfter(w, hits[i].rule, hits[i].now)), undo: () => {} };
  }

  async reset(): Promise<void> {
    await raw(this.db).run(`DELETE FROM rate_limits`);
  }

  /**
   * One upsert per window length for a batch of hits: a new window, or n more hits in the current one (SET
   * reads the row as it was). Several hits on one key are one row whose count they share out in order, so
   * each gets the count it would have got alone. Keys go in sorted order: two instances' upserts take the
   * rows' locks in the same order and cannot deadlock.
   */
  private async hitMany(items: Hit[], on: RawStatements = raw(this.db)): Promise<Window[]> {
    const answers: Window[] = new Array(items.length);
    for (const windowMs of new Set(items.map((h) => h.windowMs))) {
      const groups = new Map<string, { now: number; indexes: number[] }>();
      items.forEach((h, i) => {
        if (h.windowMs !== windowMs) return;
        const g = groups.get(h.key);
        if (g) {
          g.now = Math.max(g.now, h.now);
          g.indexes.push(i);
        } else groups.set(h.key, { now: h.now, indexes: [i] });
      });
      const keys = [...groups.keys()].sort();
      const rows = await on.all<Window & { key: string }>(
        `INSERT INTO rate_limits (key, window_start, count) VALUES ${keys.map(() => "(?, ?, ?)").join(", ")}
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN excluded.window_start - rate_limits.window_start >= ? THEN excluded.count ELSE rate_limits.count + excluded.count END,
           window_start = CASE WHEN excluded.window_start - rate_limits.window_start >= ? THEN excluded.window_start ELSE rate_limits.window_start END
         RETURNING key, window_start AS "windowStart", count`,
        ...keys.flatMap((k) => [k, groups.get(k)!.now, groups.get(k)!.indexes.length]),
        windowMs,
        windowMs
      );
      for (const row of rows) {
        const { indexes } = groups.get(row.key)!;
        indexes.forEach((i, j) => (answers[i] = { windowStart: row.windowStart, count: row.count - indexes.length + 1 + j }));
      }
    }
    return answers;
  }

  private async windowsOf(keys: string[]): Promise<Array<Window | undefined>> {
    const rows = await raw(this.db).all<Window & { key: string }>(
      `SELECT key, window_start AS "windowStart", count FROM rate_limits WHERE ${inJsonTexts("key")}`,
      JSON.stringify([...new Set(keys)])
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return keys.map((k) => byKey.get(k));
  }

  /** Forgets old windows, now and then; inside a transaction too, since it skips rows another one holds. */
  private async sweep(now: number, on: Queryable = this.db) {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await raw(on).run(`DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE window_start < ? ${SKIP_LOCKED})`, now - KEEP_MS);
  }
}

type Hit = { key: string; windowMs: number; now: number };
type Window = { windowStart: number; count: number };

/** How long a hit counted in `w` must wait (ms) when it is over the rule's limit, else 0. */
const waitAfter = (w: Window, rule: RateLimit, now: number) => (w.count > rule.limit ? w.windowStart + rule.windowMs - now : 0);

const g = globalThis as { __zhengqiuRateLimits?: RateLimitStore };

/** The store this process counts in, as RATE_LIMIT_STORE chose. */
export function rateLimitStore(): RateLimitStore {
  g.__zhengqiuRateLimits ??= env().RATE_LIMIT_STORE === "database" ? new DatabaseRateLimitStore(getDb()) : new MemoryRateLimitStore();
  return g.__zhengqiuRateLimits;
}

/** Counts a hit; answers how long to wait (ms) when the limit is exceeded, else 0. */
export function hit(key: string, rule: RateLimit, now = Date.now()): Promise<number> {
  return rateLimitStore().hit(key, rule, now);
}

/**
 * How long to wait (ms) before one more hit would be within the limit, else 0; counts nothing.
 * For quotas spent only by requests that succeed: check with `wouldExceed`, `hit` once accepted.
 */
export function wouldExceed(key: string, rule: RateLimit, now = Date.now()): Promise<number> {
  return rateLimitStore().wouldExceed(key, rule, now);
}

const local = new MemoryRateLimitStore();

/**
 * Counts a hit in this process only, whatever RATE_LIMIT_STORE says: for a guard whose job is to stop
 * one sender's flood from costing this instance its work, where a count shared with the others would
 * cost a database write per request (behind n instances a flood gets at most n times the ceiling).
 */
export function hitHere(key: string, rule: RateLimit, now = Date.now()): Promise<number> {
  return local.hit(key, rule, now);
}

/**
 * Counts hits on a quota spent only by what the transaction `tx` stores, as part of it: in the database store
 * they are one statement of the transaction and commit or roll back with it, so requests at the same moment
 * cannot all pass, and a request whose work is not stored spends nothing. In memory they count at once, and
 * the answer's `undo` takes them back should the transaction not commit. A hit over its limit counts as well:
 * the count then stays past the limit until the window ends, which refuses exactly what it would refuse.
 */
export function hitWithin(tx: Queryable, hits: QuotaHit[]): Promise<CountedHits> {
  return rateLimitStore().hitWithin(tx, hits);
}

/** Forgets every count (tests). */
export async function resetRateLimits(): Promise<void> {
  await local.reset();
  await rateLimitStore().reset();
}
