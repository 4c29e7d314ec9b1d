import { describe, expect, it } from "vitest";
import { BOUNDARY } from "./pseudo-terms";
import { createSegmenter } from "./segment";

const words = (tokens: string[]) => tokens.filter((t) => t !== BOUNDARY);

describe("createSegmenter().tokenize", () => {
  it("segments Chinese and drops stopwords, comment filler, numbers and article numerals", () => {
    const tokens = words(createSegmenter().tokenize("我建议第八条把乡村客运也纳入，票价5块"));
    expect(tokens).toContain("乡村");
    expect(tokens).toContain("客运");
    for (const dropped of ["我", "建议", "第八条", "把", "也", "5"]) expect(tokens).not.toContain(dropped);
  });

  it("keeps the consultation's own terms whole", () => {
    const plain = createSegmenter().tokenize("犬只登记证年检太麻烦");
    const withTerms = createSegmenter(["犬只登记证"]).tokenize("犬只登记证年检太麻烦");
    expect(plain).not.toContain("犬只登记证");
    expect(withTerms).toContain("犬只登记证");
  });

  it("stems English words and drops English stopwords", () => {
    const tokens = words(createSegmenter().tokenize("The regulations are requiring leashes for all dogs"));
    expect(tokens).toEqual(["regul", "requir", "leash", "dog"]);
  });

  it("drops URLs and e-mail addresses", () => {
    const tokens = createSegmenter().tokenize("详情见 https://example.com/a?b=1 或写信 someone@example.org 咨询收费");
    expect(tokens.join(" ")).not.toMatch(/example|http|someone/);
    expect(tokens).toContain("收费");
  });

  it("marks where dropped words stood between two content words", () => {
    expect(createSegmenter().tokenize("年检太麻烦")).toEqual(["年检", BOUNDARY, "麻烦"]);
  });

  it("handles mixed scripts, emoji and empty text", () => {
    const segmenter = createSegmenter();
    expect(words(segmenter.tokenize("Uber司机应当持证上岗 😀"))).toEqual(expect.arrayContaining(["uber", "司机", "持证", "上岗"]));
    expect(segmenter.tokenize("")).toEqual([]);
    expect(segmenter.tokenize("👍")).toEqual([]);
  });
});

describe("surfaceOf", () => {
  it("shows the word most often seen behind a stem", () => {
    const segmenter = createSegmenter();
    segmenter.tokenize("regulations regulations regulate");
    expect(segmenter.surfaceOf("regul")).toBe("regulations");
    expect(segmenter.surfaceOf("优待证")).toBe("优待证");
  });
});

describe("contentToken", () => {
  it("filters already separated words the same way", () => {
    const segmenter = createSegmenter();
    expect(segmenter.contentToken("的")).toBeNull();
    expect(segmenter.contentToken("物业")).toBe("物业");
    expect(segmenter.contentToken("Parking")).toBe("park");
  });
});
