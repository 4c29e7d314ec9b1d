import { describe, expect, it } from "vitest";
import { detectPii } from "~/engine/pii";
import { toChineseNumeral } from "~/engine/chinese-numerals";
import {
  campaignStatement,
  countsPhrase,
  draftSummary,
  isChineseText,
  NO_COMMENTS,
  publicLabel,
  publishableQuote,
  SUMMARY_BOUND,
  TITLE_PENDING,
  tidyPunctuation,
  type SummaryData,
} from "./summary-draft";

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
    identities: [
      { label: "退役军人", count: 30 },
      { label: "企业", count: 8 },
      { label: "其他群众", count: 5 },
    ],
    notPublishedCount: 3,
    campaigns: [{ size: 12, distinctSenders: 11, quote: "建议将年龄放宽至40周岁、学历放宽至高中（中专）。" }],
    groups: [
      {
        label: null,
        number: null,
        commentCount: 8,
        topics: [
          {
            id: 1,
            label: "支持 出台",
            publicTitle: "总体支持出台办法",
            size: 8,
            quotes: ["支持出台本办法。"],
            decision: "already_provided",
            reason: "办法已作规定",
            changeMade: null,
            overrides: {},
          },
        ],
        individual: [],
      },
      {
        label: "第十条",
        number: 10,
        commentCount: 20,
        topics: [
          {
            id: 2,
            label: "没人管",
            publicTitle: "放宽年龄和学历条件",
            size: 15,
            quotes: ["我的电话是13912345678，请联系我。", "Please relax the age limit to 40.", "建议“年龄放宽至40周岁”。", "第三条意见，不应引用。"],
            decision: "partly_adopted",
            reason: "学历条件按国家规定执行，年龄条件予以明确",
            changeMade: "第十条增加“年龄可放宽至40周岁。”",
            overrides: { not_adopted: 2 },
          },
          {
            id: 3,
            label: "加分 考试",
            publicTitle: "关于考试加分的意见",
            size: 5,
            quotes: [],
            decision: "not_adopted",
            reason: "加分政策由国家统一规定。",
            changeMade: null,
            overrides: {},
          },
        ],
        individual: [{ decision: "not_adopted", reason: "已在第十条中统筹考虑。", changeMade: null, count: 2 }],
      },
    ],
    dispositionCounts: { already_provided: 8, partly_adopted: 13, not_adopted: 7 },
    undecided: { notPublished: 3, other: 12 },
    articleCounts: [],
    draftedAt: new Date("2026-04-10T02:00:00Z"),
    ...overrides,
  };
}

/** A consultation of `n` comments the way volume arrives: many articles, many topics, a thousand form-letter groups. */
function atVolume(n: number): SummaryData {
  const articles = 40;
  const perTopic = 8;
  const topicCount = Math.ceil(n / perTopic);
  const groups: SummaryData["groups"] = [null, ...Array.from({ length: articles }, (_, i) => i + 1)].map((number) => ({
    label: number === null ? null : `第${toChineseNumeral(number)}条`,
    number,
    commentCount: 0,
    topics: [],
    individual: [],
  }));
  for (let i = 0; i < topicCount; i++) {
    const g = groups[i % groups.length];
    g.commentCount += perTopic;
    g.topics.push({
      id: i + 1,
      label: `关键词${i}`,
      publicTitle: `第${i}项具体问题的处理`,
      size: perTopic,
      quotes: ["This rule is unfair to veterans and should be withdrawn immediately.", `建议对第${i}项问题作出更明确的规定，便于基层执行。`],
      decision: i % 3 === 0 ? "not_adopted" : "adopted",
      reason: "经研究，该项意见涉及的事项已由上位法作出规定，本办法不宜另作规定。".repeat(4),
      changeMade: i % 3 === 0 ? null : "相应修改了条文的表述。",
      overrides: {},
    });
    g.individual.push({ decision: "not_adopted", reason: `个别意见${i}的理由。`, changeMade: null, count: 1 });
  }
  return facts({
    commentCount: n,
    commenterCount: Math.round(n * 0.8),
    channels: [
      { channel: "web", count: n - 10 },
      { channel: "letter", count: 10 },
    ],
    campaigns: Array.from({ length: Math.round(n / 2) }, (_, i) => ({ size: 2, distinctSenders: 2, quote: `第${i}组意见的内容。` })),
    groups: groups.filter((g) => g.topics.length),
    dispositionCounts: { adopted: Math.round((n * 2) / 3), not_adopted: n - Math.round((n * 2) / 3) },
    undecided: { notPublished: 0, other: 0 },
  });
}

