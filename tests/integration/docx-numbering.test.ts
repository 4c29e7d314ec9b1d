// A draft whose 第X条 and 第X章 come from Word's automatic numbering (word/numbering.xml), built
// with the docx package the way Word saves it, imports with its articles.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { flattenArticles, parseDraft } from "~/engine/draft-parser";
import { previewOf } from "~/features/consultations/consultation-form.server";
import { extractDocxText } from "~/platform/docx.server";
import { formatNumber } from "~/platform/docx-numbering.server";

const level = (text: string, format: (typeof LevelFormat)[keyof typeof LevelFormat], suffix?: "space" | "nothing") => ({
  level: 0,
  format,
  text,
  alignment: AlignmentType.START,
  ...(suffix ? { suffix } : {}),
});

async function numberedDocx(articleFormat: (typeof LevelFormat)[keyof typeof LevelFormat] = LevelFormat.CHINESE_COUNTING) {
  const chapter = (text: string) => new Paragraph({ text, numbering: { reference: "chapters", level: 0 } });
  const article = (text: string) => new Paragraph({ text, numbering: { reference: "articles", level: 0 } });
  const doc = new Document({
    numbering: {
      config: [
        { reference: "chapters", levels: [level("第%1章", LevelFormat.CHINESE_COUNTING, "space")] },
        { reference: "articles", levels: [level("第%1条", articleFormat)] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph("某某办法（征求意见稿）"),
          chapter("总则"),
          article("为了测试自动编号，制定本办法。"),
          article("本办法适用于本省。"),
          new Paragraph("前款所称测试，包括自动编号的条文。"),
          chapter("附则"),
          ...Array.from({ length: 9 }, (_, i) => article(`第${i + 3}个编号的条文内容。`)),
        ],
      },
    ],
  });
  return new File([new Uint8Array(await Packer.toBuffer(doc))], "草案.docx");
}

describe("Word automatic numbering", () => {
  it("reads 第%1条 and 第%1章 from numbering.xml into the text, so the articles are found", async () => {
    const text = await extractDocxText(await numberedDocx());
    expect(text).toContain("第一章 总则");
    expect(text).toContain("第一条　为了测试自动编号，制定本办法。");
    expect(text).toContain("第二章 附则");
    expect(text).toContain("第十一条　第11个编号的条文内容。");
    const parsed = parseDraft(text);
    expect(flattenArticles(parsed).map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const preview = previewOf(parsed);
    expect(preview).toMatchObject({ chapters: 2, articles: 11 });
    expect(preview.warnings).toEqual([]);
    // The unnumbered paragraph stays the second article's paragraph.
    expect(flattenArticles(parsed)[1].text).toContain("前款所称测试");
  });

  it("reads decimal numbering (第%1条 as 第1条) too", async () => {
    const text = await extractDocxText(await numberedDocx(LevelFormat.DECIMAL));
    expect(text).toContain("第1条　为了测试自动编号");
    expect(flattenArticles(parseDraft(text))).toHaveLength(11);
  });

  it("says plainly that no article was found, instead of calling the whole text a preamble", () => {
    const preview = previewOf(parseDraft("某某办法\n为了测试，制定本办法。\n本办法适用于本省。"));
    expect(preview.articles).toBe(0);
    expect(preview.warnings).toEqual(["没有识别出任何条文：每条应以“第X条”开头（Word 自动编号的“第X条”也可识别）。"]);
  });

  it("writes counters as Word does in its Chinese and other formats", () => {
    expect([1, 10, 11, 20, 105].map((n) => formatNumber(n, "chineseCounting"))).toEqual(["一", "十", "十一", "二十", "一百零五"]);
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(28, "lowerLetter")).toBe("bb");
  });
});
