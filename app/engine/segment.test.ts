import { describe, expect, it, test } from "vitest";
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

describe("keyword hygiene", () => {
  const segmenter = createSegmenter();
  // Unknown place names that jieba cuts in pieces: the fragment before the suffix must never stand alone.
  test.each([
    ["砂子塘小学学位紧张", "砂子塘", "砂子"],
    ["观沙岭街道不作为", "观沙岭", "观沙"],
    ["杨家冲一带没有公交", "杨家冲", "杨家"],
    ["梅溪湖片区学位紧张", "梅溪湖", "溪湖"],
    ["鸭子铺路口拥堵", "鸭子铺", "鸭子"],
    ["黄土岭附近没有菜市场", "黄土岭", "黄土"],
    ["人民路和建设路都堵", "人民路", "人民"],
  ])("keeps the place name in %s whole", (text, name, fragment) => {
    const tokens = segmenter.tokenize(text);
    expect(tokens).toContain(name);
    expect(tokens).not.toContain(fragment);
  });

  test("does not glue a verb or a function word to a road", () => {
    expect(segmenter.tokenize("过马路太危险")).toContain("马路");
    expect(segmenter.tokenize("小区里很吵")).toContain("小区");
  });

  test.each(["这家", "那家", "这位", "该种", "每个", "某些"])("drops the pointing word %s", (word) => {
    expect(segmenter.tokenize(`${word}单位拖欠工资`)).not.toContain(word);
  });
});
