import type { FoundCampaign } from "./campaigns";
import { normalizeText } from "./normalize";

/**
 * Letter families: the semantic pass after exact and near-duplicate detection (campaigns.ts). A form letter's
 * copies often swap words, reorder sentences, drop one and add a personal paragraph; character shingles over the
 * whole text then fall below the near-duplicate threshold. Here every letter is a set of sentences, each sentence
 * a set of words (Latin words, Han character pairs), and a letter joins a template when most of the template's
 * sentences (by length) are found among its own, in any order, each allowing a few swapped words. The letter's
 * sentences not found in the template are its personal additions.
 *
 * Precision comes from asking for several matching sentences covering most of the template, and from joining each
 * letter to one template only (no transitive chains): two letters sharing one common sentence stay apart.
 */
export interface FamilyOptions {
  /** word-set Jaccard above which two sentences are the same sentence with words swapped */
  sentenceSimilarity: number;
  /** share of the template's words (in matched sentences) the letter must cover */
  templateCoverage: number;
  /** share of the shorter letter's words that must match, so a short letter inside a long one is no variant */
  letterCoverage: number;
  /** at least this many sentences must match */
  minSentences: number;
  /** sentences with fewer words than this (greetings, "谢谢") neither match nor count */
  minSentenceWords: number;
}

export const DEFAULT_FAMILY_OPTIONS: FamilyOptions = {
  sentenceSimilarity: 0.5,
  templateCoverage: 0.6,
  letterCoverage: 0.35,
  minSentences: 3,
  minSentenceWords: 4,
};

export interface LetterFamily extends FoundCampaign {
  /** each wording group joined into the family: its representative and members (the template's first) */
  variants: { representative: number; members: number[] }[];
}

/** Personal additions shown per letter at most, and their length. */
const ADDITIONS_PER_LETTER = 5;
const ADDITION_CHARS = 200;
/** Candidate templates a sentence key may point to; keys shared by more are boilerplate, not evidence. */
const MAX_POSTINGS = 64;
const CANDIDATES_VERIFIED = 8;
const BANDS = 4;

interface Sentence {
  text: string;
  words: Uint32Array; // sorted, unique hashes
}

const SENTENCE_END = /(?<=[。！？!?；;\n\uff01\uff1f\uff1b])|(?<=[.:\uff0e\uff1a])\s+/u;
const LATIN_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** Word-level normalisation: lower case, a plural or past "s"/"ed" stripped; Han text as character pairs. */
export function sentenceWords(sentence: string): Uint32Array {
  const lower = sentence.toLowerCase();
  const words: number[] = [];
  for (const m of lower.matchAll(LATIN_WORD)) {
    let w = m[0].replace(/'s$/, "");
    if (w.length > 4 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
    words.push(hashString(w));
  }
  for (const m of lower.matchAll(HAN_RUN)) {
    const run = m[0];
    if (run.length === 1) words.push(hashString(run));
    // hashString of each two-character slice, without making the slices.
    for (let i = 0; i + 1 < run.length; i++)
      words.push(mix(Math.imul(Math.imul(0x811c9dc5 ^ run.charCodeAt(i), 0x01000193) ^ run.charCodeAt(i + 1), 0x01000193)));
  }
  const sorted = Uint32Array.from(words).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i];
  return sorted.slice(0, unique);
}

/** Sentences as written (for display); their words are read from the normalised text. */
export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** For matching: the sentences of the normalised text (normalizeText of the comment). */
function normalizedSentences(normalized: string, minWords: number): Sentence[] {
  return splitSentences(normalized)
    .map((t) => ({ text: t, words: sentenceWords(t) }))
    .filter((s) => s.words.length >= minWords);
}

/** At most how many sentences splitSentences can find: one more than the characters it may split after. */
export function mostSentences(text: string): number {
  let ends = 0;
  for (let i = 0; i < text.length; i++) if (SPLITS_AFTER.has(text.charCodeAt(i))) ends++;
  return ends + 1;
}
const SPLITS_AFTER = new Set([..."。！？!?；;\n\uff01\uff1f\uff1b.:\uff0e\uff1a"].map((c) => c.charCodeAt(0)));

function sentencesOf(text: string, minWords: number, forDisplay = false): Sentence[] {
  // For matching, the whole text is normalised once; for display each sentence keeps its own wording.
  if (!forDisplay) return normalizedSentences(normalizeText(text), minWords);
  return splitSentences(text)
    .map((t) => ({ text: t, words: sentenceWords(normalizeText(t)) }))
    .filter((s) => s.words.length >= minWords);
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
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

/** Locality-sensitive keys of one sentence: bands of two word min-hashes, so a sentence with a swapped word still meets its twin. */
function sentenceKeys(words: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x9e3779b9 ^ band;
    for (let r = 0; r < 2; r++) {
      const salt = Math.imul(band * 2 + r + 1, 0x27d4eb2f);
      let min = 0xffffffff;
      for (let i = 0; i < words.length; i++) {
        const v = mix(words[i] ^ salt);
        if (v < min) min = v;
      }
      h = mix(Math.imul(h ^ min, 0x01000193));
    }
    keys.push(h);
  }
  return keys;
}

export interface SentenceMatch {
  /** for each sentence of the letter, the template sentence it matches, or -1 */
  matchOf: Int32Array;
  matched: number;
  templateCoverage: number;
  letterCoverage: number;
}

/** Greedy order-free matching of a letter's sentences to a template's, best pairs first. */
export function matchSentences(letter: Sentence[], template: Sentence[], similarity: number): SentenceMatch {
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < letter.length; a++)
    for (let t = 0; t < template.length; t++) {
      const s = jaccard(letter[a].words, template[t].words);
      if (s >= similarity) pairs.push([s, a, t]);
    }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const matchOf = new Int32Array(letter.length).fill(-1);
  const used = new Uint8Array(template.length);
  let matched = 0;
  let letterWords = 0;
  let templateWords = 0;
  for (const [, a, t] of pairs) {
    if (matchOf[a] >= 0 || used[t]) continue;
    matchOf[a] = t;
    used[t] = 1;
    matched++;
    letterWords += letter[a].words.length;
    templateWords += template[t].words.length;
  }
  const total = (ss: Sentence[]) => ss.reduce((sum, s) => sum + s.words.length, 0);
  const lt = total(letter);
  const tt = total(template);
  return { matchOf, matched, templateCoverage: tt ? templateWords / tt : 0, letterCoverage: lt ? letterWords / lt : 0 };
}

