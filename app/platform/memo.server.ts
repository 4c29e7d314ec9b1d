// A few seconds' memory for aggregates the public pages show (counts over 100,000 comments): each
// costs tens of milliseconds, and nobody needs them fresher than this on a public page.

const entries = new Map<string, { at: number; value: unknown }>();
const MAX_ENTRIES = 5000;

export function memo<T>(key: string, ttlMs: number, compute: () => T, now = Date.now()): T {
  const hit = entries.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as T;
  const value = compute();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { at: now, value });
  // A promise that fails is not kept: the next call tries again.
  if (value instanceof Promise) value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  return value;
}

/** Forgets every memo whose key starts with the prefix, e.g. after staff change what is public. */
export function forget(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
