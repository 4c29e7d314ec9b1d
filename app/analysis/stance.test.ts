import { describe, expect, it } from "vitest";
import { stanceHint } from "./stance";

describe("stanceHint", () => {
  it.each([
    ["坚决支持这个办法！", "support"],
    ["这一条写得好，很实在👍", "support"],
    ["我不同意全面禁养大型犬，这是一刀切。", "oppose"],
    ["建议把牵引绳长度放宽到两米。", "suggest"],
    ["登记费用是多少？", "question"],
    ["请问老人怎么办理登记", "question"],
    ["我家住在三楼。", "neutral"],
    ["I strongly oppose this rule.", "oppose"],
    ["The city should add more dog parks.", "suggest"],
    ["How will the fees be set?", "question"],
  ] as const)("%s → %s", (text, stance) => {
    expect(stanceHint(text)).toBe(stance);
  });

  it("reads negated approval as opposition", () => {
    expect(stanceHint("不支持")).toBe("oppose");
  });

  it("copes with empty text", () => {
    expect(stanceHint("")).toBe("neutral");
  });
});
