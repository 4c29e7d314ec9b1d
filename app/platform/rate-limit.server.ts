// Fixed-window abuse limits behind a store (docs/decisions/0038): counted in this process's memory by default
// (one instance; gone on restart, acceptable for limits whose only job is to slow floods down), or in the
// database's rate_limits table with RATE_LIMIT_STORE=database, where every instance on the database counts
// together (hits at the same moment in one statement).
import { raw, type Db } from "~db/client.server";
import { inJsonTexts } from "~db/dialect-sql";
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
  /** Forgets every count. */
  reset(): Promise<void>;
  /** Takes back one hit of the key's current window (a reservation that was not used). */
  refund(key: string): Promise<void>;
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
    const w = this.current(key, rule, now);
    if (!w) {
      this.windows.set(key, { startedAt: now, count: 1 });
      return Promise.resolve(0);
    }
    w.count++;
    return Promise.resolve(w.count > rule.limit ? w.startedAt + rule.windowMs - now : 0);
  }

  wouldExceed(key: string, rule: RateLimit, now: number): Promise<number> {
    const w = this.current(key, rule, now);
    return Promise.resolve(w && w.count >= rule.limit ? w.startedAt + rule.windowMs - now : 0);
  }

  reset(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  refund(key: string): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count--;
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
    const { windowStart, count } = await this.hits({ key, windowMs: rule.windowMs, now });
    return count > rule.limit ? windowStart + rule.windowMs - now : 0;
  }

  async wouldExceed(key: string, rule: RateLimit, now: number): Promise<number> {
    const row = await this.checks(key);
    return row && now - row.windowStart < rule.windowMs && row.count >= rule.limit ? row.windowStart + rule.windowMs - now : 0;
  }

  async reset(): Promise<void> {
    await raw(this.db).run(`DELETE FROM rate_limits`);
  }

  async refund(key: string): Promise<void> {
    await raw(this.db).run(`UPDATE rate_limits SET count = count - 1 WHERE key = ? AND count > 0`, key);
  }

  /**
   * One upsert per window length for a batch of hits: a new window, or n more hits in the current one (SET
   * reads the row as it was). Several hits on one key are one row whose count they share out in order, so
   * each gets the count it would have got alone. Keys go in sorted order: two instances' upserts take the
   * rows' locks in the same order and cannot deadlock.
   */
  private async hitMany(items: Hit[]): Promise<Window[]> {
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
      const rows = await raw(this.db).all<Window & { key: string }>(
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

  private async sweep(now: number) {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await raw(this.db).run(`DELETE FROM rate_limits WHERE window_start < ?`, now - KEEP_MS);
  }
}

type Hit = { key: string; windowMs: number; now: number };
type Window = { windowStart: number; count: number };

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
 * Counts a hit now, for a quota spent only by requests that succeed: take it before the work, so that
 * requests at the same moment cannot all pass a check made before any of them is counted, and `refund`
 * it when the work did not succeed.
 */
export const reserve = hit;

/** Gives back a reservation whose request did not succeed. */
export function refund(key: string): Promise<void> {
  return rateLimitStore().refund(key);
}

/** Forgets every count (tests). */
export async function resetRateLimits(): Promise<void> {
  await local.reset();
  await rateLimitStore().reset();
}
