import { SIGNATURE_SIZE, shingleHashes, shingleLength, signatureAgreement, signatureInto } from "./minhash";

/**
 * Campaigns: the same letter sent by many people, found as exact duplicates of the normalised text and as near
 * duplicates by MinHash with banded locality-sensitive hashing. Shingle sets ignore sentence order, so reordered,
 * re-punctuated, re-signed or lightly edited copies stay together; near-duplicate pairs are joined transitively.
 */
export interface FoundCampaign {
  /** comment indices, ascending */
  members: number[];
  representative: number;
  distinctSenders: number;
}

export interface CampaignOptions {
  /** estimated Jaccard similarity of character shingles above which two texts are copies */
  threshold: number;
  /** texts shorter than this (letters and digits) are too short to be a letter: "同意" twice is no campaign */
  minChars: number;
  /** a member must be at least this similar to the campaign's representative wording */
  memberThreshold: number;
  /**
   * exact copies shorter than minChars are still a campaign (a slogan) when sent by at least two people and at
   * least this long, in slogan units (see sloganLength): 「坚决反对」 is, 「同意」 is not
   */
  minSloganLength: number;
  /**
   * an edited copy must share at least this much text with the campaign's wording, in slogan units (one per Han
   * character, one half per Latin letter): people making the same short point in their own framing share one
   * phrase, not a letter
   */
  minSharedLength: number;
  /**
   * a wording far from every member kept directly still belongs when at least this share of its shingles is
   * the campaign's own phrasing (campaignVocabulary): a copy mixing the template's alternative phrasings
   */
  vocabularyCoverage: number;
}

export const DEFAULT_CAMPAIGN_OPTIONS: CampaignOptions = {
  threshold: 0.45,
  minChars: 20,
  memberThreshold: 0.3,
  minSloganLength: 4,
  minSharedLength: 35,
  vocabularyCoverage: 0.7,
};

const LATIN = /[a-z0-9]/;

/**
 * The length of a duplicate key as a slogan: one per Han character (or other letter), one half per Latin letter
 * or digit, so "no rezoning" (5) counts like 「反对扩建」 (4) and "agree" (2.5) like 「同意」 (2).
 */
export function sloganLength(key: string): number {
  let length = 0;
  for (const ch of key) length += LATIN.test(ch) ? 0.5 : 1;
  return length;
}
const BANDS = 21;
const ROWS = 3;
const REPRESENTATIVES_PER_BUCKET = 4;
/** the most sent wordings kept directly, which a detached wording is compared with (16 finds what 64 find on the labelled sets, for a quarter of the cost) */
const MAX_ANCHORS = 16;

export interface CampaignGrouping {
  campaignOf: Int32Array;
  campaigns: FoundCampaign[];
}

export function findCampaigns(
  keys: readonly string[],
  senders: readonly (string | null)[],
  options: CampaignOptions = DEFAULT_CAMPAIGN_OPTIONS
): CampaignGrouping {
  return findCampaignsAndTopicUnits(keys, senders, options).campaigns;
}

/**
 * The campaigns, and the same near-duplicate grouping without the shared-length rule (`topicUnits`): texts making
 * one short point in their own framing are no campaign, but still one voice for the topic stage. One pass.
 */
