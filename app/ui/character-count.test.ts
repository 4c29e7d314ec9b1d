import { describe, expect, it } from "vitest";
import { countAnnouncement } from "./character-count";

describe("countAnnouncement", () => {
  const at = (length: number) => countAnnouncement(length, 5000);

  it("says nothing while plenty is left, then one sentence per threshold", () => {
    expect([0, 1, 3999, 4000].map(at)).toEqual(["", "", "", ""]);
    expect([4001, 4499].map(at)).toEqual(["还可输入不到 1000 字。", "还可输入不到 1000 字。"]);
    expect([4501, 4900].map(at)).toEqual(["还可输入不到 500 字。", "还可输入不到 500 字。"]);
    expect([4901, 4999].map(at)).toEqual(["还可输入不到 100 字。", "还可输入不到 100 字。"]);
    expect([5000, 5001].map(at)).toEqual(["已达到 5000 字上限。", "已达到 5000 字上限。"]);
  });

  it("changes only at the thresholds, so a screen reader hears at most four announcements on the way up", () => {
    const heard = Array.from({ length: 5001 }, (_, n) => at(n)).filter((t, i, all) => t && t !== all[i - 1]);
    expect(heard).toEqual(["还可输入不到 1000 字。", "还可输入不到 500 字。", "还可输入不到 100 字。", "已达到 5000 字上限。"]);
  });

  it("skips thresholds above a small limit", () => {
    expect(countAnnouncement(0, 200)).toBe("");
    expect(countAnnouncement(150, 200)).toBe("还可输入不到 100 字。");
  });
});
