import { describe, expect, it } from "vitest";
import { evaluateStance } from "./stance-evaluation";

const record = (stance: string, articleStances?: Record<string, string>) => ({ labels: { stance, article_stances: articleStances } });

describe("evaluateStance", () => {
  it("computes per-class precision, recall and F1, macro-F1 over the labelled classes, and accuracy", () => {
    const records = [record("oppose"), record("oppose"), record("oppose"), record("support"), record("suggest")];
    const f = evaluateStance(records, ["oppose", "support", "oppose", "support", "suggest"]);
    expect(f.n).toBe(5);
    expect(f.accuracy).toBeCloseTo(4 / 5);
    expect(f.classes.oppose).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(f.classes.support.precision).toBeCloseTo(1 / 2);
    expect(f.classes.support.recall).toBe(1);
    // question and neutral are not labelled anywhere, so they do not count in the macro mean.
    const f1 = (p: number, r: number) => (2 * p * r) / (p + r);
    expect(f.macro_f1).toBeCloseTo((f1(1, 2 / 3) + f1(0.5, 1) + 1) / 3);
    expect(f.article_stance_accuracy).toBeNull();
  });

  it("scores per-article stance on comments that name two or more articles", () => {
    const records = [record("oppose", { "3": "support", "5": "oppose" }), record("support", { "2": "support" })];
    const f = evaluateStance(records, ["oppose", "support"], [{ 3: "support", 5: "support" }, { 2: "support" }]);
    expect(f.article_stance_pairs).toBe(2);
    expect(f.article_stance_accuracy).toBe(0.5);
  });

  it("skips records without a stance label", () => {
    const f = evaluateStance([{ labels: {} }, record("question")], ["oppose", "question"]);
    expect(f.n).toBe(1);
    expect(f.accuracy).toBe(1);
  });
});
