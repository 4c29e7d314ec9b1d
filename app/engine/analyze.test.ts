import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { nmi } from "./metrics";
import { FIXTURE_DRAFT, fixtureComments, fixtureSubjects } from "./test-fixtures";
import type { AnalysisProgress, AnalysisResult } from "./types";

const subjects = fixtureSubjects();
const result = analyze({ comments: fixtureComments(), draft: FIXTURE_DRAFT });
const topicOf = (id: string) => result.comments.find((c) => c.id === id)?.topic;

function majoritySubjectShare(r: AnalysisResult): number {
  let agreeing = 0;
  let total = 0;
  for (const topic of r.topics.filter((t) => t.kind === "machine")) {
    const counts = new Map<string, number>();
    for (const id of topic.comment_ids) counts.set(subjects.get(id) ?? "", (counts.get(subjects.get(id) ?? "") ?? 0) + 1);
    agreeing += Math.max(...counts.values());
    total += topic.size;
  }
  return agreeing / total;
}

describe("analyze on the fixture consultation", () => {
  it("finds topics that follow the subjects the comments were written about", () => {
    const ids = result.comments.map((c) => c.id).filter((id) => ["registration", "leash", "breeds", "mess"].includes(subjects.get(id) ?? ""));
    expect(
      nmi(
        ids.map((id) => subjects.get(id) ?? ""),
        ids.map((id) => topicOf(id) ?? "")
      )
    ).toBeGreaterThan(0.5);
    expect(majoritySubjectShare(result)).toBeGreaterThan(0.7);
  });

  it("labels each topic with a title, two to five keywords and up to three different representatives", () => {
    for (const topic of result.topics.filter((t) => t.kind === "machine")) {
      expect(topic.keywords.length).toBeGreaterThanOrEqual(2);
      expect(topic.keywords.length).toBeLessThanOrEqual(5);
      // A phrase title (topic-title.ts), or the top keywords where no phrase qualifies.
      if (topic.label.includes("、")) expect(topic.label).toBe(topic.keywords.slice(0, 3).join("、"));
      else expect(topic.label.length).toBeGreaterThanOrEqual(4);
      expect(topic.label.length).toBeLessThanOrEqual(16);
      expect(new Set(topic.representative_ids).size).toBe(topic.representative_ids.length);
      // A campaign counts once, so a topic that is one campaign has one text to show.
      const campaignOnly = result.campaigns.some((c) => c.comment_ids.length === topic.size && c.comment_ids.includes(topic.comment_ids[0]));
      expect(topic.representative_ids.length).toBe(campaignOnly ? 1 : Math.min(3, topic.size));
      for (const id of topic.representative_ids) expect(topic.comment_ids).toContain(id);
    }
  });

  it("puts comments without substance in their own small bucket", () => {
    const bucket = result.topics.find((t) => t.kind === "no_substance");
    expect(bucket?.comment_ids.sort()).toEqual(
      [...subjects]
        .filter(([, s]) => s === "none")
        .map(([id]) => id)
        .sort()
    );
  });

  it("finds the campaign, counts it once for topics and keeps its size", () => {
    const campaignIds = [...subjects].filter(([, s]) => s === "campaign").map(([id]) => id);
    expect(result.campaigns).toHaveLength(1);
    expect(result.campaigns[0].comment_ids).toEqual(campaignIds);
    expect(result.campaigns[0].size).toBe(campaignIds.length);
    expect(new Set(campaignIds.map(topicOf)).size).toBe(1);
    const topic = result.topics.find((t) => t.id === topicOf(campaignIds[0]));
    expect(topic?.size).toBeGreaterThanOrEqual(campaignIds.length);
  });

  it("reports articles, inferred articles, personal data and stance per comment", () => {
    const byText = (fragment: string) => {
      const i = fixtureComments().findIndex((c) => c.text.includes(fragment));
      return result.comments[i];
    };
    expect(byText("第七条关于粪便").articles).toEqual([7]);
    expect(byText("第七条关于粪便").articles_inferred).toEqual([]);
    expect(byText("Article 5 should").articles).toEqual([5]);
    expect(byText("由成年人牵领这一条好").articles_inferred).toEqual([5]);
    expect(byText("我的电话").pii).toEqual([{ kind: "phone", start: 4, end: 15 }]);
    expect(byText("坚决支持禁养烈性犬").stance).toBe("support");
    expect(byText("登记费用到底多少钱").keywords.length).toBeGreaterThan(0);
  });

  it("gives every comment exactly one topic", () => {
    const listed = result.topics.flatMap((t) => t.comment_ids).sort();
    expect(listed).toEqual(result.comments.map((c) => c.id).sort());
    for (const t of result.topics) expect(t.size).toBe(t.comment_ids.length);
  });
});

