/**
 * A small seeded generator (mulberry32): every random choice in the analysis goes through one of these, so the
 * same input always gives the same topics.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string: a stable seed or hash that does not depend on the process. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** k distinct indices out of n, in increasing order; all of them when k >= n. */
export function sampleIndices(n: number, k: number, random: Random): Int32Array {
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  // Selection sampling (Knuth's algorithm S): one pass, sorted output, no extra memory.
  const out = new Int32Array(k);
  let chosen = 0;
  for (let i = 0; i < n && chosen < k; i++) {
    if ((n - i) * random() < k - chosen) out[chosen++] = i;
  }
  return out;
}
