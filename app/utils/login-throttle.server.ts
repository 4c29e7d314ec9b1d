import { eq } from "drizzle-orm";
import { loginThrottle } from "~db/schema";
import { getDb } from "./db.server";

// Counted per username (existing or not, so a lockout reveals nothing) and per client address.
const POLICIES = {
  user: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

function keys(username: string, ip: string) {
  return [
    { key: `user:${username.trim().toLowerCase()}`, policy: POLICIES.user },
    { key: `ip:${ip}`, policy: POLICIES.ip },
  ];
}

/** Milliseconds until the lock lifts, or 0 when a login may be attempted. */
export function lockedFor(username: string, ip: string, now = Date.now()): number {
  const db = getDb();
  let wait = 0;
  for (const { key } of keys(username, ip)) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    const until = row?.lockedUntil?.getTime() ?? 0;
    if (until > now) wait = Math.max(wait, until - now);
  }
  return wait;
}

export function recordFailure(username: string, ip: string, now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    for (const { key, policy } of keys(username, ip)) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh = !row || now - row.windowStartedAt.getTime() > policy.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= policy.maxFailures ? new Date(now + policy.lockMs) : null;
      const values = {
        failures: lockedUntil ? 0 : failures,
        windowStartedAt: fresh || lockedUntil ? new Date(now) : row.windowStartedAt,
        lockedUntil,
      };
      tx.insert(loginThrottle)
        .values({ key, ...values })
        .onConflictDoUpdate({ target: loginThrottle.key, set: values })
        .run();
    }
  });
}

export function clearFailures(username: string): void {
  getDb()
    .delete(loginThrottle)
    .where(eq(loginThrottle.key, `user:${username.trim().toLowerCase()}`))
    .run();
}
