import { TokenCorpus } from "./token-corpus";

/**
 * A sender's boilerplate: a greeting, a signature, a self-introduction one person puts on many of their comments.
 * Left in, it outweighs what each comment says, and a prolific sender's comments on five subjects form one
 * "topic" held together by the preamble. Before topic features are built, every run of SHINGLE tokens that one
 * sender repeats in at least MIN_COMMENTS of their comments (and in at least MIN_SHARE of them) is taken out of
 * that sender's comments. A comment that would keep fewer than MIN_LEFT tokens stays whole: a sender's repeated
 * copies of one text are a campaign, found elsewhere, not boilerplate. Phrases many senders share are untouched.
 */
export interface BoilerplateOptions {
  shingle: number;
  minComments: number;
  minShare: number;
  minLeft: number;
}

export const DEFAULT_BOILERPLATE: BoilerplateOptions = { shingle: 4, minComments: 3, minShare: 0.3, minLeft: 3 };

/** The corpus with each sender's boilerplate removed from their comments; the same corpus when nothing repeats. */
export function withoutBoilerplate(corpus: TokenCorpus, senders: readonly (string | null)[], options: BoilerplateOptions = DEFAULT_BOILERPLATE): TokenCorpus {
  const bySender = new Map<string, number[]>();
  senders.forEach((s, i) => {
    if (s) bySender.get(s)?.push(i) ?? bySender.set(s, [i]);
  });
  const drop = new Map<number, Uint8Array>();
  for (const docs of bySender.values()) {
    if (docs.length < options.minComments) continue;
    const needed = Math.max(options.minComments, Math.ceil(options.minShare * docs.length));
    const counts = new Map<string, number>();
    const docShingles = docs.map((d) => shingles(corpus.doc(d), options.shingle));
    for (const list of docShingles) for (const key of new Set(list)) counts.set(key, (counts.get(key) ?? 0) + 1);
    docs.forEach((d, k) => {
      const tokens = corpus.doc(d);
      const mask = new Uint8Array(tokens.length);
      let any = false;
      docShingles[k].forEach((key, p) => {
        if ((counts.get(key) ?? 0) < needed) return;
        mask.fill(1, p, p + options.shingle);
        any = true;
      });
      if (!any) return;
      const left = mask.reduce((n, m) => n + (m === 0 ? 1 : 0), 0);
      if (left >= options.minLeft) drop.set(d, mask);
    });
  }
  if (drop.size === 0) return corpus;
  const offsets = new Int32Array(corpus.size + 1);
  let total = 0;
  for (let d = 0; d < corpus.size; d++) total += corpus.doc(d).length;
  const kept = new Int32Array(total);
  let size = 0;
  for (let d = 0; d < corpus.size; d++) {
    const tokens = corpus.doc(d);
    const mask = drop.get(d);
    if (!mask) {
      kept.set(tokens, size);
      size += tokens.length;
    } else for (let p = 0; p < tokens.length; p++) if (mask[p] === 0) kept[size++] = tokens[p];
    offsets[d + 1] = size;
  }
  const out = new TokenCorpus();
  // Appending interns the words in their original order, so every word keeps its id.
  out.append({ words: corpus.words.slice(), offsets, tokens: kept.slice(0, size) });
  return out;
}

/** Each run of `size` tokens as its ids joined by commas. */
function shingles(tokens: Int32Array, size: number): string[] {
  const out: string[] = [];
  if (size === 4) {
    // The usual size, without a subarray per shingle.
    for (let p = 0; p + 4 <= tokens.length; p++) out.push(`${tokens[p]},${tokens[p + 1]},${tokens[p + 2]},${tokens[p + 3]}`);
    return out;
  }
  for (let p = 0; p + size <= tokens.length; p++) out.push(tokens.subarray(p, p + size).join(","));
  return out;
}