function isVariant(m: SentenceMatch, letterSize: number, templateSize: number, options: FamilyOptions): boolean {
  if (m.matched < options.minSentences) return false;
  // The shorter of the two must be mostly inside the longer; the template must be mostly inside the letter.
  const shorterCoverage = letterSize <= templateSize ? m.letterCoverage : m.templateCoverage;
  return m.templateCoverage >= options.templateCoverage && shorterCoverage >= options.templateCoverage && m.letterCoverage >= options.letterCoverage;
}

/**
 * Joins campaigns and single letters into families. `texts` are the comments' texts, `found` the exact and
 * near-duplicate campaigns; returns the families as campaigns (a family of one wording group is that campaign)
 * and, per comment, its personal additions against its family's template (empty outside a family).
 * `normalized`, when given, is normalizeText of each text, already worked out by the caller.
 */
export function joinLetterFamilies(
  texts: readonly string[],
  senders: readonly (string | null)[],
  found: { campaignOf: Int32Array; campaigns: FoundCampaign[] },
  minChars: number,
  options: FamilyOptions = DEFAULT_FAMILY_OPTIONS,
  normalized?: readonly string[]
): { campaignOf: Int32Array; campaigns: LetterFamily[]; additions: string[][] } {
  const n = texts.length;
  // Units: each campaign (by its representative wording) and each letter outside a campaign long enough to be one.
  interface Unit {
    representative: number;
    members: number[];
    sentences: Sentence[];
  }
  const units: Unit[] = [];
  for (const c of found.campaigns) units.push({ representative: c.representative, members: c.members, sentences: [] });
  for (let i = 0; i < n; i++) {
    if (found.campaignOf[i] >= 0) continue;
    if (texts[i].replace(/[^\p{L}\p{N}]+/gu, "").length < minChars) continue;
    units.push({ representative: i, members: [i], sentences: [] });
  }
  for (const u of units) {
    const text = normalized ? normalized[u.representative] : normalizeText(texts[u.representative]);
    // A text with too few sentence ends for minSentences sentences can be no template nor variant: not split.
    u.sentences = mostSentences(text) < options.minSentences ? [] : normalizedSentences(text, options.minSentenceWords);
  }
  // The most sent wording is the template; among equals the longer (it holds more of the letter), then the first.
  const order = units
    .map((_, k) => k)
    .filter((k) => units[k].sentences.length >= options.minSentences)
    .sort(
      (a, b) =>
        units[b].members.length - units[a].members.length ||
        units[b].sentences.length - units[a].sentences.length ||
        units[a].representative - units[b].representative
    );

  const templates: number[] = [];
  const familyOfUnit = new Int32Array(units.length).fill(-1);
  const postings = new Map<number, number[]>();
  const variantsOf: number[][] = [];
  // Per template: how many of the current letter's sentences point to it, and the last sentence that counted
  // (a sentence counts once however many of its keys point to the template). Arrays indexed by template, reset
  // through the list of templates touched, instead of a map and a set per letter.
  let hits = new Int32Array(1024);
  let lastSentence = new Int32Array(1024).fill(-1);
  const touched: number[] = [];
  let sentenceStamp = 0;
  for (const k of order) {
    const unit = units[k];
    if (templates.length > hits.length) {
      const size = Math.max(templates.length, hits.length * 2);
      hits = grown(hits, size, 0);
      lastSentence = grown(lastSentence, size, -1);
    }
    touched.length = 0;
    const keysOf = unit.sentences.map((s) => sentenceKeys(s.words));
    for (const keys of keysOf) {
      const stamp = sentenceStamp++;
      for (const key of keys) {
        const list = postings.get(key);
        if (list === undefined) continue;
        for (const f of list) {
          if (lastSentence[f] === stamp) continue;
          lastSentence[f] = stamp;
          if (hits[f]++ === 0) touched.push(f);
        }
      }
    }
    const candidates: [number, number][] = [];
    for (const f of touched) {
      if (hits[f] >= options.minSentences) candidates.push([f, hits[f]]);
      hits[f] = 0;
    }
    candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    candidates.length = Math.min(candidates.length, CANDIDATES_VERIFIED);
    let best = -1;
    let bestScore = 0;
    for (const [f] of candidates) {
      const template = units[templates[f]];
      const m = matchSentences(unit.sentences, template.sentences, options.sentenceSimilarity);
      if (!isVariant(m, unit.sentences.length, template.sentences.length, options)) continue;
      const score = m.templateCoverage + m.letterCoverage;
      if (score > bestScore) {
        bestScore = score;
        best = f;
      }
    }
    if (best >= 0) {
      familyOfUnit[k] = best;
      variantsOf[best].push(k);
      continue;
    }
    const f = templates.length;
    templates.push(k);
    variantsOf.push([k]);
    familyOfUnit[k] = f;
    for (const keys of keysOf)
      for (const key of keys) {
        let list = postings.get(key);
        if (!list) postings.set(key, (list = []));
        if (list.length < MAX_POSTINGS && list[list.length - 1] !== f) list.push(f);
      }
  }

  const campaigns: LetterFamily[] = [];
  const additions: string[][] = Array.from({ length: n }, () => []);
  const unitInFamily = new Uint8Array(units.length);
  for (let f = 0; f < templates.length; f++) {
    const variants = variantsOf[f];
    const members = variants.flatMap((k) => units[k].members).sort((a, b) => a - b);
    if (members.length < 2) continue;
    for (const k of variants) unitInFamily[k] = 1;
    const template = units[templates[f]];
    campaigns.push({
      members,
      representative: template.representative,
      distinctSenders: countSenders(members, senders),
      variants: variants.map((k) => ({ representative: units[k].representative, members: units[k].members })),
    });
    // Personal additions: each distinct wording's sentences not found in the template.
    const cache = new Map<string, string[]>();
    for (const i of members) {
      if (i === template.representative) continue;
      let own = cache.get(texts[i]);
      if (!own) {
        const sentences = sentencesOf(texts[i], 1, true);
        const m = matchSentences(sentences, template.sentences, options.sentenceSimilarity);
        own = sentences
          .filter((s, a) => m.matchOf[a] < 0 && s.words.length >= 2)
          .slice(0, ADDITIONS_PER_LETTER)
          .map((s) => (s.text.length > ADDITION_CHARS ? `${s.text.slice(0, ADDITION_CHARS)}…` : s.text));
        cache.set(texts[i], own);
      }
      additions[i] = own;
    }
  }
  // Campaigns too short for sentences (slogans, one-line letters) stay as they were.
  units.forEach((u, k) => {
    if (k < found.campaigns.length && !unitInFamily[k]) {
      const c = found.campaigns[k];
      campaigns.push({ ...c, variants: [{ representative: c.representative, members: c.members }] });
    }
  });
  campaigns.sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
  const campaignOf = new Int32Array(n).fill(-1);
  campaigns.forEach((c, id) => c.members.forEach((i) => (campaignOf[i] = id)));
  return { campaignOf, campaigns, additions };
}

function grown(a: Int32Array<ArrayBuffer>, size: number, fill: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size).fill(fill);
  out.set(a);
  return out;
}

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
