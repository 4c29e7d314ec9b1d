import { describe, expect, it } from "vitest";
import { parseDocumentText } from "./document-text";

describe("parseDocumentText", () => {
  it("turns 一、 and （一） lines into nested headings and keeps the title line apart", () => {
    const text = [
      "关于《某某办法（征求意见稿）》的起草说明",
      "一、制定的必要性",
      "退役军人就业创业，关系退役军人切身利益。",
      "",
      "二、需要说明的问题",
      "（一）关于年龄和学历条件的放宽幅度。公务员招录的资格条件由主管部门统一规定。",
      "（二）关于税收优惠",
      "税收优惠属于国家法律规定的事项。",
    ].join("\n");
    expect(parseDocumentText(text)).toEqual([
      { kind: "title", text: "关于《某某办法（征求意见稿）》的起草说明" },
      { kind: "heading", depth: 1, text: "一、制定的必要性" },
      { kind: "paragraph", text: "退役军人就业创业，关系退役军人切身利益。" },
      { kind: "heading", depth: 1, text: "二、需要说明的问题" },
      { kind: "heading", depth: 2, text: "（一）关于年龄和学历条件的放宽幅度" },
      { kind: "paragraph", text: "公务员招录的资格条件由主管部门统一规定。" },
      { kind: "heading", depth: 2, text: "（二）关于税收优惠" },
      { kind: "paragraph", text: "税收优惠属于国家法律规定的事项。" },
    ]);
  });

  it("keeps a heading that is a question whole, question mark included", () => {
    expect(parseDocumentText("一、这个办法要解决什么问题？\n把措施集中到一部规章中。")).toEqual([
      { kind: "heading", depth: 1, text: "一、这个办法要解决什么问题？" },
      { kind: "paragraph", text: "把措施集中到一部规章中。" },
    ]);
  });

  it("does not skip a level: （一） with no 一、 above it is a first-level heading", () => {
    expect(parseDocumentText("（一）适用范围\n本意见适用于全省。\n（二）建设标准")).toEqual([
      { kind: "heading", depth: 1, text: "（一）适用范围" },
      { kind: "paragraph", text: "本意见适用于全省。" },
      { kind: "heading", depth: 1, text: "（二）建设标准" },
    ]);
  });

  it("leaves a numbered line whose first sentence is long as a paragraph, and inline 一是…二是… alone", () => {
    const long = "一、政策分散在多个文件中群众查找难基层执行标准不一部分措施以倡导为主缺乏刚性约束培训与市场需求衔接不够紧密。";
    const inline = "规划明确了路线图：一是稳安置；二是促就业。";
    expect(parseDocumentText(`${long}\n${inline}`)).toEqual([
      { kind: "paragraph", text: long },
      { kind: "paragraph", text: inline },
    ]);
  });

  it("reads 问：/答： into one question-and-answer list, answers running over several lines", () => {
    const text = ["问：服务站每周开放几天？", "答：每周至少开放五个工作日。", "节假日安排值班。", "问：到哪里办理？", "答：就近到服务站办理。"].join("\n");
    expect(parseDocumentText(text)).toEqual([
      {
        kind: "qa",
        items: [
          { question: "服务站每周开放几天？", answer: ["每周至少开放五个工作日。", "节假日安排值班。"] },
          { question: "到哪里办理？", answer: ["就近到服务站办理。"] },
        ],
      },
    ]);
  });

  it("reads Q:/A: and 问题一： the same way, and a heading ends the list", () => {
    const text = [
      "一、常见问题",
      "Q: Who may apply?",
      "A: Any veteran.",
      "问题二：需要哪些材料？",
      "身份证和退役证。",
      "二、其他",
      "本解读自发布之日起施行。",
    ].join("\n");
    expect(parseDocumentText(text)).toEqual([
      { kind: "heading", depth: 1, text: "一、常见问题" },
      {
        kind: "qa",
        items: [
          { question: "Who may apply?", answer: ["Any veteran."] },
          { question: "需要哪些材料？", answer: ["身份证和退役证。"] },
        ],
      },
      { kind: "heading", depth: 1, text: "二、其他" },
      { kind: "paragraph", text: "本解读自发布之日起施行。" },
    ]);
  });

  it("treats an answer with no question before it, and full-width spaces, as plain text", () => {
    expect(parseDocumentText("\u3000\u3000答：没有问题的答复。\r\n")).toEqual([{ kind: "paragraph", text: "答：没有问题的答复。" }]);
    expect(parseDocumentText("")).toEqual([]);
  });
});
