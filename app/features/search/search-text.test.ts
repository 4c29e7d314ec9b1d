import { describe, expect, it } from "vitest";
import { charLength, highlight, snippet, type Segment } from "./search-text";

const marked = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join("");

describe("highlight", () => {
  it("marks every occurrence and keeps the text whole", () => {
    const s = highlight("退役军人就业创业，促进就业。", ["就业"]);
    expect(marked(s)).toEqual(["就业", "就业"]);
    expect(joined(s)).toBe("退役军人就业创业，促进就业。");
  });

  it("merges overlapping terms into one mark", () => {
    expect(marked(highlight("就业创业", ["就业", "业创"]))).toEqual(["就业创"]);
  });

  it("matches Latin letters whatever their case and leaves markup as text", () => {
    const s = highlight("<script>alert(1)</script> SCRIPT", ["script"]);
    expect(marked(s)).toEqual(["script", "script", "SCRIPT"]);
    expect(joined(s)).toBe("<script>alert(1)</script> SCRIPT");
  });

  it("gives one plain segment when nothing matches", () => {
    expect(highlight("征求意见", ["军"])).toEqual([{ text: "征求意见", hit: false }]);
  });
});

describe("snippet", () => {
  const long = "甲".repeat(100) + "创业担保贷款" + "乙".repeat(100);

  it("shows a window around the first hit with ellipses where text was cut", () => {
    const s = snippet(long, ["贷款"], 40);
    expect(s[0]).toEqual({ text: "…", hit: false });
    expect(s.at(-1)).toEqual({ text: "…", hit: false });
    expect(marked(s)).toEqual(["贷款"]);
    expect(joined(s).length).toBeLessThanOrEqual(42);
  });

  it("shows the beginning when no term is in the text, and short texts whole", () => {
    expect(joined(snippet(long, ["军"], 20))).toBe("甲".repeat(20) + "…");
    expect(snippet("短文本", ["文"])).toEqual([
      { text: "短", hit: false },
      { text: "文", hit: true },
      { text: "本", hit: false },
    ]);
  });

  it("never cuts a character outside the Basic Multilingual Plane in half", () => {
    const text = "𠮷".repeat(60) + "就业" + "𠮷".repeat(60);
    for (const width of [20, 21, 33]) {
      expect(joined(snippet(text, ["就业"], width))).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(charLength("𠮷就")).toBe(2);
  });
});
