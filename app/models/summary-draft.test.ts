import { describe, expect, it } from "vitest";
import { detectPii } from "~/analysis/pii";
import { campaignStatement, countsPhrase, draftSummary, NO_COMMENTS, publicLabel, publishableQuote, type SummaryData } from "./summary-draft";

// 2026-03-01 00:00 and 2026-03-31 23:59 in Asia/Shanghai.
const OPENS = new Date("2026-02-28T16:00:00Z");
const CLOSES = new Date("2026-03-31T15:59:59Z");

function facts(overrides: Partial<SummaryData> = {}): SummaryData {
  return {
    title: "辽宁省退役军人就业创业促进办法（征求意见稿）",
    department: "辽宁省退役军人事务厅",
    opensAt: OPENS,
    closesAt: CLOSES,
    channels: [
      { channel: "web", count: 40 },
      { channel: "email", count: 2 },
      { channel: "letter", count: 1 },
    ],
    commentCount: 43,
    commenterCount: 31,
    notPublishedCount: 3,
    campaigns: [{ size: 12, distinctSenders: 11, quote: "建议将年龄放宽至40周岁、学历放宽至高中（中专）。" }],
    groups: [
      {
        label: null,
        number: null,
        commentCount: 8,
        topics: [{ label: "总体支持", size: 8, quotes: ["支持出台本办法。"], decision: "already_provided", reason: "办法已作规定", changeMade: null, overrides: {} }],
      },
      {
        label: "第十条",
        number: 10,
        commentCount: 20,
        topics: [
          {
            label: "年龄学历放宽",
            size: 15,
            quotes: ["我的电话是13912345678，请联系我。", "建议“年龄放宽至40周岁”。", "第三条意见，不应引用。"],
            decision: "partly_adopted",
            reason: "学历条件按国家规定执行，年龄条件予以明确",
            changeMade: "第十条增加“年龄可放宽至40周岁”",
            overrides: { not_adopted: 2 },
          },
          { label: "考试加分", size: 5, quotes: [], decision: "not_adopted", reason: "加分政策由国家统一规定。", changeMade: null, overrides: {} },
        ],
      },
    ],
    dispositionCounts: { already_provided: 8, partly_adopted: 13, not_adopted: 7 },
    undecided: { notPublished: 3, other: 12 },
    reasons: [
      { decision: "partly_adopted", subject: "关于“年龄学历放宽”的意见", reason: "学历条件按国家规定执行，年龄条件予以明确" },
      { decision: "not_adopted", subject: "关于“考试加分”的意见", reason: "加分政策由国家统一规定。" },
    ],
    articleCounts: [],
    ...overrides,
  };
}

