import { normalizeRows } from "./dense";
import { findNames } from "./pii-names";
import { isStopword } from "./stopwords";
import type { ThemeResult, TopicResult } from "./types";

/**
 * Themes: a coarser level over the topics, a handful per consultation, for the workspace overview and the
 * structure of the summary. Two topics belong together when their comments lie between them: for a sample of
 * each topic's comments, the other topic whose centroid is nearest gets a vote, and a topic's votes are shares
 * of its sample. The symmetric shares are the topics' similarity, and average-linkage clustering joins the
 * most similar until about one theme per three topics is left (2 to 7). Cheap and deterministic: it reads at
 * most 200 comments per topic, and has no random choice (docs/decisions/0045-themes.md).
 */

/** At most this many of a topic's documents are sampled for its centroid and votes. */
const SAMPLE_PER_TOPIC = 200;
/** The votes read at most this many sampled documents in all, so their cost stays flat in the topic count. */
const VOTES_BUDGET = 4000;
/** Topics beyond this many (largest first) join the theme of their nearest clustered topic. */
const MAX_CLUSTERED = 100;
const MAX_THEMES = 7;
const LABEL_WORDS = 2;

/** Up to SAMPLE_PER_TOPIC of a topic's documents, evenly spread, as unit vectors in the topic model's space. */
export interface TopicSample {
  dims: number;
  /** rows × dims */
  vectors: Float32Array;
}

export function topicSample(docs: readonly number[], vectorInto: (doc: number, out: Float32Array) => boolean, dims: number): TopicSample {
  const step = Math.max(1, docs.length / SAMPLE_PER_TOPIC);
  const vectors = new Float32Array(Math.min(docs.length, SAMPLE_PER_TOPIC) * dims);
  let rows = 0;
  for (let x = 0; x < docs.length && rows * dims < vectors.length; x += step) {
    if (vectorInto(docs[Math.floor(x)], vectors.subarray(rows * dims, (rows + 1) * dims))) rows++;
  }
  return { dims, vectors: vectors.slice(0, rows * dims) };
}

/** How many themes for this many topics: none for three or fewer, then one per three topics, 2 to 7. */
export function themeCount(topics: number): number {
  if (topics <= 3) return 0;
  return Math.min(MAX_THEMES, Math.max(2, Math.round(topics / 3)));
}

/**
 * The themes of a result's topics, and the topics with `theme` set: the theme's id for machine and staff topics,
 * null for the others (no substance, unclustered) and for a topic none of whose comments has a vector. No
 * themes (and every `theme` null) when there are three topics or fewer to group.
 */
export function buildThemes(topics: readonly TopicResult[], samples: ReadonlyMap<string, TopicSample>): { topics: TopicResult[]; themes: ThemeResult[] } {
  const rowsOf = (t: TopicResult) => {
    const sample = samples.get(t.id);
    return sample ? sample.vectors.length / sample.dims : 0;
  };
  const candidates = topics
    .filter((t) => (t.kind === "machine" || t.kind === "staff") && rowsOf(t) > 0)
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  const count = themeCount(candidates.length);
  if (count === 0) return { topics: topics.map((t) => ({ ...t, theme: null })), themes: [] };
  const centroids = candidates.map((t) => centroid(samples.get(t.id)!));
  const clustered = candidates.slice(0, MAX_CLUSTERED);
  const perTopic = Math.max(1, Math.floor(VOTES_BUDGET / clustered.length));
  const similarity = voteSimilarity(
    clustered.map((t) => samples.get(t.id)!),
    centroids.slice(0, clustered.length),
    perTopic
  );
  const groups = averageLinkage(similarity, clustered.length, count);
  const groupOf = new Map<string, number>();
  groups.forEach((members, g) => members.forEach((i) => groupOf.set(clustered[i].id, g)));
  candidates.slice(MAX_CLUSTERED).forEach((t, i) => {
    const near = nearest(centroids[MAX_CLUSTERED + i], centroids.slice(0, clustered.length));
    groupOf.set(t.id, groupOf.get(clustered[near].id)!);
  });

  const members = groups.map(() => [] as TopicResult[]);
  for (const t of candidates) members[groupOf.get(t.id)!].push(t);
  const size = (list: TopicResult[]) => list.reduce((sum, t) => sum + t.size, 0);
  members.sort((a, b) => size(b) - size(a) || (a[0].id < b[0].id ? -1 : 1));
  const themes: ThemeResult[] = members.map((list, i) => ({
    id: `theme-${i + 1}`,
    label: themeLabel(list),
    topic_ids: list.map((t) => t.id),
    size: size(list),
  }));
  const themeOf = new Map(themes.flatMap((theme) => theme.topic_ids.map((id) => [id, theme.id] as const)));
  return { topics: topics.map((t) => ({ ...t, theme: themeOf.get(t.id) ?? null })), themes };
}

