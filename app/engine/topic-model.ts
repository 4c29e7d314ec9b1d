import { normalizeRows, projectRows, selectRows, type DenseRows } from "./dense";
import { embedding, type Embedding } from "./embedding";
import { knnGraph } from "./knn-graph";
import { consensusLouvain } from "./consensus";
import { sampleIndices, seededRandom, type Random } from "./prng";
import { truncatedSvd } from "./svd";
import { buildTermSpace, tfidfRows, type TermSpace } from "./tfidf";
import type { TokenCorpus } from "./token-corpus";
import { contextWordVectors, DEFAULT_WORD_VECTOR_OPTIONS, type WordVectorOptions } from "./word-vectors";

/**
 * Topics without a given number: TF-IDF → two views of each comment (LSA of the comments, and the mean of word
 * vectors learnt from the comments' own word contexts) → a k-nearest-neighbour graph of a sample of comments →
 * Louvain communities, whose centroids then take every comment (see docs/decisions/0005-topic-clustering.md).
 * Fitting on a bounded sample keeps the cost flat beyond a few thousand comments; assignment is two small
 * products per comment.
 */
export interface TopicModelOptions {
  sampleSize: number;
  dims: number;
  neighbours: number;
  maxTerms: number;
  /** communities smaller than this share of the sample are noise, not topics */
  minTopicShare: number;
  /** word vectors learn from at most this many comments (more text than the sample, at a linear cost) */
  wordSample: number;
  wordVectors: WordVectorOptions;
  boost?: (word: string) => number;
  exclude?: (word: string) => boolean;
}

export const DEFAULT_TOPIC_OPTIONS: TopicModelOptions = {
  sampleSize: 4000,
  dims: 100,
  neighbours: 15,
  maxTerms: 10_000,
  minTopicShare: 0.01,
  wordSample: 20_000,
  wordVectors: DEFAULT_WORD_VECTOR_OPTIONS,
};

export interface TopicModel {
  space: TermSpace;
  embedding: Embedding;
  k: number;
  /** k × embedding.dims, unit rows */
  centroids: Float32Array;
}

/**
 * The sample and the random projections (SVD, word vectors) need spread, not a particular seed: they draw from
 * this fixed stream, so a seed change cannot move them. The seed drives the Louvain orders, whose consensus
 * (consensus.ts) is what keeps topics put across seeds (docs/decisions/0029-one-sender-topics-and-stable-topics.md).
 */
const NUMERICS_SEED = 0x5eed;
// With one draw for every seed, the projection has to be accurate rather than averaged out over seeds.
const LSA_POWER_ITERATIONS = 3;

export function fitTopicModel(corpus: TokenCorpus, units: Int32Array, random: Random, options: TopicModelOptions = DEFAULT_TOPIC_OPTIONS): TopicModel {
  const numerics = seededRandom(NUMERICS_SEED);
  const sample = Array.from(sampleIndices(units.length, options.sampleSize, numerics), (i) => units[i]);
  const space = buildTermSpace(corpus, sample, {
    minDf: 2,
    maxDfShare: 0.5,
    maxTerms: options.maxTerms,
    boost: options.boost,
    exclude: options.exclude,
  });
  const rows = tfidfRows(corpus, sample, space);
  const dims = Math.max(2, Math.min(options.dims, Math.floor(sample.length / 3)));
  const lsa = truncatedSvd(rows, dims, numerics, LSA_POWER_ITERATIONS);
  const wordDocs = units.length <= options.wordSample ? units : Array.from(sampleIndices(units.length, options.wordSample, numerics), (i) => units[i]);
  const words = contextWordVectors(corpus, wordDocs, space, numerics, options.wordVectors);
  const view = embedding([lsa, words]);
  const vectors = projectRows(rows, view);
  const nonEmpty: number[] = [];
  for (let i = 0; i < rows.nRows; i++) if (rows.indptr[i + 1] > rows.indptr[i]) nonEmpty.push(i);
  const graphRows = selectRows(vectors, nonEmpty);
  const communities = graphRows.n > 1 ? consensusLouvain(knnGraph(graphRows, options.neighbours), random) : new Int32Array(graphRows.n);
  const minSize = Math.max(3, Math.ceil(options.minTopicShare * graphRows.n));
  let centroids = communityCentroids(graphRows, communities, minSize);
  // Too few comments for any community to count: they are one topic rather than none.
  if (centroids.length === 0 && graphRows.n > 0) centroids = communityCentroids(graphRows, new Int32Array(graphRows.n), 1);
  return withCentroids({ space, embedding: view, k: 0, centroids: new Float32Array(0) }, centroids);
}

/** A model with these centroids (e.g. the machine topics plus staff topics). */
export function withCentroids(model: TopicModel, centroids: Float32Array): TopicModel {
  return { ...model, k: centroids.length / model.embedding.dims, centroids };
}

/** Unit centroids of the communities with at least minSize members, largest first. */
function communityCentroids(m: DenseRows, communities: Int32Array, minSize: number): Float32Array {
  const sizes = new Map<number, number>();
  for (const c of communities) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const kept = [...sizes].filter(([, size]) => size >= minSize).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const slot = new Map(kept.map(([c], i) => [c, i]));
  const centroids = new Float32Array(kept.length * m.dims);
  for (let i = 0; i < m.n; i++) {
    const s = slot.get(communities[i]);
    if (s === undefined) continue;
    for (let d = 0; d < m.dims; d++) centroids[s * m.dims + d] += m.data[i * m.dims + d];
  }
  normalizeRows(centroids, kept.length, m.dims);
  return centroids;
}
