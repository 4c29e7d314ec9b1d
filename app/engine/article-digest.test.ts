import { describe, expect, it } from "vitest";
import { digestArticle, type DigestComment } from "./article-digest";

const c = (id: number, text: string, stance: DigestComment["stance"], topicId: number | null, campaignId: number | null = null): DigestComment => ({
  id,
  text,
  stance,
  campaignId,
  topicId,
  topicLabel: topicId === null ? null : `话题${topicId}`,
});

describe("the per-article digest", () => {
  const comments = [
    c(1, "建议提高贷款额度。", "suggest", 1),
    c(2, "建议提高贷款额度到三十万元。", "suggest", 1),
    c(3, "贷款额度到三十万元才够用，现在的额度不合理。", "oppose", 1),
    c(4, "贴息期限只有两年太短，建议延长到三年。", "suggest", 2),
    c(5, "贴息期限太短了。", "oppose", 2),
    // a campaign of four letters on this article: one voice, its size stated
    ...[6, 7, 8, 9].map((id) => c(id, "坚决反对本条的申请门槛，请取消户籍限制。", "oppose", 3, 70)),
    c(10, "支持本条。", "support", null),
  ];
  const d = digestArticle(comments);

  it("counts stances with a campaign as one voice, and states the campaign's size", () => {
    expect(d.stances).toEqual({ support: 1, oppose: 3, suggest: 3, question: 0, neutral: 0 });
    expect(d.campaigns).toEqual([{ campaignId: 70, size: 4, stance: "oppose" }]);
  });

  it("keeps distinct arguments apart, largest first, comments in no topic last", () => {
    expect(d.groups.map((g) => [g.label, g.size, g.voices])).toEqual([
      ["话题1", 3, 3],
      ["话题2", 2, 2],
      ["话题3", 4, 1],
      ["其他意见", 1, 1],
    ]);
  });

  it("quotes each group from its own comments, the most central first, one letter per campaign", () => {
    const ids = (i: number) => d.groups[i].quotes.map((q) => q.id);
    expect(ids(0)[0]).toBe(2); // shares most with both others
    expect(ids(0).every((id) => [1, 2, 3].includes(id))).toBe(true);
    expect(ids(1).every((id) => [4, 5].includes(id))).toBe(true);
    expect(ids(2)).toHaveLength(1);
    for (const g of d.groups) for (const q of g.quotes) expect(comments.find((x) => x.id === q.id)!.text).toContain(q.text.replace(/…$/, ""));
  });

  it("is empty for an article nobody commented on", () => {
    expect(digestArticle([])).toEqual({ stances: { support: 0, oppose: 0, suggest: 0, question: 0, neutral: 0 }, campaigns: [], groups: [] });
  });
});
