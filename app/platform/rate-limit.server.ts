// Fixed-window counters in memory: enough for one server process, and gone on restart, which is
// acceptable for limits whose only job is to slow floods down.

interface Window {
  startedAt: number;
  count: number;
}

export interface RateLimit {
  limit: number;
  windowMs: number;
}

const windows = new Map<string, Window>();
let lastSweep = 0;

function current(key: string, rule: RateLimit, now: number): Window | undefined {
  if (now - lastSweep > 60_000) sweep(now);
  const w = windows.get(key);
  return w && now - w.startedAt < rule.windowMs ? w : undefined;
}

/** Counts a hit; answers how long to wait (ms) when the limit is exceeded, else 0. */
export function hit(key: string, rule: RateLimit, now = Date.now()): number {
  const w = current(key, rule, now);
  if (!w) {
    windows.set(key, { startedAt: now, count: 1 });
    return 0;
  }
  w.count++;
  return w.count > rule.limit ? w.startedAt + rule.windowMs - now : 0;
}

/**
 * How long to wait (ms) before one more hit would be within the limit, else 0; counts nothing.
 * For quotas spent only by requests that succeed: check with `wouldExceed`, `hit` once accepted.
 */
export function wouldExceed(key: string, rule: RateLimit, now = Date.now()): number {
  const w = current(key, rule, now);
  return w && w.count >= rule.limit ? w.startedAt + rule.windowMs - now : 0;
}

function sweep(now: number) {
  lastSweep = now;
  for (const [key, w] of windows) if (now - w.startedAt > 3_600_000) windows.delete(key);
}

export function resetRateLimits(): void {
  windows.clear();
}
