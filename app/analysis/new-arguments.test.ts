import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { newArguments } from "./new-arguments";
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
