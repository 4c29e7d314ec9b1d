import { articleScoresOn, buildArticleIndex, type ArticleIndex } from "./article-inference";
import type { DraftArticle } from "./draft-parser";
import type { ArticleCorrections } from "./types";

/**
 * Implicit article references, the second pass (docs/analysis.md, "Inferred articles"). Most comments never
 * write 第十五条: they say 贴息 and mean the article on 创业担保贷款. After topics are built, every comment that
 * names no article is scored against each article on three kinds of evidence:
 * - the draft's own wording of the article (BM25 over character pairs, article-inference.ts);
 * - the words of the comments that do name that article, and of those staff linked to it: how the public
 *   talks about the article, which the legal text often does not (罚二十块 for a 二十元罚款 clause);
 * - the comment's neighbours: the articles named by the other comments of its topic.
 * The first two are scaled to their best article and added; the topic's share of each article (smoothed) is a
 * mild prior on top. The confidence is the best article's share of the best two; a link is made at
 * LINK_CONFIDENCE or above (the best at least about twice the runner-up) and marked inferred, with its
 * confidence, for staff to confirm or reject. What staff confirmed counts as a named article here and in the
 * next run; what they rejected is never inferred again for that comment.
 */

export const LINK_CONFIDENCE = 0.65;
/** The confidence given to the first pass's rules: a quotation of the draft or a pointer (这一条) near its words. */
const RULE_CONFIDENCE = { quotation: 0.95, pointer: 0.9 } as const;
/** Comments read per article to learn how the public names it: bounds the cost on a large consultation. */
const PROFILE_COMMENTS = 500;
/**
 * The least raw evidence (BM25 on the draft plus on the public's wording, for the best article) a link needs:
 * as in the first pass's similarity rule, more than one distinctive pair of characters must match. Scaled
 * scores alone would let 「完全同意」 or 「看不懂，太长了」 follow one stray pair to whichever article has it.
 */
const MIN_EVIDENCE = 8;
/** The public's words found in the comments on more than half the articles (建议, 希望) name none of them. */
const PUBLIC_MAX_SHARE = 0.5;
/** Smoothing of a topic's article counts, per article. */
const PRIOR_SMOOTHING = 0.5;

export interface LinkInput {
  articles: readonly DraftArticle[];
  /** the first pass's index over the draft (prepare.ts), reused */
  draftIndex: ArticleIndex;
  normalized: readonly string[];
  ids: readonly string[];
  /** articles each comment names */
  named: readonly number[][];
  /** the first pass's inferred article per comment and what it rested on */
  firstPass: readonly { article: number; basis: "quotation" | "pointer" | "similarity" }[][];
  topicOf: readonly (string | null)[];
  corrections?: ArticleCorrections;
}

export interface Links {
  inferred: number[][];
  confidence: number[][];
}

export function inferArticleLinks(input: LinkInput): Links {
  const { articles, draftIndex, normalized, ids, named, firstPass, topicOf } = input;
  const n = ids.length;
  const inferred: number[][] = Array.from({ length: n }, () => []);
  const confidence: number[][] = Array.from({ length: n }, () => []);
  const A = draftIndex.numbers.length;
  if (A === 0) return { inferred, confidence };
  const slot = new Map(draftIndex.numbers.map((a, k) => [a, k]));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const confirmed = correctionsBy(input.corrections?.confirmed, indexOf);
  const rejected = correctionsBy(input.corrections?.rejected, indexOf);

  // What each comment is known to be about: the articles it names, or those staff set or confirmed.
  const known = (i: number): number[] => confirmed.get(i) ?? named[i];

  // How the public names each article: the comments naming that article alone.
  const profile: string[][] = draftIndex.numbers.map(() => []);
  for (let i = 0; i < n; i++) {
    const about = known(i);
    if (about.length !== 1) continue;
    const k = slot.get(about[0]);
    if (k !== undefined && profile[k].length < PROFILE_COMMENTS && normalized[i]) profile[k].push(normalized[i]);
  }
  const publicIndex = buildArticleIndex(
    articles.map((a, k) => ({ ...a, text: profile[k].join("。") })),
    (s) => s,
    PUBLIC_MAX_SHARE
  );

  // The articles the other comments of each topic name.
  const topicCounts = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    const topic = topicOf[i];
    if (topic === null) continue;
    let counts = topicCounts.get(topic);
    if (!counts) topicCounts.set(topic, (counts = new Float64Array(A)));
    for (const a of known(i)) {
      const k = slot.get(a);
      if (k !== undefined) counts[k]++;
    }
  }

  const scoresOf = new Map<string, { evidence: Float64Array; raw: Float64Array }>();
  for (let i = 0; i < n; i++) {
    if (named[i].length > 0 || confirmed.has(i)) continue;
    const refused = new Set(rejected.get(i) ?? []);
    const rule = firstPass[i][0];
    if (rule && rule.basis !== "similarity" && !refused.has(rule.article)) {
      inferred[i] = [rule.article];
      confidence[i] = [RULE_CONFIDENCE[rule.basis]];
      continue;
    }
    const text = normalized[i];
    if (!text) continue;
    let scored = scoresOf.get(text);
    if (!scored) {
      const [fromDraft, fromPublic] = articleScoresOn([draftIndex, publicIndex], text);
      scored = { evidence: addScaled(fromDraft, fromPublic), raw: fromDraft.map((v, k) => v + fromPublic[k]) };
      scoresOf.set(text, scored);
    }
    const { evidence, raw } = scored;
    const counts = topicOf[i] === null ? undefined : topicCounts.get(topicOf[i]!);
    const total = counts ? counts.reduce((sum, v) => sum + v, 0) : 0;
    let best = -1;
    let first = 0;
    let second = 0;
    for (let k = 0; k < A; k++) {
      if (refused.has(draftIndex.numbers[k])) continue;
      const prior = counts ? (counts[k] + PRIOR_SMOOTHING) / (total + PRIOR_SMOOTHING * A) : 1 / A;
      const score = evidence[k] * Math.sqrt(prior);
      if (score > first) {
        second = first;
        first = score;
        best = k;
      } else if (score > second) second = score;
    }
    if (best < 0 || raw[best] < MIN_EVIDENCE) continue;
    const sure = first / (first + second);
    if (sure >= LINK_CONFIDENCE) {
      inferred[i] = [draftIndex.numbers[best]];
      confidence[i] = [round(sure)];
    }
  }
  return { inferred, confidence };
}

function correctionsBy(list: ArticleCorrections["confirmed"] | undefined, indexOf: Map<string, number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const { comment_id, articles } of list ?? []) {
    const i = indexOf.get(String(comment_id));
    if (i === undefined) continue;
    out.set(i, [...new Set([...(out.get(i) ?? []), ...articles])]);
  }
  return out;
}

/** Each score vector scaled to its best article, added. */
function addScaled(a: Float64Array, b: Float64Array): Float64Array {
  const maxA = Math.max(0, ...a);
  const maxB = Math.max(0, ...b);
  return a.map((v, k) => (maxA > 0 ? v / maxA : 0) + (maxB > 0 ? b[k] / maxB : 0));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
