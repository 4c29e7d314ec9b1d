import { normalizeRows } from "./dense";
import { findNames } from "./pii-names";
import { isStopword } from "./stopwords";
import type { ThemeResult, TopicResult } from "./types";

/**
 * Themes: a coarser level over the topics, a handful per consultation, for the workspace overview and the
 * structure of the summary. The machine and staff topics are grouped by where their comments lie in the topic
 * model's space: Ward's agglomerative clustering of the topic centroids, each weighted by the square root of its
 * size (a large topic pulls, but does not swallow, its neighbours), until about one theme per three topics is
 * left (2 to 7). Cheap and deterministic: it reads topics, never comments, and has no random choice
 * (docs/decisions/0045-themes.md).
 */

/** At most this many of a topic's documents are averaged for its centroid. */
const CENTROID_SAMPLE = 200;
/** Topics beyond this many (largest first) join the theme of their nearest clustered topic: Ward is cubic. */
const MAX_CLUSTERED = 200;
const MAX_THEMES = 7;
const LABEL_WORDS = 2;

/** The mean unit vector of up to CENTROID_SAMPLE of a topic's documents, evenly spread (zeros when none has a vector). */
export function topicCentroid(docs: readonly number[], vectorInto: (doc: number, out: Float32Array) => boolean, dims: number): Float32Array {
  const centroid = new Float32Array(dims);
  const buffer = new Float32Array(dims);
  const step = Math.max(1, docs.length / CENTROID_SAMPLE);
  for (let x = 0; x < docs.length; x += step) {
    if (!vectorInto(docs[Math.floor(x)], buffer)) continue;
    for (let d = 0; d < dims; d++) centroid[d] += buffer[d];
  }
  normalizeRows(centroid, 1, dims);
  return centroid;
}

/** How many themes for this many topics: none for three or fewer, then one per three topics, 2 to 7. */
export function themeCount(topics: number): number {
  if (topics <= 3) return 0;
  return Math.min(MAX_THEMES, Math.max(2, Math.round(topics / 3)));
}

/**
 * The themes of a result's topics, and the topics with `theme` set: the theme's id for machine and staff topics,
 * null for the others (no substance, unclustered) and for a topic without a centroid. No themes (and every
 * `theme` null) when there are three topics or fewer to group.
 */
export function buildThemes(topics: readonly TopicResult[], centroids: ReadonlyMap<string, Float32Array>): { topics: TopicResult[]; themes: ThemeResult[] } {
  const candidates = topics
    .filter((t) => (t.kind === "machine" || t.kind === "staff") && hasDirection(centroids.get(t.id)))
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  const count = themeCount(candidates.length);
  if (count === 0) return { topics: topics.map((t) => ({ ...t, theme: null })), themes: [] };
  const clustered = candidates.slice(0, MAX_CLUSTERED);
  const groups = ward(
    clustered.map((t) => centroids.get(t.id)!),
    clustered.map((t) => Math.sqrt(t.size)),
    count
  );
  const groupOf = new Map<string, number>();
  groups.forEach((members, g) => members.forEach((i) => groupOf.set(clustered[i].id, g)));
  for (const t of candidates.slice(MAX_CLUSTERED))
    groupOf.set(
      t.id,
      groupOf.get(
        clustered[
          nearest(
            centroids.get(t.id)!,
            clustered.map((c) => centroids.get(c.id)!)
          )
        ].id
      )!
    );

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

function hasDirection(v: Float32Array | undefined): v is Float32Array {
  return v !== undefined && v.some((x) => x !== 0);
}

function nearest(v: Float32Array, others: Float32Array[]): number {
  let best = 0;
  let bestSimilarity = -Infinity;
  others.forEach((o, i) => {
    let s = 0;
    for (let d = 0; d < v.length; d++) s += v[d] * o[d];
    if (s > bestSimilarity) {
      bestSimilarity = s;
      best = i;
    }
  });
  return best;
}

/**
 * Ward's agglomerative clustering of weighted points down to `count` groups (lists of point indices). Each step
 * merges the two groups whose merge adds least to the weighted within-group variance; ties go to the lower
 * indices, so the result is fully determined by the input.
 */
export function ward(points: readonly Float32Array[], weights: readonly number[], count: number): number[][] {
  const n = points.length;
  const dims = n > 0 ? points[0].length : 0;
  const centre = points.map((p) => Float64Array.from(p));
  const weight = [...weights];
  const members = points.map((_, i) => [i]);
  const alive = points.map(() => true);
  const cost = (a: number, b: number) => {
    let d2 = 0;
    for (let d = 0; d < dims; d++) d2 += (centre[a][d] - centre[b][d]) ** 2;
    return ((weight[a] * weight[b]) / (weight[a] + weight[b])) * d2;
  };
  const costs = Array.from({ length: n }, (_, a) => Float64Array.from({ length: n }, (_, b) => (b > a ? cost(a, b) : 0)));
  for (let groups = n; groups > Math.max(1, count); groups--) {
    let bestA = -1;
    let bestB = -1;
    for (let a = 0; a < n; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < n; b++) {
        if (alive[b] && (bestA < 0 || costs[a][b] < costs[bestA][bestB])) {
          bestA = a;
          bestB = b;
        }
      }
    }
    const total = weight[bestA] + weight[bestB];
    for (let d = 0; d < dims; d++) centre[bestA][d] = (centre[bestA][d] * weight[bestA] + centre[bestB][d] * weight[bestB]) / total;
    weight[bestA] = total;
    members[bestA].push(...members[bestB]);
    alive[bestB] = false;
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === bestA) continue;
      if (c < bestA) costs[c][bestA] = cost(c, bestA);
      else costs[bestA][c] = cost(bestA, c);
    }
  }
  return members.filter((_, i) => alive[i]).map((list) => list.sort((a, b) => a - b));
}
