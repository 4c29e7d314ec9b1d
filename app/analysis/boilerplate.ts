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
export function withoutBoilerplate(
  corpus: TokenCorpus,
  senders: readonly (string | null)[],
  options: BoilerplateOptions = DEFAULT_BOILERPLATE,
): TokenCorpus {
  const bySender = new Map<string, number[]>();
  senders.forEach((s, i) => {
    if (s) bySender.get(s)?.push(i) ?? bySender.set(s, [i]);
  });
  const drop = new Map<number, Uint8Array>();
  for (const docs of bySender.values()) {
    if (docs.length < options.minComments) continue;
    const needed = Math.max(options.minComments, Math.ceil(options.minShare * docs.length));
    const counts = new Map<string, number>();
    for (const d of docs) for (const key of new Set(shingles(corpus.doc(d), options.shingle))) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const d of docs) {
      const tokens = corpus.doc(d);
      const mask = new Uint8Array(tokens.length);
      let any = false;
      shingles(tokens, options.shingle).forEach((key, p) => {
        if ((counts.get(key) ?? 0) < needed) return;
        mask.fill(1, p, p + options.shingle);
        any = true;
      });
      if (!any) continue;
      const left = mask.reduce((n, m) => n + (m === 0 ? 1 : 0), 0);
      if (left >= options.minLeft) drop.set(d, mask);
    }
  }
  if (drop.size === 0) return corpus;
  const offsets = new Int32Array(corpus.size + 1);
  const kept: number[] = [];
  for (let d = 0; d < corpus.size; d++) {
    const tokens = corpus.doc(d);
    const mask = drop.get(d);
    for (let p = 0; p < tokens.length; p++) if (!mask || mask[p] === 0) kept.push(tokens[p]);
    offsets[d + 1] = kept.length;
  }
  const out = new TokenCorpus();
  // Appending interns the words in their original order, so every word keeps its id.
  out.append({ words: corpus.words.slice(), offsets, tokens: Int32Array.from(kept) });
  return out;
}

function shingles(tokens: Int32Array, size: number): string[] {
  const out: string[] = [];
  for (let p = 0; p + size <= tokens.length; p++) out.push(tokens.subarray(p, p + size).join(","));
  return out;
}