export function findCampaignsAndTopicUnits(
  keys: readonly string[],
  senders: readonly (string | null)[],
  options: CampaignOptions = DEFAULT_CAMPAIGN_OPTIONS
): { campaigns: CampaignGrouping; topicUnits: CampaignGrouping } {
  const n = keys.length;
  // Exact duplicates first: only one copy of each text needs a signature.
  const canonical = new Int32Array(n);
  const firstByKey = new Map<string, number>();
  const uniques: number[] = [];
  for (let i = 0; i < n; i++) {
    const first = firstByKey.get(keys[i]);
    if (first === undefined) {
      firstByKey.set(keys[i], i);
      canonical[i] = i;
      if (keys[i].length >= options.minChars) uniques.push(i);
    } else canonical[i] = first;
  }
  const u = uniques.length;
  const signatures = new Uint32Array(u * SIGNATURE_SIZE);
  // Shingle count per wording, in slogan units per shingle, to estimate how much text two wordings share.
  const shingleCount = new Float64Array(u);
  for (let j = 0; j < u; j++) {
    const shingles = shingleHashes(keys[uniques[j]]);
    shingleCount[j] = shingles.length * (shingleLength(keys[uniques[j]]) === 3 ? 1 : 0.5);
    signatureInto(shingles, signatures, j * SIGNATURE_SIZE);
  }
  // Shared shingles from the estimated Jaccard similarity J of two sets: |A ∩ B| = J (|A| + |B|) / (1 + J).
  const sharesLetter = (a: number, b: number, minSharedLength: number) => {
    if (minSharedLength <= 0) return true;
    const similarity = signatureAgreement(signatures, a, b);
    return (similarity * (shingleCount[a] + shingleCount[b])) / (1 + similarity) >= minSharedLength;
  };

  const parent = Int32Array.from({ length: u }, (_, j) => j);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const bandKeys = new Uint32Array(u);
  for (let band = 0; band < BANDS; band++) {
    for (let j = 0; j < u; j++) {
      let h = 0x811c9dc5 ^ band;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ signatures[j * SIGNATURE_SIZE + band * ROWS + r], 0x01000193);
      bandKeys[j] = h >>> 0;
    }
    const order = sortedByKey(bandKeys);
    for (let start = 0; start < u; ) {
      let end = start + 1;
      while (end < u && bandKeys[order[end]] === bandKeys[order[start]]) end++;
      const reps: number[] = [order[start]];
      for (let p = start + 1; p < end; p++) {
        const j = order[p];
        // Already joined through another band: nothing to check (this is most pairs in a big campaign).
        if (reps.some((r) => find(r) === find(j))) continue;
        const match = reps.find((r) => signatureAgreement(signatures, r, j) >= options.threshold);
        if (match !== undefined) parent[find(j)] = find(match);
        else if (reps.length < REPRESENTATIVES_PER_BUCKET) reps.push(j);
      }
      start = end;
    }
  }

  const uniqueIndex = new Map<number, number>();
  uniques.forEach((doc, j) => uniqueIndex.set(doc, j));
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const j = uniqueIndex.get(canonical[i]);
    if (j === undefined) continue;
    const root = find(j);
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(i);
  }
  // Slogans: exact copies too short for a letter, sent by several people. A short text is not matched by
  // shingles (one edited character changes most of them), only by its exact wording.
  const short = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (uniqueIndex.has(canonical[i]) || keys[canonical[i]].length === 0) continue;
    let list = short.get(canonical[i]);
    if (!list) short.set(canonical[i], (list = []));
    list.push(i);
  }
  const representatives = new Map<number[], number>();
  const assemble = (minSharedLength: number): CampaignGrouping => {
    const campaigns: FoundCampaign[] = [];
    for (const [wording, members] of short) {
      if (members.length < 2 || sloganLength(keys[wording]) < options.minSloganLength) continue;
      // One person sending a slogan again is a 重复提交 (comment-duplicates.server.ts), not a campaign.
      const distinctSenders = countSenders(members, senders);
      if (distinctSenders >= 2) campaigns.push({ members, representative: wording, distinctSenders });
    }
    const addCampaign = (members: number[], representative: number) =>
      campaigns.push({ members, representative, distinctSenders: countSenders(members, senders) });
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      // Both groupings (campaigns, topic units) ask for the same group's representative: worked out once.
      let representative = representatives.get(members);
      if (representative === undefined) representatives.set(members, (representative = representativeOf(members, canonical, uniqueIndex, signatures)));
      // Joining near-duplicate pairs transitively can chain letters that merely share a paragraph; a wording
      // far from the campaign's own text leaves it, taking only its exact copies along.
      const rep = uniqueIndex.get(representative) ?? 0;
      const kept: number[] = [];
      const detached = new Map<number, number[]>();
      const close = (j: number) => j === rep || (signatureAgreement(signatures, rep, j) >= options.memberThreshold && sharesLetter(rep, j, minSharedLength));
      for (const i of members) {
        if (close(uniqueIndex.get(canonical[i]) ?? 0)) kept.push(i);
        else {
          let copies = detached.get(canonical[i]);
          if (!copies) detached.set(canonical[i], (copies = []));
          copies.push(i);
        }
      }
      // A form letter's slots each have a few phrasings, so two copies can differ in every slot and fall below
      // the member threshold although each is a near duplicate of a third copy. One hop is allowed: a wording
      // detached from the representative returns when it is a near duplicate of a wording kept directly (and
      // shares a letter with it), or when it is written almost entirely in the campaign's phrasings (its
      // vocabulary). A wording returned either way brings no others and adds no vocabulary: no chains.
      // Topic units keep the grouping they had (0030): this is for campaigns only (0032).
      if (minSharedLength > 0 && detached.size > 0) {
        const direct = anchorsOf(kept, canonical, uniqueIndex);
        let vocabulary: Set<number> | null = null;
        let returned = false;
        for (const [wording, copies] of detached) {
          const j = uniqueIndex.get(wording) ?? 0;
          const hop = direct.some((d) => signatureAgreement(signatures, d, j) >= options.threshold && sharesLetter(d, j, minSharedLength));
          if (!hop) {
            vocabulary ??= campaignVocabulary(
              direct.map((d) => keys[uniques[d]]),
              keys[representative]
            );
            if (!madeOfVocabulary(keys[wording], vocabulary, options.vocabularyCoverage, minSharedLength)) continue;
          }
          for (const i of copies) kept.push(i);
          detached.delete(wording);
          returned = true;
        }
        if (returned) kept.sort((a, b) => a - b);
      }
      if (kept.length >= 2) addCampaign(kept, representative);
      for (const [wording, copies] of detached) if (copies.length >= 2) addCampaign(copies, wording);
    }
    campaigns.sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
    const campaignOf = new Int32Array(n).fill(-1);
    campaigns.forEach((c, id) => c.members.forEach((i) => (campaignOf[i] = id)));
    return { campaignOf, campaigns };
  };
  return { campaigns: assemble(options.minSharedLength), topicUnits: assemble(0) };
}

