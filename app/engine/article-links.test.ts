import { describe, expect, it } from "vitest";
import { buildArticleIndex, inferArticle } from "./article-inference";
import { inferArticleLinks, LINK_CONFIDENCE, type LinkInput } from "./article-links";
import { flattenArticles, parseDraft } from "./draft-parser";
import { normalizeText } from "./normalize";

const DRAFT = `# 某市就业促进办法（征求意见稿）

第一条 为了促进就业，制定本办法。

第二条 本办法适用于本市行政区域内的就业促进活动。

第三条 自主创业人员可以申请创业担保贷款，个人贷款额度最高三十万元，财政部门按规定给予贴息。

第四条 用人单位招用就业困难人员并缴纳社会保险的，给予社会保险补贴。

第五条 公共就业服务机构应当免费提供职业介绍和职业指导服务。

第六条 本办法自2030年1月1日起施行。
`;
const articles = flattenArticles(parseDraft(DRAFT));
const draftIndex = buildArticleIndex(articles, normalizeText);

/** A consultation: comments, the articles each names (as the first pass reads them) and its topic. */
function input(comments: Array<{ text: string; named?: number[]; topic?: string }>, corrections?: LinkInput["corrections"]): LinkInput {
  const normalized = comments.map((c) => normalizeText(c.text));
  return {
    articles,
    draftIndex,
    normalized,
    ids: comments.map((_, i) => `c${i + 1}`),
    named: comments.map((c) => c.named ?? []),
    firstPass: normalized.map((text, i) => {
      if ((comments[i].named ?? []).length > 0) return [];
      const rule = inferArticle(draftIndex, text);
      return rule ? [rule] : [];
    }),
    topicOf: comments.map((c) => c.topic ?? null),
    corrections,
  };
}

// The public name the loan article by its interest subsidy and its waiting times, words its text lacks but for 贴息.
const citing = [
  { text: "第三条的贴息期限太短了，两年贴息根本不够，建议延长到三年。", named: [3], topic: "loan" },
  { text: "第三条贴息以后利息还是高，放款要等两个月，希望银行放款快一点。", named: [3], topic: "loan" },
  { text: "关于第三条，放款太慢，贴息申请材料太多，建议简化。", named: [3], topic: "loan" },
  { text: "第四条的社保补贴标准偏低，企业招人积极性不高。", named: [4], topic: "subsidy" },
  { text: "第五条免费职业指导很好，希望多开夜间课程。", named: [5], topic: "service" },
];
const uncited = { text: "放款要等两个月，利息压力大，等贴息批下来店都开不起来了。", topic: "loan" };

describe("inferArticleLinks", () => {
  it("links a comment that names no article to the one the public names in the same words, with a confidence", () => {
    const links = inferArticleLinks(input([...citing, uncited]));
    const i = citing.length;
    expect(links.inferred[i]).toEqual([3]);
    expect(links.confidence[i][0]).toBeGreaterThanOrEqual(LINK_CONFIDENCE);
    expect(links.confidence[i][0]).toBeLessThanOrEqual(1);
    // Comments naming their article are not inferred again.
    expect(links.inferred.slice(0, i).every((list) => list.length === 0)).toBe(true);
  });

  it("leaves a comment unlinked when no article stands out", () => {
    const links = inferArticleLinks(input([...citing, { text: "总体支持，希望早日出台。", topic: "general" }]));
    expect(links.inferred[citing.length]).toEqual([]);
    expect(links.confidence[citing.length]).toEqual([]);
  });

  it("never infers again an article staff rejected for that comment", () => {
    const id = `c${citing.length + 1}`;
    const links = inferArticleLinks(input([...citing, uncited], { confirmed: [], rejected: [{ comment_id: id, articles: [3] }] }));
    expect(links.inferred[citing.length]).not.toContain(3);
  });

  it("learns from what staff linked: a comment like one staff linked to an article is linked to it in the next run", () => {
    const seen = { text: "夜市摆摊卖小吃的流动小商户也能申请吗？", topic: "misc" };
    const later = { text: "夜市摆摊卖小吃的流动小商户能不能也纳入？", topic: "misc" };
    const before = inferArticleLinks(input([...citing, seen, later]));
    expect(before.inferred[citing.length + 1]).toEqual([]);
    const after = inferArticleLinks(input([...citing, seen, later], { confirmed: [{ comment_id: `c${citing.length + 1}`, articles: [3] }], rejected: [] }));
    // The comment staff linked keeps staff's link (it is not inferred), and the one like it follows.
    expect(after.inferred[citing.length]).toEqual([]);
    expect(after.inferred[citing.length + 1]).toEqual([3]);
  });

  it("keeps the first pass's quotation and pointer links, with their confidence", () => {
    const links = inferArticleLinks(input([...citing, { text: "“给予社会保险补贴”这一条写得好，支持。", topic: "subsidy" }]));
    expect(links.inferred[citing.length]).toEqual([4]);
    expect(links.confidence[citing.length][0]).toBeGreaterThan(0.9);
  });

  it("copes with a draft without articles and with empty comments", () => {
    const empty = { ...input([{ text: "" }, { text: "支持" }]), articles: [], draftIndex: buildArticleIndex([], normalizeText) };
    expect(inferArticleLinks(empty).inferred).toEqual([[], []]);
    expect(inferArticleLinks(input([{ text: "" }, { text: "😀😀" }])).inferred).toEqual([[], []]);
  });
});

describe("inferArticleLinks on thin evidence", () => {
  it("does not follow one stray shared pair of characters to an article", () => {
    // 太长 appears only in the comments on article 5: a ratio of scaled scores alone would make that certain.
    const comments = [...citing, { text: "第五条的培训课程太长了，建议压缩。", named: [5], topic: "service" }, { text: "看不懂，太长了。", topic: "misc" }];
    expect(inferArticleLinks(input(comments)).inferred[comments.length - 1]).toEqual([]);
  });
});
