import { describe, expect, it } from "vitest";
import { projectRows } from "./dense";
import { embedding } from "./embedding";
import { seededRandom } from "./prng";
import { truncatedSvd } from "./svd";
import { buildTermSpace, tfidfRows } from "./tfidf";
import { TokenCorpus } from "./token-corpus";
import { contextWordVectors } from "./word-vectors";

/**
 * Two subjects; within the first, half the writers say 老兵 and half 退役军人, never both in one comment. Only
 * their contexts (就业、补贴、岗位…) tie the two words together.
 */
function synonymCorpus() {
  const corpus = new TokenCorpus();
  const random = seededRandom(11);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)];
  const jobs = ["就业", "补贴", "岗位", "创业", "培训", "贷款"];
  const school = ["学校", "入学", "学位", "中考", "教师", "校车"];
  for (let i = 0; i < 200; i++) {
    if (i % 2 === 0) corpus.add([i % 4 === 0 ? "老兵" : "退役军人", pick(jobs), pick(jobs), pick(jobs)]);
    else corpus.add(["孩子", pick(school), pick(school), pick(school)]);
  }
  const docs = Array.from({ length: 200 }, (_, i) => i);
  const space = buildTermSpace(corpus, docs, { minDf: 2, maxDfShare: 0.9, maxTerms: 100 });
  return { corpus, docs, space };
}

describe("contextWordVectors", () => {
  it("brings together words that are never used together but share their contexts", () => {
    const { corpus, docs, space } = synonymCorpus();
    const vectors = contextWordVectors(corpus, docs, space, seededRandom(3), { dims: 4, window: 5, smoothing: 0.75 });
    const of = (word: string) => {
      const column = space.columnOf[corpus.idOf(word) ?? -1];
      return vectors.basis.subarray(column * vectors.dims, (column + 1) * vectors.dims);
    };
    const cos = (a: string, b: string) => of(a).reduce((s, v, j) => s + v * of(b)[j], 0);
    expect(cos("老兵", "退役军人")).toBeGreaterThan(0.8);
    expect(cos("老兵", "学校")).toBeLessThan(0.3);
    expect(cos("老兵", "老兵")).toBeCloseTo(1, 5);
  });

  it("makes two comments in different words about one subject near, and comments on other subjects far", () => {
    const { corpus, docs, space } = synonymCorpus();
    const a = corpus.add(["老兵", "就业"]);
    const b = corpus.add(["退役军人", "岗位"]);
    const c = corpus.add(["孩子", "入学"]);
    const rows = tfidfRows(corpus, docs, space);
    const view = embedding([
      truncatedSvd(rows, 4, seededRandom(3)),
      contextWordVectors(corpus, docs, space, seededRandom(3), { dims: 4, window: 5, smoothing: 0.75 }),
    ]);
    const m = projectRows(tfidfRows(corpus, [a, b, c], space), view);
    const dot = (x: number, y: number) => m.data.subarray(x * m.dims, (x + 1) * m.dims).reduce((s, v, j) => s + v * m.data[y * m.dims + j], 0);
    expect(dot(0, 0)).toBeCloseTo(1, 5);
    expect(dot(0, 1)).toBeGreaterThan(0.9);
    expect(dot(0, 2)).toBeLessThan(0.3);
  });
});
