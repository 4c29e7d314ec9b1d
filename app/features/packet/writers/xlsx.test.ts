import { describe, expect, it } from "vitest";
import { rowHeight, wrappedLines } from "./xlsx.server";

describe("XLSX row heights", () => {
  it("counts the lines a text wraps to, CJK characters two widths each, line breaks kept", () => {
    expect(wrappedLines("短", 10)).toBe(1);
    expect(wrappedLines("一二三四五六七八九十", 11)).toBe(2);
    expect(wrappedLines("abc\ndef\n", 10)).toBe(3);
  });

  it("gives a row the height its longest cell needs, within Excel's limit", () => {
    expect(rowHeight(["1", "短"], [4, 30])).toBe(18);
    const letter = "建议".repeat(300);
    expect(rowHeight(["1", letter], [4, 51])).toBe(Math.ceil(1200 / 50) * 15 + 3);
    expect(rowHeight(["1", "长".repeat(20_000)], [4, 50])).toBe(409);
  });
});
