import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { FIXTURE_DRAFT, fixtureComments } from "./test-fixtures";
import { MIN_COMMENTS_FOR_TOPICS, UNCLUSTERED_ID } from "./topics";

// A small consultation (most provincial ones) gives clusters that mix unrelated subjects: below the minimum the
// engine says so and makes no machine topics.
describe("a consultation with too few comments for topics", () => {
  const all = fixtureComments();

  for (const size of [10, 30, MIN_COMMENTS_FOR_TOPICS - 1]) {
    it(`makes no machine topics from ${size} comments and says why`, () => {
      const comments = Array.from({ length: size }, (_, i) => ({ ...all[i % all.length], id: `c${i}` }));
      const result = analyze({ comments, draft: FIXTURE_DRAFT });
      expect(result.too_few_for_topics).toBe(true);
      expect(result.topics.filter((t) => t.kind === "machine" && !result.campaigns.some((c) => c.comment_ids.includes(t.comment_ids[0])))).toEqual([]);
      // Every comment is still placed: articles, keywords and campaigns are computed as before.
      expect(result.comments.every((c) => c.topic !== null)).toBe(true);
      expect(result.topics.find((t) => t.id === UNCLUSTERED_ID)?.label).toContain("意见不足");
    });
  }

  it("still shows a campaign and keeps staff topics", () => {
    const comments = [
      ...all.slice(0, 20).map((c, i) => ({ ...c, id: `c${i}` })),
      ...Array.from({ length: 5 }, (_, k) => ({ id: `s${k}`, text: "请保留老城区菜市场", sender: `p${k}` })),
    ];
    const result = analyze({ comments, draft: FIXTURE_DRAFT, staffEdits: { topics: [{ key: "staff-1", label: "登记", comment_ids: ["c0", "c1"] }] } });
    expect(result.too_few_for_topics).toBe(true);
    const campaign = result.campaigns.find((c) => c.comment_ids.includes("s0"));
    expect(campaign?.size).toBe(5);
    const sloganTopic = result.comments.find((c) => c.id === "s0")?.topic;
    expect(sloganTopic).not.toBe(UNCLUSTERED_ID);
    expect(result.topics.find((t) => t.id === "staff-1")?.comment_ids).toEqual(expect.arrayContaining(["c0", "c1"]));
  });

  it("clusters from the minimum on", () => {
    const comments = Array.from({ length: Math.max(MIN_COMMENTS_FOR_TOPICS, all.length) }, (_, i) => ({ ...all[i % all.length], id: `c${i}` }));
    const result = analyze({ comments, draft: FIXTURE_DRAFT });
    expect(result.too_few_for_topics).toBe(false);
    expect(result.topics.filter((t) => t.kind === "machine").length).toBeGreaterThan(1);
  });
});
