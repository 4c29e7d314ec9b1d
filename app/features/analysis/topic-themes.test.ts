import { describe, expect, it } from "vitest";
import { groupTopicsByTheme } from "./topic-themes";

const topic = (id: number, size: number, theme: string | null) => ({ id, size, theme: theme ? { key: theme, label: `议题${theme}` } : null });

describe("groupTopicsByTheme", () => {
  it("puts each topic under its theme, themes by their comments, and the topics in no theme last", () => {
    const { themes, unthemed } = groupTopicsByTheme([
      topic(1, 40, "a"),
      topic(2, 30, "b"),
      topic(3, 25, "b"),
      topic(4, 10, null),
      topic(5, 5, "a"),
      topic(6, 3, null),
    ]);
    expect(themes.map((t) => [t.key, t.label, t.size, t.topics.map((x) => x.id)])).toEqual([
      ["b", "议题b", 55, [2, 3]],
      ["a", "议题a", 45, [1, 5]],
    ]);
    expect(unthemed.map((t) => t.id)).toEqual([4, 6]);
  });

  it("has no themes when no topic has one (before the first run with themes)", () => {
    const { themes, unthemed } = groupTopicsByTheme([topic(1, 4, null), topic(2, 2, null)]);
    expect(themes).toEqual([]);
    expect(unthemed.map((t) => t.id)).toEqual([1, 2]);
  });
});
