import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { newArguments } from "./new-arguments";
import { seededRandom } from "./prng";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";

const unit = (...xs: number[]) => {
  const norm = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / norm);
};

describe("newArguments", () => {
  it("marks a comment new when no earlier comment of its topic is similar", () => {
    const vectors = [unit(1, 0), unit(0.99, 0.1), unit(0, 1), unit(1, 0), unit(0.1, 1), null, unit(1, 0)];
    const groups = [0, 0, 0, 1, 0, 0, -1];
    expect(newArguments(groups, (i) => vectors[i])).toEqual([true, false, true, true, false, false, false]);
  });

  it("takes earlier comments only: received order decides which of two similar comments is new", () => {
    const vectors = [unit(0, 1), unit(1, 0), unit(0.98, 0.2)];
    expect(newArguments([0, 0, 0], (i) => vectors[i])).toEqual([true, true, false]);
    expect(newArguments([0, 0, 0], (i) => vectors[2 - i])).toEqual([true, false, true]);
  });

  it("remembers a bounded number of arguments per topic, so a large varied topic costs its size times the bound", () => {
    // Bound 2: the third distinct argument is new but not remembered, so its repeat is new again.
    const vectors = [unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1), unit(0, 0.05, 1), unit(0.99, 0.1, 0)];
    const compared: number[] = [];
    const result = newArguments([0, 0, 0, 0, 0], (i) => (compared.push(i), vectors[i]), [], 0.8, 2);
    expect(result).toEqual([true, true, true, true, false]);
    expect(compared).toHaveLength(5);
  });

  it("answers as comparing with every remembered argument one by one, whatever order it tries them in", () => {
    // Clustered random vectors, so that some comments repeat an argument and others are new.
    const random = seededRandom(5);
    const dims = 24;
    const centres = Array.from({ length: 12 }, () => Array.from({ length: dims }, () => random() * 2 - 1));
    const vectors = Array.from({ length: 3000 }, () => unit(...centres[Math.floor(random() * centres.length)].map((x) => x + (random() - 0.5) * 0.9)));
    const groups = vectors.map(() => Math.floor(random() * 4) - 1);
    const campaigns = vectors.map(() => (random() < 0.1 ? Math.floor(random() * 50) : -1));
    for (const bound of [5, 256]) {
      const expected = referenceNewArguments(groups, vectors, campaigns, 0.8, bound);
      expect(expected.filter(Boolean).length).toBeGreaterThan(50);
      expect(expected.filter((x) => !x).length).toBeGreaterThan(500);
      expect(newArguments(groups, (i) => vectors[i], campaigns, 0.8, bound)).toEqual(expected);
    }
  });

  it("copies the vectors it keeps, so vectorOf may hand out one buffer every time", () => {
    const vectors = [unit(1, 0, 0), unit(0, 1, 0), unit(0.99, 0.1, 0), unit(0, 0, 1), unit(0.1, 0, 0.99), unit(0, 0.98, 0.2)];
    const buffer = new Float32Array(3);
    const shared = newArguments([0, 0, 0, 0, 0, 0], (i) => (buffer.set(vectors[i]), buffer));
    expect(shared).toEqual(newArguments([0, 0, 0, 0, 0, 0], (i) => vectors[i]));
    expect(shared).toEqual([true, true, false, true, false, false]);
  });

  it("counts a campaign's first copy only, even where the model cannot place its words", () => {
    expect(newArguments([3, 3, 3], () => null, [0, 0, 0])).toEqual([true, false, false]);
  });
});

describe("new arguments in the analysis", () => {
  it("marks the first comment of each topic new and repeats of an argument not new", () => {
    const base = fixtureComments();
    const repeat = base.find((c) => c.text.startsWith("狗粪便满地都是"))!;
    const comments = [...base, { id: "again", text: repeat.text.replace("必须", "一定要"), sender: "someone-else" }];
    const result = analyze({ comments, draft: FIXTURE_DRAFT });
    const byId = new Map(result.comments.map((c) => [c.id, c]));
    for (const topic of result.topics.filter((t) => t.kind === "machine" && t.size > 1)) {
      const first = result.comments.find((c) => c.topic === topic.id)!;
      expect(first.new_argument).toBe(true);
    }
    expect(byId.get(repeat.id)?.new_argument).toBe(true);
    expect(byId.get("again")?.new_argument).toBe(false);
    expect(result.comments.filter((c) => c.topic === "no-substance").every((c) => !c.new_argument)).toBe(true);
    // not every comment is new, and not only the first of each topic
    const newCount = result.comments.filter((c) => c.new_argument).length;
    expect(newCount).toBeLessThan(result.comments.length);
    expect(newCount).toBeGreaterThan(result.topics.length);
  });
});

/** The plain definition: every remembered argument of the topic compared in turn. */
function referenceNewArguments(groups: number[], vectors: Float32Array[], campaigns: number[], threshold: number, bound: number): boolean[] {
  const seen = new Map<number, Float32Array[]>();
  const campaignsSeen = new Set<number>();
  return groups.map((g, i) => {
    if (g < 0) return false;
    const c = campaigns[i];
    if (c >= 0 && campaignsSeen.has(c)) return false;
    if (c >= 0) campaignsSeen.add(c);
    const list = seen.get(g) ?? [];
    seen.set(g, list);
    for (const a of list) {
      let s = 0;
      for (let d = 0; d < a.length; d++) s += vectors[i][d] * a[d];
      if (s >= threshold) return false;
    }
    if (list.length < bound) list.push(vectors[i]);
    return true;
  });
}