describe("draftSummary", () => {
  const text = draftSummary(facts());

  it("has the three parts of a government 说明, under a formal title", () => {
    const paragraphs = text.split("\n\n");
    expect(paragraphs[0]).toBe("关于《辽宁省退役军人就业创业促进办法（征求意见稿）》公开征求意见采纳情况的说明");
    expect(paragraphs).toContain("一、基本情况");
    expect(paragraphs).toContain("二、主要意见及采纳情况");
    expect(paragraphs).toContain("三、采纳情况");
    expect(paragraphs.indexOf("一、基本情况")).toBeLessThan(paragraphs.indexOf("二、主要意见及采纳情况"));
  });

  it("states the period in Chinese dates, the channels with counts, comments and distinct commenters", () => {
    expect(text).toContain("2026年3月1日至2026年3月31日，辽宁省退役军人事务厅通过征求意见平台向社会公开征求对《辽宁省退役军人就业创业促进办法（征求意见稿）》的意见。");
    expect(text).toContain("共收到意见43条，其中网上提交40条、电子邮件2条、信函1条，来自31位提出人。");
    expect(text).toContain("有3条意见因含有个人信息、与征求内容无关等原因未在网上公开，仍计入意见总数。");
  });

  it("says 均为 when one channel brought every comment", () => {
    expect(draftSummary(facts({ channels: [{ channel: "web", count: 43 }] }))).toContain("共收到意见43条，均为网上提交，来自31位提出人。");
  });

  it("states campaigns transparently, one group or several", () => {
    expect(text).toContain("其中内容基本相同的意见12条（来自11位提出人），主要内容为“建议将年龄放宽至40周岁、学历放宽至高中（中专）。”。这些意见均逐条计入意见总数");
    const two = campaignStatement([
      { size: 12, distinctSenders: 11, quote: null },
      { size: 5, distinctSenders: 5, quote: "同意。" },
    ]);
    expect(two).toBe("其中内容基本相同的意见17条，分为2组：第一组12条（来自11位提出人）；第二组5条（来自5位提出人），主要内容为“同意。”。这些意见均逐条计入意见总数，按其内容一并研究。");
    expect(campaignStatement([])).toBe("");
  });

  it("sets out the main opinions by article and topic, general comments first, with their answers", () => {
    const general = text.indexOf("（一）总体意见");
    const article = text.indexOf("（二）关于第十条");
    expect(general).toBeGreaterThan(0);
    expect(article).toBeGreaterThan(general);
    expect(text).toContain("共收到涉及本条的意见20条。");
    expect(text).toContain("1. 关于“年龄学历放宽”的意见（15条）。");
    expect(text).toContain("处理情况：部分采纳。理由：学历条件按国家规定执行，年龄条件予以明确。修改情况：第十条增加“年龄可放宽至40周岁”。其中个别意见另行处理：不采纳2条。");
    expect(text).toContain("2. 关于“考试加分”的意见（5条）。处理情况：不采纳。理由：加分政策由国家统一规定。");
    expect(text).toContain("处理情况：已有规定。说明：办法已作规定。");
  });

  it("quotes at most two comments per topic, nested quotes made single, and never one with personal data", () => {
    expect(text).toContain("主要意见如：“建议‘年龄放宽至40周岁’。”；“第三条意见，不应引用。”。");
    expect(text).not.toContain("13912345678");
    expect(detectPii(text)).toEqual([]);
  });

  it("counts the answers and gives the reasons for partial and refused adoption", () => {
    expect(text).toContain("经研究，43条意见中，部分采纳13条，不采纳7条，已有规定8条。另有3条经审核未公开的意见未逐条答复。另有12条意见尚未作出处理。");
    expect(text).toContain("对部分采纳和不采纳的意见，理由如下：");
    expect(text).toContain("1. 关于“年龄学历放宽”的意见（部分采纳）：学历条件按国家规定执行，年龄条件予以明确。");
    expect(text).toContain("2. 关于“考试加分”的意见（不采纳）：加分政策由国家统一规定。");
  });

  it("writes 尚未作出处理 for a topic without an answer", () => {
    const undecided = facts();
    undecided.groups[1].topics[1] = { ...undecided.groups[1].topics[1], decision: null, reason: "" };
    expect(draftSummary(undecided)).toContain("2. 关于“考试加分”的意见（5条）。处理情况：尚未作出处理。");
  });

  it("gives a short, correct summary when no comment was received", () => {
    const none = draftSummary(
      facts({ channels: [], commentCount: 0, commenterCount: 0, notPublishedCount: 0, campaigns: [], groups: [], dispositionCounts: {}, undecided: { notPublished: 0, other: 0 }, reasons: [] }),
    );
    expect(none).toBe(
      [
        "关于《辽宁省退役军人就业创业促进办法（征求意见稿）》公开征求意见采纳情况的说明",
        "一、基本情况",
        `2026年3月1日至2026年3月31日，辽宁省退役军人事务厅通过征求意见平台向社会公开征求对《辽宁省退役军人就业创业促进办法（征求意见稿）》的意见。${NO_COMMENTS}`,
      ].join("\n\n"),
    );
    expect(none).toContain("征求意见期间，未收到意见。");
  });
});

describe("publishableQuote", () => {
  it("drops a quote in which personal data is still detected", () => {
    expect(publishableQuote("请打 13912345678 联系我")).toBeNull();
    expect(publishableQuote("身份证 11010519491231002X")).toBeNull();
    expect(publishableQuote("邮箱 someone@example.com")).toBeNull();
    expect(publishableQuote("电话[手机号已隐去]，建议放宽年龄。")).toBe("电话[手机号已隐去]，建议放宽年龄。");
    expect(publishableQuote("   ")).toBeNull();
  });

  it("cuts a long quote at a sentence end where it can", () => {
    const long = `${"建议增加培训补贴。".repeat(6)}${"很长".repeat(60)}`;
    const quote = publishableQuote(long)!;
    expect(quote.endsWith("。……")).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(102);
  });
});

describe("labels and counts", () => {
  it("never publishes a topic name carrying personal data", () => {
    expect(publicLabel("13912345678 回电")).toBe("相关问题");
    expect(publicLabel("年龄放宽")).toBe("年龄放宽");
  });

  it("lists answers in the vocabulary's order and leaves out zeros", () => {
    expect(countsPhrase({ not_adopted: 2, adopted: 5, out_of_scope: 0 })).toBe("采纳5条，不采纳2条");
    expect(countsPhrase({})).toBe("");
  });
});
