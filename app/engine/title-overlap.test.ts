import { describe, expect, it } from "vitest";
import { bigramDice, titleOverlap } from "./title-overlap";
import type { TopicResult } from "./types";

const topic = (id: string, label: string, ids: string[], kind: TopicResult["kind"] = "machine"): TopicResult => ({
  id,
  label,
  keywords: [],
  size: ids.length,
  comment_ids: ids,
  representative_ids: [],
  kind,
  distinct_senders: 0,
  largest_sender_comments: 0,
  dominated_by_one_sender: false,
});

describe("title overlap", () => {
  it("compares character bigrams, never across 与 or 、", () => {
    expect(bigramDice("超标车过渡期", "超标车过渡期")).toBe(1);
    expect(bigramDice("充电与物业", "充电安全")).toBeCloseTo((2 * 1) / (2 + 3));
    expect(bigramDice("头盔", "停放管理")).toBe(0);
    // 电与 / 与物 are not bigrams of the title
    expect(bigramDice("充电与物业", "电与物")).toBe(0);
  });

  it("averages over machine topics against the name of each topic's majority label", () => {
    const records = [{ l: "a" }, { l: "a" }, { l: "b" }, { l: "b" }];
    const result = {
      topics: [topic("topic-1", "停放管理", ["1", "2", "3"]), topic("topic-2", "充电", ["4"]), topic("unclustered", "其他", [], "other")],
      comments: ["1", "2", "3", "4"].map((id) => ({ id })),
    };
    const names = new Map([
      ["a", "停放管理"],
      ["b", "充电安全"],
    ]);
    expect(titleOverlap(records, result, "l", names)).toBeCloseTo((1 + (2 * 1) / (1 + 3)) / 2);
    expect(titleOverlap(records, result, "l", new Map())).toBeNull();
  });
});
