import { describe, expect, it } from "vitest";
import { buildArticleIndex, inferArticle } from "./article-inference";
import { flattenArticles, parseDraft } from "./draft-parser";
import { normalizeText } from "./normalize";
import { FIXTURE_DRAFT } from "./test-fixtures";

const index = buildArticleIndex(flattenArticles(parseDraft(FIXTURE_DRAFT)), normalizeText);
const infer = (text: string) => inferArticle(index, normalizeText(text));

describe("inferArticle", () => {
  it("follows a pointer to the article its words describe", () => {
    expect(infer("牵引绳那条我觉得太严了")).toEqual({ article: 5, basis: "pointer" });
    expect(infer("禁养犬种名录这一条写得好")).toEqual({ article: 6, basis: "pointer" });
  });

  it("finds the article a quotation comes from", () => {
    expect(infer("“逾期未年检的，登记证失效”太严厉了")).toEqual({ article: 4, basis: "quotation" });
  });

  it("infers from similarity alone only when one article clearly stands out", () => {
    expect(infer("遛狗时牵引绳太短，电梯高峰时段还要戴嘴套，大狗主人很为难")?.article).toBe(5);
    expect(infer("支持")).toBeNull();
    expect(infer("希望政府多为老百姓办实事")).toBeNull();
  });

  it("does not crash on empty or very long text", () => {
    expect(infer("")).toBeNull();
    expect(() => infer("牵引绳".repeat(30_000))).not.toThrow();
  });
});