/**
 * A short working label from the theme's topics' keywords: the words that rank high in the largest topics and
 * recur across them, never a stopword or a person's name, and no word inside another already chosen.
 */
export function themeLabel(topics: readonly Pick<TopicResult, "keywords" | "size">[]): string {
  const score = new Map<string, number>();
  for (const t of topics) {
    t.keywords.forEach((word, rank) => {
      if (!isLabelWord(word)) return;
      score.set(word, (score.get(word) ?? 0) + t.size / (rank + 1));
    });
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const chosen: string[] = [];
  for (const word of ranked) {
    if (chosen.length === LABEL_WORDS) break;
    if (chosen.some((c) => c.includes(word) || word.includes(c))) continue;
    chosen.push(word);
  }
  if (chosen.length === 0) return "其他";
  return chosen.join(/^[\u3400-\u9fff]/.test(chosen[0]) ? "、" : ", ");
}

function isLabelWord(word: string): boolean {
  const trimmed = word.trim();
  if (trimmed.length === 0 || /^[\p{P}\p{S}\d\s]+$/u.test(trimmed)) return false;
  if (trimmed.split(/\s+/).every(isStopword)) return false;
  // Asked as a contact line would put it, so a two-character name (张伟) is recognised as one.
  const cue = "联系人";
  return !findNames(cue + trimmed).some((name) => name.start === cue.length && name.end === cue.length + trimmed.length);
}

function centroid({ dims, vectors }: TopicSample): Float32Array {
  const sum = new Float32Array(dims);
  for (let i = 0; i < vectors.length; i++) sum[i % dims] += vectors[i];
  normalizeRows(sum, 1, dims);
  return sum;
}

function dot(a: Float32Array, b: Float32Array, aOffset = 0): number {
  let s = 0;
  for (let d = 0; d < b.length; d++) s += a[aOffset + d] * b[d];
  return s;
}

function nearest(v: Float32Array, others: readonly Float32Array[]): number {
  let best = 0;
  others.forEach((o, i) => {
    if (dot(v, o) > dot(v, others[best])) best = i;
  });
  return best;
}

/**
 * Topic similarity from where their comments lie: each of (up to `perTopic` of) topic a's sampled comments votes
 * for the other topic whose centroid is nearest; a's votes are shares of its sample, and the similarity of a and
 * b is the mean of a's share for b and b's share for a. Topics whose comments shade into each other are similar
 * however far apart their centroids are in absolute terms. n × n, row-major.
 */
export function voteSimilarity(samples: readonly TopicSample[], centroids: readonly Float32Array[], perTopic: number): Float64Array {
  const n = samples.length;
  const shares = new Float64Array(n * n);
  samples.forEach(({ dims, vectors }, a) => {
    const rows = vectors.length / dims;
    const step = Math.max(1, rows / perTopic);
    let read = 0;
    const votes = new Float64Array(n);
    for (let x = 0; x < rows; x += step) {
      const row = Math.floor(x) * dims;
      let best = -1;
      let bestScore = -Infinity;
      for (let b = 0; b < n; b++) {
        if (b === a) continue;
        const score = dot(vectors, centroids[b], row);
        if (score > bestScore) {
          bestScore = score;
          best = b;
        }
      }
      if (best >= 0) votes[best]++;
      read++;
    }
    for (let b = 0; b < n; b++) shares[a * n + b] = read > 0 ? votes[b] / read : 0;
  });
  const similarity = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) similarity[a * n + b] = (shares[a * n + b] + shares[b * n + a]) / 2;
  return similarity;
}

/**
 * Average-linkage agglomerative clustering of n items (row-major similarity) down to `count` groups (lists of
 * item indices). Each step joins the two groups of highest mean similarity; ties go to the lower indices, so
 * the result is fully determined by the input.
 */
export function averageLinkage(similarity: Float64Array, n: number, count: number): number[][] {
  const linkage = Float64Array.from(similarity);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const alive = members.map(() => true);
  for (let groups = n; groups > Math.max(1, count); groups--) {
    let bestA = -1;
    let bestB = -1;
    for (let a = 0; a < n; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < n; b++) {
        if (alive[b] && (bestA < 0 || linkage[a * n + b] > linkage[bestA * n + bestB])) {
          bestA = a;
          bestB = b;
        }
      }
    }
    const sizeA = members[bestA].length;
    const sizeB = members[bestB].length;
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === bestA || c === bestB) continue;
      const joined = (linkage[bestA * n + c] * sizeA + linkage[bestB * n + c] * sizeB) / (sizeA + sizeB);
      linkage[bestA * n + c] = joined;
      linkage[c * n + bestA] = joined;
    }
    members[bestA].push(...members[bestB]);
    alive[bestB] = false;
  }
  return members.filter((_, i) => alive[i]).map((list) => list.sort((a, b) => a - b));
}
