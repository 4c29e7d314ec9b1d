import { describe, expect, it } from "vitest";
import { duplicateKey, isBlank, normalizeText } from "./normalize";

describe("normalizeText", () => {
  it("turns full-width letters, digits and punctuation into half-width", () => {
    expect(normalizeText("第５条ＡＢＣ，１２３")).toBe("第5条ABC,123");
  });

  it("converts traditional characters to simplified", () => {
    expect(normalizeText("養犬登記證每年年檢")).toBe("养犬登记证每年年检");
  });

  it("leaves simplified text alone", () => {
    expect(normalizeText("建议简化优待证办理流程")).toBe("建议简化优待证办理流程");
  });

  it("strips bidi overrides, zero-width and control characters", () => {
    expect(normalizeText("支\u202E持\u200B同\u0007意\uFEFF")).toBe("支持同意");
  });

  it("keeps newlines and emoji", () => {
    expect(normalizeText("好\n👍")).toBe("好\n👍");
  });
});

describe("duplicateKey", () => {
  it("ignores case, spacing, punctuation and emoji", () => {
    const a = duplicateKey(normalizeText("我们强烈建议：增加收容所！"));
    const b = duplicateKey(normalizeText("我们 强烈建议,增加收容所!!😀"));
    expect(a).toBe(b);
    expect(duplicateKey("Dear Sir, I OBJECT.")).toBe("dearsiriobject");
  });
});

describe("isBlank", () => {
  it("is true for empty text, punctuation and a lone emoji", () => {
    expect(isBlank("")).toBe(true);
    expect(isBlank("！！")).toBe(true);
    expect(isBlank("👍")).toBe(true);
    expect(isBlank("好")).toBe(false);
  });
});
