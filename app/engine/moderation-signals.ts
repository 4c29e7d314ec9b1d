// Two hints for the moderation queue, pure and fast enough to run over 3,000 comments in a request:
// off-topic (the comment shares nothing with the draft it was sent on) and likely duplicates (near-
// identical text to an earlier comment). Hints only: a moderator decides; nothing is rejected by them.
import { jaccard, shingleHashes, signatureInto, SIGNATURE_SIZE } from "./minhash";
import { duplicateKey, normalizeText } from "./normalize";
import { isBoundary } from "./pseudo-terms";
import type { Segmenter } from "./segment";

const HAN = /[\u3400-\u9fff]/;
// A comment that names an article (第十二条) or the document itself (本办法, 这个规划) is about the draft.
const ARTICLE_REFERENCE = /第[\d〇零一二两三四五六七八九十百千]+[条章节款项]/;

/**
 * Off-topic thresholds, chosen on the demo consultations' labelled comments (db/seed/demo-content.ts,
 * checked by moderation-signals.test.ts): a Chinese comment of at least MIN_WORDS content words that
 * shares no content word with the draft and title and fewer than MAX_PAIR_SHARE of its character pairs.
 * Generous on purpose: a missed off-topic comment is read anyway, a false flag wastes trust.
 */
export const OFF_TOPIC = { minWords: 4, maxPairShare: 0.15 } as const;

/**
 * Near-duplicate threshold: shingle Jaccard at or above minJaccard on texts of at least minChars letters;
 * equal texts from minCharsEqual letters (two people writing 同意 are not repeating each other).
 */
export const LIKELY_DUPLICATE = { minJaccard: 0.8, minChars: 12, minCharsEqual: 6 } as const;

export interface DraftProfile {
  words: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
  /** The document's own noun (办法, 规划, 条例), taken from the title, or null. */
  documentNoun: string | null;
}

function letters(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

function charPairs(text: string): Set<string> {
  const t = letters(text);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) pairs.add(t.slice(i, i + 2));
  return pairs;
}

const contentWords = (segmenter: Segmenter, text: string) => new Set(segmenter.tokenize(normalizeText(text)).filter((t) => !isBoundary(t)));

/** What a comment is compared with: the draft's content words and character pairs, title included. */
export function draftProfile(segmenter: Segmenter, title: string, draftText: string): DraftProfile {
  const bare = normalizeText(title)
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[^\u4e00-\u9fff]/g, "");
  const noun = bare.length >= 2 ? bare.slice(-2) : null;
  return {
    words: contentWords(segmenter, `${title}\n${draftText}`),
    pairs: charPairs(`${title}\n${draftText}`),
    documentNoun: noun && noun !== "意见" ? noun : null,
  };
}

export interface Topicality {
  offTopic: boolean;
  /** For the moderator, when flagged: why. */
  reason: string | null;
  sharedWords: string[];
  pairShare: number;
}

export function judgeTopicality(segmenter: Segmenter, draft: DraftProfile, text: string): Topicality {
  const words = [...contentWords(segmenter, text)];
  const shared = words.filter((w) => draft.words.has(w));
  const pairs = charPairs(text);
  let sharedPairs = 0;
  for (const p of pairs) if (draft.pairs.has(p)) sharedPairs++;
  const pairShare = pairs.size ? sharedPairs / pairs.size : 1;
  const normalized = normalizeText(text);
  const judged =
    HAN.test(text) &&
    words.length >= OFF_TOPIC.minWords &&
    !ARTICLE_REFERENCE.test(normalized) &&
    !(draft.documentNoun && normalized.includes(draft.documentNoun));
  const offTopic = judged && shared.length === 0 && pairShare < OFF_TOPIC.maxPairShare;
  return {
    offTopic,
    reason: offTopic ? `与征求意见稿及标题没有共同的实词，字词重合度 ${Math.round(pairShare * 100)}%` : null,
    sharedWords: shared,
    pairShare,
  };
}

export interface DuplicateHint {
  /** The earliest earlier comment this one (nearly) repeats. */
  of: number;
  similarity: number;
}

const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const MAX_CHECKS = 24;

/**
 * For each comment (given in the order received) that nearly repeats an earlier one: the earliest
 * such earlier comment. Equal texts once case, spaces and punctuation are ignored are duplicates at
 * minCharsEqual letters; otherwise both texts need MIN_CHARS letters and a shingle Jaccard of MIN_JACCARD.
 * MinHash banding finds the candidates (no comparison of every pair); the exact Jaccard confirms them.
 */
export function findLikelyDuplicates(items: ReadonlyArray<{ id: number; text: string }>): Map<number, DuplicateHint> {
  const out = new Map<number, DuplicateHint>();
  const firstByKey = new Map<string, number>();
  const shingles: Uint32Array[] = [];
  const ids: number[] = [];
  // A band's key is a 32-bit hash of its rows (a collision only adds a candidate the exact Jaccard rejects).
  const buckets = new Map<number, number[]>();
  const sig = new Uint32Array(SIGNATURE_SIZE);
  const bandKeys = new Uint32Array(BANDS);
  const seen = new Int32Array(items.length).fill(-1);
  const candidates: number[] = [];
  for (const item of items) {
    const key = duplicateKey(normalizeText(item.text));
    if (key.length < LIKELY_DUPLICATE.minCharsEqual) continue;
    const same = firstByKey.get(key);
    if (same !== undefined) {
      out.set(item.id, { of: same, similarity: 1 });
      continue;
    }
    firstByKey.set(key, item.id);
    if (key.length < LIKELY_DUPLICATE.minChars) continue;
    const set = shingleHashes(key);
    signatureInto(set, sig, 0);
    const index = shingles.length;
    candidates.length = 0;
    for (let b = 0; b < BANDS; b++) {
      let h = Math.imul(0x811c9dc5 ^ b, 0x01000193);
      for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = Math.imul(h ^ sig[r], 0x01000193);
      bandKeys[b] = h >>> 0;
      for (const other of buckets.get(bandKeys[b]) ?? []) {
        if (seen[other] === index) continue;
        seen[other] = index;
        candidates.push(other);
      }
    }
    // Oldest first, and bounded: a bucket keeps its MAX_CHECKS oldest members only, so a flood of similar
    // letters stays linear (the oldest copies are the ones a later copy is reported against anyway).
    candidates.sort((a, b) => a - b);
    for (let k = 0; k < Math.min(candidates.length, MAX_CHECKS); k++) {
      const other = candidates[k];
      const similarity = jaccard(set, shingles[other]);
      if (similarity >= LIKELY_DUPLICATE.minJaccard) {
        out.set(item.id, { of: ids[other], similarity });
        break;
      }
    }
    shingles.push(set);
    ids.push(item.id);
    for (const k of bandKeys) {
      const bucket = buckets.get(k);
      if (!bucket) buckets.set(k, [index]);
      else if (bucket.length < MAX_CHECKS) bucket.push(index);
    }
  }
  return out;
}
