import { describe, expect, it } from "vitest";
import { parseQuery } from "./search-terms";

const word = (text: string) => ({ kind: "word", text });
const phrase = (text: string) => ({ kind: "phrase", text });
const article = (number: number, text: string) => ({ kind: "article", number, text });

describe("parseQuery: words", () => {
  it("splits on ASCII and ideographic spaces and drops repeats", () => {
    expect(parseQuery("  就业\u3000创业  就业 ")).toEqual([word("就业"), word("创业")]);
    expect(parseQuery("")).toEqual([]);
    expect(parseQuery(" \t ")).toEqual([]);
  });

  it("turns full-width letters and digits into ASCII and folds Latin case", () => {
    expect(parseQuery("２０２６ ＡＢＣ abc")).toEqual([word("2026"), word("abc")]);
  });

  it("keeps FTS and SQL metacharacters as ordinary text", () => {
    expect(parseQuery(`NEAR( * ' ) %`)).toEqual([word("near("), word("*"), word("'"), word(")"), word("%")]);
  });
});

describe("parseQuery: quoted phrases", () => {
  it("reads ASCII and Chinese quotes as one exact phrase", () => {
    expect(parseQuery(`"创业担保贷款"`)).toEqual([phrase("创业担保贷款")]);
    expect(parseQuery("“创业担保贷款”")).toEqual([phrase("创业担保贷款")]);
    expect(parseQuery("「创业担保贷款」")).toEqual([phrase("创业担保贷款")]);
    expect(parseQuery("＂创业担保贷款＂")).toEqual([phrase("创业担保贷款")]);
  });

  it("keeps the spaces inside a phrase (collapsed to one) and the words around it", () => {
    expect(parseQuery(`就业 "退役 \u3000军人" 优待`)).toEqual([word("就业"), phrase("退役 军人"), word("优待")]);
    expect(parseQuery("就业“创业担保贷款”优待")).toEqual([word("就业"), phrase("创业担保贷款"), word("优待")]);
  });

  it("reads a phrase as text, never as an article number", () => {
    expect(parseQuery("“第十五条”")).toEqual([phrase("第十五条")]);
  });

  it("treats a quote never closed as a word's character (ASCII) or a space (Chinese), and drops empty quotes", () => {
    expect(parseQuery(`"就业`)).toEqual([word(`"就业`)]);
    expect(parseQuery(`"`)).toEqual([word(`"`)]);
    expect(parseQuery("“就业 创业")).toEqual([word("就业"), word("创业")]);
    expect(parseQuery(`"" “”`)).toEqual([]);
  });
});

describe("parseQuery: article numbers", () => {
  it("reads 第十五条, 第15条, 第１５条 and 15条 as article 15", () => {
    for (const q of ["第十五条", "第15条", "第１５条", "15条", "１５条"]) {
      expect(parseQuery(q), q).toEqual([article(15, "第十五条")]);
    }
    expect(parseQuery("第一百零五条")).toEqual([article(105, "第一百零五条")]);
    expect(parseQuery("第两条 第2条")).toEqual([article(2, "第二条")]);
  });

  it("leaves words that only look like numbers alone", () => {
    expect(parseQuery("十五条 条 第条 第0条 第十五章 第十五条款")).toEqual([
      word("十五条"),
      word("条"),
      word("第条"),
      word("第0条"),
      word("第十五章"),
      word("第十五条款"),
    ]);
  });

  it("mixes articles, phrases and words", () => {
    expect(parseQuery(`15条 “创业担保贷款” 贴息 第十五条`)).toEqual([article(15, "第十五条"), phrase("创业担保贷款"), word("贴息")]);
  });
});