/** Indices ordered by key, then index; packing both into one float keeps the sort native and fast. */
function sortedByKey(keys: Uint32Array): Int32Array {
  const n = keys.length;
  if (n >= 2 ** 21) return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[i] * 2 ** 21 + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i] % 2 ** 21;
  return order;
}

/** The most often sent wording; among equals, the one closest to the other wordings. */
function representativeOf(members: number[], canonical: Int32Array, uniqueIndex: Map<number, number>, signatures: Uint32Array): number {
  const copies = new Map<number, number>();
  for (const i of members) copies.set(canonical[i], (copies.get(canonical[i]) ?? 0) + 1);
  const wordings = [...copies.keys()];
  const probe = wordings.slice(0, 32).map((w) => uniqueIndex.get(w) ?? 0);
  let best = wordings[0];
  let bestScore = -Infinity;
  for (const w of wordings) {
    const j = uniqueIndex.get(w) ?? 0;
    let closeness = 0;
    for (const other of probe) closeness += signatureAgreement(signatures, j, other);
    const score = (copies.get(w) ?? 0) * 1000 + closeness;
    if (score > bestScore) {
      bestScore = score;
      best = w;
    }
  }
  return best;
}

/** The most sent wordings kept directly, at most MAX_ANCHORS: the phrasings a detached wording may be near. */
function anchorsOf(kept: number[], canonical: Int32Array, uniqueIndex: Map<number, number>): number[] {
  const copies = new Map<number, number>();
  for (const i of kept) copies.set(canonical[i], (copies.get(canonical[i]) ?? 0) + 1);
  return [...copies]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_ANCHORS)
    .map(([wording]) => uniqueIndex.get(wording) ?? 0);
}

/**
 * The campaign's own phrasings: shingles of the representative, and shingles found in at least two of the
 * wordings kept directly. A personal addition is in one letter only, so it is not part of the vocabulary.
 */
export function campaignVocabulary(anchors: string[], representative: string): Set<number> {
  const seen = new Map<number, number>();
  for (const key of anchors) for (const h of shingleHashes(key)) seen.set(h, (seen.get(h) ?? 0) + 1);
  const vocabulary = new Set<number>(shingleHashes(representative));
  for (const [h, count] of seen) if (count >= 2) vocabulary.add(h);
  return vocabulary;
}

/** Whether a wording is written almost entirely in the campaign's phrasings, and shares a letter's worth of them. */
export function madeOfVocabulary(key: string, vocabulary: Set<number>, coverage: number, minSharedLength: number): boolean {
  const shingles = shingleHashes(key);
  if (shingles.length === 0) return false;
  let inside = 0;
  for (const h of shingles) if (vocabulary.has(h)) inside++;
  const unit = shingleLength(key) === 3 ? 1 : 0.5;
  return inside / shingles.length >= coverage && inside * unit >= minSharedLength;
}

/** Senders without a name or address are each counted as a different person. */
function countSenders(members: number[], senders: readonly (string | null)[]): number {
  const named = new Set<string>();
  let anonymous = 0;
  for (const i of members) {
    const sender = senders[i]?.trim().toLowerCase();
    if (sender) named.add(sender);
    else anonymous++;
  }
  return named.size + anonymous;
}
