// Fixed-window abuse limits behind a store (docs/decisions/0038): counted in this process's memory by default
// (one instance; gone on restart, acceptable for limits whose only job is to slow floods down), or in the
// database's rate_limits table with RATE_LIMIT_STORE=database, where every instance on the database counts
// together. Either way one statement per hit.
import { raw, type Db } from "~db/client.server";
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
}

export class DatabaseRateLimitStore implements RateLimitStore {
  private lastSweep = 0;
  constructor(private readonly db: Db) {}

  async hit(key: string, rule: RateLimit, now: number): Promise<number> {
    await this.sweep(now);
    // One upsert: a new window, or one more hit in the current one. SET reads the row as it was.
    const row = (await raw(this.db).get<{ windowStart: number; count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (@key, @now, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN @now - rate_limits.window_start >= @windowMs THEN 1 ELSE rate_limits.count + 1 END,
         window_start = CASE WHEN @now - rate_limits.window_start >= @windowMs THEN @now ELSE rate_limits.window_start END
       RETURNING window_start AS "windowStart", count`,
      { key, now, windowMs: rule.windowMs }
    ))!;
    return row.count > rule.limit ? row.windowStart + rule.windowMs - now : 0;
  }

  async wouldExceed(key: string, rule: RateLimit, now: number): Promise<number> {
    const row = await raw(this.db).get<{ windowStart: number; count: number }>(
      `SELECT window_start AS "windowStart", count FROM rate_limits WHERE key = ?`,
      key
    );
    return row && now - row.windowStart < rule.windowMs && row.count >= rule.limit ? row.windowStart + rule.windowMs - now : 0;
  }

  async reset(): Promise<void> {
    await raw(this.db).run(`DELETE FROM rate_limits`);
  }

  private async sweep(now: number) {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await raw(this.db).run(`DELETE FROM rate_limits WHERE window_start < ?`, now - KEEP_MS);
  }
}

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

/** Forgets every count (tests). */
export async function resetRateLimits(): Promise<void> {
  await local.reset();
  await rateLimitStore().reset();
}
