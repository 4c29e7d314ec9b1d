import { cosine } from "./topic-assign";

/**
 * Three comments that show what a topic is about and differ from each other: maximal marginal relevance
 * (Carbonell & Goldstein 1998) over the comments closest to the topic's centre. Very short comments are
 * discounted, since "公交免费" represents a topic worse than a sentence that explains it.
 */
export interface RepresentativeCandidate {
  index: number;
  /** unit vector in the latent space */
  vector: Float32Array;
  /** number of content words */
  length: number;
  /** the normalised duplicate key: two copies of one text are one candidate */
  key: string;
}

const RELEVANCE = 0.6;
const TOO_SIMILAR = 0.9;
const FULL_LENGTH = 5;

export function pickRepresentatives(candidates: readonly RepresentativeCandidate[], centroid: Float32Array, count = 3): number[] {
  const relevance = candidates.map((c) => cosine(c.vector, centroid) * Math.min(1, c.length / FULL_LENGTH));
  const chosen: number[] = [];
  const keys = new Set<string>();
  while (chosen.length < count) {
    let best = -1;
    let bestScore = -Infinity;
    candidates.forEach((c, i) => {
      if (chosen.includes(i) || keys.has(c.key)) return;
      const redundancy = chosen.reduce((m, j) => Math.max(m, cosine(c.vector, candidates[j].vector)), 0);
      if (chosen.length > 0 && redundancy > TOO_SIMILAR) return;
      const score = RELEVANCE * relevance[i] - (1 - RELEVANCE) * redundancy;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0) break;
    chosen.push(best);
    keys.add(candidates[best].key);
  }
  // Fewer than `count` distinct enough comments: fill with the remaining most relevant ones.
  if (chosen.length < count) {
    const rest = candidates
      .map((c, i) => i)
      .filter((i) => !chosen.includes(i) && !keys.has(candidates[i].key))
      .sort((a, b) => relevance[b] - relevance[a] || a - b);
    for (const i of rest) {
      if (chosen.length >= count) break;
      chosen.push(i);
      keys.add(candidates[i].key);
    }
  }
  return chosen.map((i) => candidates[i].index);
}
