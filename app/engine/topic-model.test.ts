import { describe, expect, it } from "vitest";
import { projectRows } from "./dense";
import { embedding } from "./embedding";
import { fromAdjacency, louvain } from "./louvain";
import { seededRandom } from "./prng";
import { truncatedSvd } from "./svd";
import { buildTermSpace, tfidfRows } from "./tfidf";
import { TokenCorpus } from "./token-corpus";
import { assignTopics, DocumentScorer } from "./topic-assign";
import { DEFAULT_TOPIC_OPTIONS, fitTopicModel } from "./topic-model";

function cliques(sizes: number[], bridge = 0.05) {
  const n = sizes.reduce((a, b) => a + b, 0);
  const edges: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  let start = 0;
  for (const size of sizes) {
    for (let i = start; i < start + size; i++) for (let j = start; j < start + size; j++) if (i !== j) edges[i].set(j, 1);
    start += size;
  }
  edges[0].set(n - 1, bridge);
  edges[n - 1].set(0, bridge);
  return fromAdjacency(edges);
}

describe("louvain", () => {
  it("finds cliques joined by weak edges without being told how many", () => {
    const labels = Array.from(louvain(cliques([5, 6, 7]), seededRandom(1)));
    expect(new Set(labels).size).toBe(3);
    expect(new Set(labels.slice(0, 5)).size).toBe(1);
    expect(new Set(labels.slice(11)).size).toBe(1);
  });
});

describe("truncatedSvd", () => {
  it("keeps the directions that separate two vocabularies", () => {
    const corpus = new TokenCorpus();
    for (let i = 0; i < 20; i++) corpus.add(i < 10 ? ["公交", "免费", "乘车"] : ["学校", "入学", "子女"]);
    const docs = Array.from({ length: 20 }, (_, i) => i);
    const rows = tfidfRows(corpus, docs, buildTermSpace(corpus, docs, { minDf: 1, maxDfShare: 1, maxTerms: 100 }));
    const m = projectRows(rows, embedding([truncatedSvd(rows, 2, seededRandom(3))]));
    const dot = (a: number, b: number) => m.data[a * 2] * m.data[b * 2] + m.data[a * 2 + 1] * m.data[b * 2 + 1];
    expect(dot(0, 1)).toBeCloseTo(1, 3);
    expect(Math.abs(dot(0, 15))).toBeLessThan(0.01);
  });
});

describe("fitTopicModel", () => {
  it("fits on a sample and assigns every document, deterministically", () => {
    const corpus = new TokenCorpus();
    const vocab = [
      ["公交", "免费", "乘车", "地铁", "票价"],
      ["学校", "入学", "子女", "学位", "中考"],
      ["医院", "挂号", "体检", "住院", "看病"],
    ];
    const random = seededRandom(5);
    for (let i = 0; i < 300; i++) {
      const words = vocab[i % 3];
      corpus.add([words[Math.floor(random() * 5)], words[Math.floor(random() * 5)], words[Math.floor(random() * 5)]]);
    }
    const units = Int32Array.from({ length: 300 }, (_, i) => i);
    const fit = () => {
      const model = fitTopicModel(corpus, units, seededRandom(9), {
        ...DEFAULT_TOPIC_OPTIONS,
        sampleSize: 120,
        dims: 10,
        neighbours: 10,
        maxTerms: 100,
        minTopicShare: 0.05,
      });
      return { k: model.k, ...assignTopics(new DocumentScorer(corpus, model), units, model.k) };
    };
    const { k, topics } = fit();
    // Louvain may cut one vocabulary into parts, but never mixes two.
    expect(k).toBeGreaterThanOrEqual(3);
    const vocabularyOf = new Map<number, number>();
    topics.forEach((t, i) => {
      expect(vocabularyOf.get(t) ?? i % 3).toBe(i % 3);
      vocabularyOf.set(t, i % 3);
    });
    expect(fit().topics).toEqual(topics);
  });
});
