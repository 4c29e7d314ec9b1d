import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";
import { averageLinkage, buildThemes, themeCount, themeLabel, voteSimilarity, type TopicSample } from "./themes";
import type { TopicResult } from "./types";

const DIMS = 8;

/** A unit vector mostly along axis `axis`, nudged along axis `nudge` so topics of one direction differ. */
function direction(axis: number, nudge: number, amount: number): Float32Array {
  const v = new Float32Array(DIMS);
  v[axis] = 1;
  v[nudge] += amount;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function topic(id: string, size: number, keywords: string[], kind: TopicResult["kind"] = "machine"): TopicResult {
  return {
    id,
    label: keywords.join("、"),
    keywords,
    size,
    comment_ids: [],
    representative_ids: [],
    kind,
    distinct_senders: size,
    largest_sender_comments: 1,
    dominated_by_one_sender: false,
  };
}

describe("themeCount", () => {
  it("makes no themes of three topics or fewer, then about one per three topics, at most seven", () => {
    expect([0, 1, 3].map(themeCount)).toEqual([0, 0, 0]);
    expect([4, 7, 8, 14, 21, 60].map(themeCount)).toEqual([2, 2, 3, 5, 7, 7]);
  });
});

/** A topic's sample: a few comments around one direction. */
function sample(axis: number, nudge: number): TopicSample {
  const rows = [0, 0.1, 0.2, 0.3].map((amount) => direction(axis, nudge, amount));
  const vectors = new Float32Array(rows.length * DIMS);
  rows.forEach((row, i) => vectors.set(row, i * DIMS));
  return { dims: DIMS, vectors };
}

describe("voteSimilarity and averageLinkage", () => {
  it("find topics similar whose comments lie nearest each other, and group them", () => {
    const samples = [sample(0, 5), sample(1, 5), sample(0, 6), sample(2, 5), sample(1, 6), sample(2, 6)];
    const centroids = [
      direction(0, 5, 0.15),
      direction(1, 5, 0.15),
      direction(0, 6, 0.15),
      direction(2, 5, 0.15),
      direction(1, 6, 0.15),
      direction(2, 6, 0.15),
    ];
    const similarity = voteSimilarity(samples, centroids, 200);
    // Every comment of topic 0 is nearest topic 2 of the same direction, and the other way round.
    expect(similarity[0 * 6 + 2]).toBe(1);
    expect(similarity[0 * 6 + 1]).toBe(0);
    const groups = averageLinkage(similarity, 6, 3).sort((a, b) => a[0] - b[0]);
    expect(groups).toEqual([
      [0, 2],
      [1, 4],
      [3, 5],
    ]);
  });
});

describe("buildThemes", () => {
  // Nine topics in three directions (transport, housing, schools), plus a staff topic and the two catch-alls.
  const topics: TopicResult[] = [
    topic("topic-1", 50, ["公交", "地铁"]),
    topic("topic-2", 40, ["住房", "公积金"]),
    topic("topic-3", 30, ["学校", "入学"]),
    topic("topic-4", 25, ["公交", "票价"]),
    topic("topic-5", 20, ["住房", "租房"]),
    topic("topic-6", 15, ["学校", "学费"]),
    topic("topic-7", 10, ["地铁", "公交"]),
    topic("topic-8", 8, ["公积金", "贷款"]),
    topic("staff-1", 6, ["入学", "学位"], "staff"),
    topic("unclustered", 5, ["其他"], "other"),
    topic("no-substance", 4, [], "no_substance"),
  ];
  const subject: Record<string, number> = {
    "topic-1": 0,
    "topic-4": 0,
    "topic-7": 0,
    "topic-2": 1,
    "topic-5": 1,
    "topic-8": 1,
    "topic-3": 2,
    "topic-6": 2,
    "staff-1": 2,
  };
  const samples = new Map(topics.filter((t) => t.id in subject).map((t, i) => [t.id, sample(subject[t.id], 3 + (i % 4))]));
  const { topics: themed, themes } = buildThemes(topics, samples);

  it("groups the topics of one subject into one theme, numbered by size", () => {
    expect(themes.map((t) => t.id)).toEqual(["theme-1", "theme-2", "theme-3"]);
    expect(themes.map((t) => [...t.topic_ids].sort())).toEqual([
      ["topic-1", "topic-4", "topic-7"],
      ["topic-2", "topic-5", "topic-8"],
      ["staff-1", "topic-3", "topic-6"],
    ]);
    expect(themes.map((t) => t.size)).toEqual([85, 68, 51]);
  });

  it("labels a theme with the words its topics share, the largest topics first", () => {
    expect(themes[0].label).toBe("公交、地铁");
    expect(themes[1].label).toBe("住房、公积金");
  });

  it("puts machine and staff topics in their theme and leaves the catch-alls out", () => {
    const themeOf = new Map(themed.map((t) => [t.id, t.theme]));
    expect(themeOf.get("staff-1")).toBe("theme-3");
    expect(themeOf.get("topic-8")).toBe("theme-2");
    expect(themeOf.get("unclustered")).toBeNull();
    expect(themeOf.get("no-substance")).toBeNull();
    expect(themed.map((t) => t.id)).toEqual(topics.map((t) => t.id));
  });

  it("makes no themes of three topics", () => {
    const few = topics.slice(0, 3);
    const result = buildThemes(few, samples);
    expect(result.themes).toEqual([]);
    expect(result.topics.every((t) => t.theme === null)).toBe(true);
  });
});

describe("themeLabel", () => {
  it("never uses a stopword or a person's name", () => {
    const label = themeLabel([
      { size: 30, keywords: ["的", "张伟", "充电", "物业"] },
      { size: 20, keywords: ["我们", "充电桩"] },
    ]);
    expect(label).toBe("充电、物业");
  });

  it("says 其他 when no keyword can name it", () => {
    expect(themeLabel([{ size: 3, keywords: ["的", "了"] }])).toBe("其他");
  });
});

describe("analyze", () => {
  it("gives machine and staff topics one theme each, and the themes add up to their topics", () => {
    const result = analyze({ comments: fixtureComments(), draft: FIXTURE_DRAFT });
    const grouped = result.topics.filter((t) => t.kind === "machine" || t.kind === "staff");
    // A topic whose words the model does not know (a slogan campaign) has no place among the others.
    const placed = grouped.filter((t) => t.theme !== null);
    expect(placed.length).toBeGreaterThanOrEqual(grouped.length - 1);
    const themes = result.themes ?? [];
    expect(themes.length).toBe(themeCount(placed.length));
    expect(themes.flatMap((t) => t.topic_ids).sort()).toEqual(placed.map((t) => t.id).sort());
    for (const theme of themes) {
      const members = result.topics.filter((t) => t.theme === theme.id);
      expect(members.map((t) => t.id).sort()).toEqual([...theme.topic_ids].sort());
      expect(theme.size).toBe(members.reduce((sum, t) => sum + t.size, 0));
      expect(theme.label.length).toBeGreaterThan(0);
    }
    for (const t of result.topics.filter((t) => t.kind === "other" || t.kind === "no_substance")) expect(t.theme).toBeNull();
  });
});