describe("draftSummary", () => {
  const text = draftSummary(facts());
  const paragraphs = text.split("\n\n");

  it("reads as the legal office reads it: overview, then by article, then general opinions, then the 落款", () => {
    expect(paragraphs[0]).toBe("关于《辽宁省退役军人就业创业促进办法（征求意见稿）》公开征求意见采纳情况的说明");
    const order = ["一、基本情况", "二、对具体条款的意见及采纳情况", "三、总体意见及采纳情况"].map((h) => paragraphs.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(paragraphs.slice(-2)).toEqual(["辽宁省退役军人事务厅", "2026年4月10日"]);
  });

  it("states the period, the channels, comments, commenters and counts by identity, and the overall answer", () => {
    expect(text).toContain(
      "2026年3月1日至2026年3月31日，辽宁省退役军人事务厅通过征求意见平台向社会公开征求对《辽宁省退役军人就业创业促进办法（征求意见稿）》的意见。"
    );
    expect(text).toContain("共收到意见43条，其中网上提交40条、电子邮件2条、信函1条，来自31位提出人。按提出人身份分，退役军人30条、企业8条、其他群众5条。");
    expect(text).toContain("有3条意见因含有个人信息、与征求内容无关等原因未在网上公开，仍计入意见总数");
    expect(text).toContain("经逐条研究，43条意见中，部分采纳13条，不采纳7条，已有规定8条。另有3条经审核未公开的意见未逐条答复。另有12条意见尚未作出处理。");
  });

  it("says 均为 when one channel brought every comment", () => {
    expect(draftSummary(facts({ channels: [{ channel: "web", count: 43 }] }))).toContain("共收到意见43条，均为网上提交，来自31位提出人。");
  });

  it("states campaigns transparently, without a stop doubled after the quote", () => {
    expect(text).toContain(
      "其中内容基本相同的意见12条（来自11位提出人），主要内容为“建议将年龄放宽至40周岁、学历放宽至高中（中专）”。这些意见均逐条计入意见总数"
    );
    const two = campaignStatement([
      { size: 12, distinctSenders: 11, quote: null },
      { size: 5, distinctSenders: 5, quote: "同意。" },
    ]);
    expect(two).toBe(
      "其中内容基本相同的意见17条，分为2组：第一组12条（来自11位提出人）；第二组5条（来自5位提出人），主要内容为“同意”。这些意见均逐条计入意见总数，按其内容一并研究。"
    );
    expect(campaignStatement([])).toBe("");
  });

  it("names topics by their approved titles only, with each answer and its reason once", () => {
    expect(text).toContain("（一）关于第十条");
    expect(text).toContain("共收到涉及本条的意见20条。");
    expect(text).toContain("1. 关于放宽年龄和学历条件的意见（15条）。");
    expect(text).toContain(
      "采纳情况：部分采纳。理由：学历条件按国家规定执行，年龄条件予以明确。修改情况：第十条增加“年龄可放宽至40周岁。”其中个别意见另行答复（不采纳2条）。"
    );
    expect(text).toContain("2. 关于考试加分的意见（5条）。采纳情况：不采纳。理由：加分政策由国家统一规定。");
    expect(text).toContain("此外，部分意见逐条作了答复：对2条个别意见，采纳情况：不采纳。理由：已在第十条中统筹考虑。");
    expect(text).toContain("1. 关于总体支持出台办法的意见（8条）。主要意见如：“支持出台本办法”。采纳情况：已有规定。说明：办法已作规定。");
    for (const working of ["没人管", "加分 考试", "支持 出台"]) expect(text).not.toContain(working);
    expect(text.split("加分政策由国家统一规定").length).toBe(2);
    expect(text.split("学历条件按国家规定执行").length).toBe(2);
  });

  it("marks a topic without an approved title instead of printing its working label", () => {
    const untitled = facts();
    untitled.groups[1].topics[0] = { ...untitled.groups[1].topics[0], publicTitle: null };
    const draft = draftSummary(untitled);
    expect(draft).toContain(`1. 关于${TITLE_PENDING}（主题2）】的意见（15条）`);
    expect(draft).not.toContain("没人管");
  });

  it("quotes at most two Chinese comments per topic, nested quotes made single, never one in another language or with personal data", () => {
    expect(text).toContain("主要意见如：“建议‘年龄放宽至40周岁’”；“第三条意见，不应引用”。");
    expect(text).not.toContain("13912345678");
    expect(text).not.toMatch(/Please|relax/);
    expect(detectPii(text)).toEqual([]);
  });

  it("writes 尚未作出处理 for a topic without an answer", () => {
    const undecided = facts();
    undecided.groups[1].topics[1] = { ...undecided.groups[1].topics[1], decision: null, reason: "" };
    expect(draftSummary(undecided)).toContain("2. 关于考试加分的意见（5条）。采纳情况：尚未作出处理。");
  });

  it("says when the general opinions' topics also hold comments on several articles, so that the counts add up", () => {
    const spread = facts();
    expect(draftSummary(spread)).not.toContain("未归入单一条款");
    spread.groups[0].topics[0] = { ...spread.groups[0].topics[0], size: 12 };
    expect(draftSummary(spread)).toContain("共收到未涉及具体条款的意见8条。以下各主题还包括涉及多个条款、未归入单一条款的意见。");
  });

  it("answers each opinion of a topic that holds several, with the comments each carries and those still open", () => {
    const several = facts();
    several.groups[1].topics[0] = {
      ...several.groups[1].topics[0],
      decision: null,
      opinions: [
        { title: "年龄放宽至40周岁", size: 9, decision: "adopted", reason: "", changeMade: "第十条增加一款" },
        { title: "学历放宽至高中", size: 4, decision: "not_adopted", reason: "学历条件按国家规定执行", changeMade: null },
      ],
      unanswered: 2,
    };
    const text = draftSummary(several);
    expect(text).toContain("关于“年龄放宽至40周岁”（9条），采纳情况：采纳。修改情况：第十条增加一款。");
    expect(text).toContain("关于“学历放宽至高中”（4条），采纳情况：不采纳。理由：学历条件按国家规定执行。");
    expect(text).toContain("其中2条尚未答复。");
  });

  it("gives a short, correct summary when no comment was received", () => {
    const none = draftSummary(
      facts({
        channels: [],
        commentCount: 0,
        commenterCount: 0,
        identities: [],
        notPublishedCount: 0,
        campaigns: [],
        groups: [],
        dispositionCounts: {},
        undecided: { notPublished: 0, other: 0 },
      })
    );
    expect(none).toBe(
      [
        "关于《辽宁省退役军人就业创业促进办法（征求意见稿）》公开征求意见采纳情况的说明",
        "一、基本情况",
        `2026年3月1日至2026年3月31日，辽宁省退役军人事务厅通过征求意见平台向社会公开征求对《辽宁省退役军人就业创业促进办法（征求意见稿）》的意见。${NO_COMMENTS}`,
        "辽宁省退役军人事务厅",
        "2026年4月10日",
      ].join("\n\n")
    );
  });

  it.each([2_500, 10_000])("stays within %i comments' bound of SUMMARY_BOUND characters and keeps its structure", (n) => {
    const draft = draftSummary(atVolume(n));
    expect(draft.length).toBeLessThanOrEqual(SUMMARY_BOUND);
    const parts = draft.split("\n\n");
    expect(parts.indexOf("二、对具体条款的意见及采纳情况")).toBeGreaterThan(parts.indexOf("一、基本情况"));
    expect(parts.indexOf("三、总体意见及采纳情况")).toBeGreaterThan(parts.indexOf("二、对具体条款的意见及采纳情况"));
    expect(parts.at(-2)).toBe("辽宁省退役军人事务厅");
    // Summarised by counts, with the largest opinions, and the rest pointed to.
    expect(draft).toContain(`共收到意见${n}条`);
    expect(draft).toMatch(/另有\d+条意见涉及其他\d+个问题/);
    expect(draft).toContain("详见意见登记表");
    // Numerals read naturally: no 第一千四百零六组, and groups beyond the largest three are counted.
    expect(draft).not.toMatch(/第[一二三四五六七八九十百千万]{3,}组/);
    expect(draft).toMatch(/其余\d+组共\d+条/);
    expect(draft).not.toMatch(/[。！？；][”’]。/);
    expect(draft).not.toMatch(/This rule/);
    expect(draft).not.toContain("关键词");
  });
});

describe("punctuation", () => {
  it("never leaves a stop after a quote that ends with one, nor a doubled stop", () => {
    expect(tidyPunctuation("主要内容为“同意。”。另外。。还有，。")).toBe("主要内容为“同意。”另外。还有。");
    expect(draftSummary(facts())).not.toMatch(/[。！？；][”’]。|。。|，。/);
  });
});

describe("publishableQuote", () => {
  it("drops a quote in which personal data is still detected", () => {
    expect(publishableQuote("请打 13912345678 联系我")).toBeNull();
    expect(publishableQuote("身份证 11010519491231002X")).toBeNull();
    expect(publishableQuote("邮箱 someone@example.com")).toBeNull();
    expect(publishableQuote("电话[手机号已隐去]，建议放宽年龄。")).toBe("电话[手机号已隐去]，建议放宽年龄");
    expect(publishableQuote("   ")).toBeNull();
    expect(publishableQuote("Please relax the age limit.")).toBeNull();
    expect(isChineseText("建议增加APP功能")).toBe(true);
  });

  it("cuts a long quote at a sentence end where it can", () => {
    const long = `${"建议增加培训补贴。".repeat(6)}${"很长".repeat(60)}`;
    const quote = publishableQuote(long)!;
    expect(quote.endsWith("补贴……")).toBe(true);
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
