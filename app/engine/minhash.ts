/**
 * MinHash signatures over character shingles, computed by one-permutation hashing with densification
 * (Shrivastava 2017): one hash per shingle instead of one per shingle and permutation, which is what makes
 * near-duplicate search over a million comments affordable. Agreement between two signatures estimates the
 * Jaccard similarity of their shingle sets.
 */
export const SIGNATURE_SIZE = 64;
const EMPTY = 0xffffffff;

/** Shingle length: three Han characters carry about as much as five Latin letters. */
export function shingleLength(key: string): number {
  let han = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  return han * 2 >= key.length ? 3 : 5;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of every shingle of the key, as a sorted set. */
export function shingleHashes(key: string): Uint32Array {
  const k = shingleLength(key);
  if (key.length === 0) return new Uint32Array(0);
  const count = Math.max(1, key.length - k + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(key.length, i + k);
    for (let j = i; j < end; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    hashes[i] = mix(h);
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i];
  return hashes.subarray(0, unique);
}

/** Writes the signature of one shingle set into `out` at `offset`. */
export function signatureInto(shingles: Uint32Array, out: Uint32Array, offset: number): void {
  const bins = SIGNATURE_SIZE;
  out.fill(EMPTY, offset, offset + bins);
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i];
    const bin = h % bins;
    const value = mix(h ^ 0x9e3779b9);
    if (value < out[offset + bin]) out[offset + bin] = value;
  }
  // Densification: an empty bin borrows from the next filled one, salted by the distance, so short texts still
  // have a full signature whose agreement rate estimates Jaccard.
  for (let b = 0; b < bins; b++) {
    if (out[offset + b] !== EMPTY) continue;
    for (let step = 1; step < bins; step++) {
      const from = out[offset + ((b + step) % bins)];
      if (from !== EMPTY) {
        out[offset + b] = mix(from + step * 0x27d4eb2f);
        break;
      }
    }
  }
}

export function signatureAgreement(sigs: Uint32Array, a: number, b: number): number {
  let same = 0;
  const oa = a * SIGNATURE_SIZE;
  const ob = b * SIGNATURE_SIZE;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (sigs[oa + i] === sigs[ob + i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Exact Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}