describe("progress", () => {
  it("reports the stages in order, the topic stage before fitting begins, and never goes backwards within one", () => {
    const events: AnalysisProgress[] = [];
    analyze({ comments: fixtureComments(), draft: FIXTURE_DRAFT }, (p) => events.push(p));
    const stages = events.map((e) => e.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(["prepare", "comments", "campaigns", "topics", "labels", "done"]);
    // Fitting the topic model comes before any comment is assigned: its first event says nothing is done yet.
    expect(events.find((e) => e.stage === "topics")?.done).toBe(0);
    for (let i = 1; i < events.length; i++) {
      if (events[i].stage === events[i - 1].stage) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
    }
  });
});

describe("determinism", () => {
  it("gives the same result for the same input", () => {
    const again = analyze({ comments: fixtureComments(), draft: FIXTURE_DRAFT });
    expect(again).toEqual(result);
    const other = analyze({ comments: fixtureComments(), draft: FIXTURE_DRAFT });
    expect(JSON.stringify(other)).toBe(JSON.stringify(result));
  });
});

describe("bad input", () => {
  it("copes with no comments, empty texts, lone emoji, huge texts and mixed scripts", () => {
    expect(analyze({ comments: [] })).toEqual({ too_few_for_topics: false, topics: [], campaigns: [], comments: [] });
    const huge = "优待证办理流程太复杂，建议简化。".repeat(7_000);
    const comments = [
      { id: "1", text: "" },
      { id: "2", text: "😀" },
      { id: "3", text: huge },
      { id: "4", text: "Uber司机 should 持证上岗，第三条 Article 3 ありがとう 🚕" },
      { id: "5", text: "\u202E\u0000\u200B" },
      { id: "6", text: 42 as unknown as string },
    ];
    const r = analyze({ comments, draft: FIXTURE_DRAFT });
    expect(huge.length).toBeGreaterThan(100_000);
    expect(r.comments.map((c) => c.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(r.comments[3].articles).toEqual([3]);
  });

  it("keeps a campaign of empty reactions in the no-substance bucket", () => {
    const text = "顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶";
    const r = analyze({ comments: [1, 2, 3].map((i) => ({ id: String(i), text })) });
    expect(r.campaigns).toHaveLength(1);
    expect(r.topics.map((t) => [t.id, t.size])).toEqual([["no-substance", 3]]);
  });

  it("accepts pre-tokenised text", () => {
    const r = analyze({
      comments: [
        { id: "a", text: "小区 物业 停车费 收费" },
        { id: "b", text: "物业 停车费 违规 收费" },
      ],
      pretokenized: true,
    });
    expect(r.comments[0].keywords).toEqual(expect.arrayContaining(["小区", "物业"]));
  });
});

describe("analyze: stance per named article", () => {
  it("gives each comment the stance towards each article it names, and its copies the same", () => {
    const text = "第三条写得很好，完全赞成；第五条的收费规定不合理，建议删除。";
    const result = analyze({
      comments: [
        { id: "a", text },
        { id: "b", text },
        { id: "c", text: "总体支持。" },
      ],
    });
    const byId = new Map(result.comments.map((c) => [c.id, c]));
    expect(byId.get("a")).toMatchObject({ stance: "oppose", article_stances: { 3: "support", 5: "oppose" } });
    expect(byId.get("b")!.article_stances).toEqual({ 3: "support", 5: "oppose" });
    expect(byId.get("c")!.article_stances).toEqual({});
  });
});
