import { describe, expect, it } from "vitest";
import { documentKeywords, groupKeywords } from "./keywords";
import { BOUNDARY, isWord } from "./pseudo-terms";
import { TokenCorpus } from "./token-corpus";

const options = { phraseSample: 100, phraseStickiness: 0.25, isKeyword: isWord, display: (w: string) => w };

function corpusOf(docs: string[][]): TokenCorpus {
  const corpus = new TokenCorpus();
  for (const tokens of docs) corpus.add(tokens);
  return corpus;
}

describe("groupKeywords", () => {
  const corpus = corpusOf([
    ["优待证", "办理", "流程", "复杂"],
    ["优待证", "办理", "时间", "太长"],
    ["优待证", "办理", "材料", "退役军人"],
    ["优待证", "补办", "退役军人"],
    ["公交", "免费", "退役军人"],
    ["公交", "免费", "乘车", "退役军人"],
    ["地铁", "免费", "乘车", "退役军人"],
  ]);
  const [card, transport] = groupKeywords(
    corpus,
    [
      [0, 1, 2, 3],
      [4, 5, 6],
    ],
    3,
    options
  );

  it("ranks the words that set a group apart, not the ones every group uses", () => {
    expect(transport).toContain("免费");
    expect(card).toContain("优待证办理");
    expect(card[0]).not.toBe("退役军人");
    expect(transport.indexOf("退役军人")).not.toBe(0);
    expect(transport.indexOf("免费")).toBeLessThan(transport.includes("退役军人") ? transport.indexOf("退役军人") : 99);
  });

  it("joins words the group keeps together into a phrase", () => {
    expect(card[0]).toBe("优待证办理");
  });

  it("never joins words across a boundary or shows pseudo-terms", () => {
    const c = corpusOf([
      ["年检", BOUNDARY, "麻烦", "§4"],
      ["年检", BOUNDARY, "麻烦", "§4"],
      ["年检", BOUNDARY, "麻烦", "§4"],
    ]);
    const [words] = groupKeywords(c, [[0, 1, 2]], 5, options);
    expect(words).toEqual(expect.arrayContaining(["年检", "麻烦"]));
    expect(words.join(" ")).not.toMatch(/§|¦|年检麻烦/);
  });
});

describe("documentKeywords", () => {
  it("orders a comment's own words by TF-IDF", () => {
    const corpus = corpusOf([
      ["公交", "免费", "公交"],
      ["免费", "门票"],
      ["免费", "体检"],
    ]);
    const idf = Float32Array.from(corpus.documentFrequency([0, 1, 2]), (d) => Math.log(4 / (1 + d)) + 1);
    expect(documentKeywords(corpus, 0, idf, 2, options)).toEqual(["公交", "免费"]);
  });
});
