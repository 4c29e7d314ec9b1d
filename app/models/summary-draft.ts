// Drafts 意见采纳情况说明 from the facts, in the form a government document takes: 一、基本情况,
// 二、主要意见及采纳情况, 三、采纳情况. Pure (no database, no clock), so the legality-review packet
// reuses it and tests read its output directly. The drafter edits the result before review.
import { DISPOSITIONS, type Disposition } from "~db/vocabulary";
import { toChineseNumeral } from "~/analysis/chinese-numerals";
import { formatDate } from "~/utils/dates";
import { CHANNEL_LABELS, DISPOSITION_LABELS } from "./comment-labels";
import { screenText } from "./publication-screen.server";
import type { DispositionCounts, SummaryArticleGroup, SummaryCampaign, SummaryData, SummaryTopic } from "./summary-types";

export type * from "./summary-types";

export const NO_COMMENTS = "征求意见期间，未收到意见。";
const QUOTES_PER_TOPIC = 2;
const QUOTE_MAX = 100;

/** Ends a clause with a full stop unless it already ends with punctuation. */
const sentence = (text: string) => (/[。！？；…]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);
const bookTitle = (title: string) => `《${title.trim().replace(/^《|》$/g, "")}》`;
const numbered = (n: number) => `（${toChineseNumeral(n)}）`;

/**
 * A quote fit for publication: published text only (the caller never passes an original), cut
 * to a readable length, with inner double quotes made single as Chinese nesting requires; null
 * when personal data is still detected in it, so that nothing personal reaches the summary.
 */
export function publishableQuote(text: string, max = QUOTE_MAX): string | null {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat || screenText(flat).length > 0) return null;
  let cut = flat;
  if (flat.length > max) {
    // At the last sentence end in reach, else the last pause, else where the length runs out.
    const head = flat.slice(0, max);
    const sentenceEnd = head.search(/[。！？；][^。！？；]*$/);
    const pause = head.search(/[，：、][^，：、]*$/);
    cut = sentenceEnd >= max / 2 ? head.slice(0, sentenceEnd + 1) : pause >= max / 2 ? head.slice(0, pause) : head;
    cut += "……";
  }
  return cut.replace(/“/g, "‘").replace(/”/g, "’").replace(/"/g, "'");
}

export const WITHHELD_LABEL = "相关问题";

/**
 * A topic's name as the public may read it. Names come from keywords of the original comments,
 * so one in which the publication screen finds anything is replaced rather than published; the
 * summary page tells staff which (withheldLabels).
 */
export function publicLabel(label: string): string {
  return screenText(label).length > 0 ? WITHHELD_LABEL : label;
}

/** The topics of the summary whose names are withheld from the public, with what was found. */
export function withheldLabels(data: Pick<SummaryData, "groups">): Array<{ label: string; found: ReturnType<typeof screenText> }> {
  const seen = new Set<string>();
  const out: Array<{ label: string; found: ReturnType<typeof screenText> }> = [];
  for (const t of data.groups.flatMap((g) => g.topics)) {
    const found = screenText(t.label);
    if (found.length && !seen.has(t.label)) out.push({ label: t.label, found });
    seen.add(t.label);
  }
  return out;
}

/** 采纳 3 条、不采纳 1 条 — the answers in DISPOSITIONS order, leaving out those with none. */
export function countsPhrase(counts: DispositionCounts): string {
  return DISPOSITIONS.filter((d) => (counts[d] ?? 0) > 0)
    .map((d) => `${DISPOSITION_LABELS[d]}${counts[d]}条`)
    .join("，");
}

function period(data: SummaryData): string {
  if (data.opensAt && data.closesAt) return `${formatDate(data.opensAt)}至${formatDate(data.closesAt)}`;
  return "征求意见期间";
}

function channelsPhrase(data: SummaryData): string {
  if (data.channels.length === 1) return `，均为${CHANNEL_LABELS[data.channels[0].channel]}`;
  return `，其中${data.channels.map((c) => `${CHANNEL_LABELS[c.channel]}${c.count}条`).join("、")}`;
}

/** Form letters are stated, never hidden: each group's size, senders and gist. */
export function campaignStatement(campaigns: SummaryCampaign[]): string {
  if (!campaigns.length) return "";
  const gist = (c: SummaryCampaign) => {
    const quote = c.quote ? publishableQuote(c.quote, 60) : null;
    return `${c.size}条（来自${c.distinctSenders}位提出人）${quote ? `，主要内容为“${quote}”` : ""}`;
  };
  const total = campaigns.reduce((n, c) => n + c.size, 0);
  const groups =
    campaigns.length === 1
      ? `其中内容基本相同的意见${gist(campaigns[0])}。`
      : `其中内容基本相同的意见${total}条，分为${campaigns.length}组：${campaigns
          .map((c, i) => `第${toChineseNumeral(i + 1)}组${gist(c)}`)
          .join("；")}。`;
  return `${groups}这些意见均逐条计入意见总数，按其内容一并研究。`;
}

function basicFacts(data: SummaryData): string[] {
  const opening = `${period(data)}，${data.department || "起草部门"}通过征求意见平台向社会公开征求对${bookTitle(data.title)}的意见。`;
  if (data.commentCount === 0) return [`${opening}${NO_COMMENTS}`];
  const paragraphs = [
    `${opening}征求意见期间，共收到意见${data.commentCount}条${channelsPhrase(data)}，来自${data.commenterCount}位提出人。${campaignStatement(data.campaigns)}`,
  ];
  if (data.notPublishedCount > 0) {
    paragraphs.push(`经审核，有${data.notPublishedCount}条意见因含有个人信息、与征求内容无关等原因未在网上公开，仍计入意见总数。`);
  }
  return paragraphs;
}

function answer(t: SummaryTopic): string {
  const open = t.unanswered ? `其中${t.unanswered}条尚未答复。` : "";
  if (t.opinions?.length) {
    return t.opinions
      .map((o) => `关于“${publicLabel(o.title)}”（${o.size}条）：${DISPOSITION_LABELS[o.decision]}。${o.reason.trim() ? `${sentence(o.reason)}` : ""}${o.changeMade?.trim() ? `修改情况：${sentence(o.changeMade)}` : ""}`)
      .join("")
      .concat(open);
  }
  if (!t.decision) return "处理情况：尚未作出处理。";
  const parts = [`处理情况：${DISPOSITION_LABELS[t.decision]}。`];
  const why: Record<Disposition, string> = { adopted: "说明", partly_adopted: "理由", not_adopted: "理由", already_provided: "说明", out_of_scope: "说明" };
  if (t.reason.trim()) parts.push(`${why[t.decision]}：${sentence(t.reason)}`);
  if (t.changeMade?.trim()) parts.push(`修改情况：${sentence(t.changeMade)}`);
  const overrides = countsPhrase(t.overrides);
  if (overrides) parts.push(`其中个别意见另行处理：${overrides}。`);
  if (open) parts.push(open);
  return parts.join("");
}

function topicParagraph(t: SummaryTopic, i: number): string {
  // Two quotes that open alike (a form letter twice) say one thing: keep the first.
  const quotes: string[] = [];
  for (const q of t.quotes) {
    const quote = publishableQuote(q);
    if (quote && quotes.length < QUOTES_PER_TOPIC && !quotes.some((x) => x.slice(0, 20) === quote.slice(0, 20))) quotes.push(quote);
  }
  const said = quotes.length ? `主要意见如：${quotes.map((q) => `“${q}”`).join("；")}。` : "";
  return `${i + 1}. 关于“${publicLabel(t.label)}”的意见（${t.size}条）。${said}${answer(t)}`;
}

function groupBlock(g: SummaryArticleGroup, i: number): string[] {
  const heading = g.label ? `${numbered(i + 1)}关于${g.label}` : `${numbered(i + 1)}总体意见`;
  const count = g.label ? `共收到涉及本条的意见${g.commentCount}条。` : `共收到未涉及具体条款的意见${g.commentCount}条。`;
  return [heading, count, ...g.topics.map(topicParagraph)];
}

function outcome(data: SummaryData): string[] {
  const counts = countsPhrase(data.dispositionCounts);
  const rest = [
    data.undecided.notPublished ? `另有${data.undecided.notPublished}条经审核未公开的意见未逐条答复。` : "",
    data.undecided.other ? `另有${data.undecided.other}条意见尚未作出处理。` : "",
  ].join("");
  const paragraphs = [`经研究，${data.commentCount}条意见中，${counts || "尚无已作出处理的意见"}。${rest}`];
  if (data.reasons.length) {
    paragraphs.push("对部分采纳和不采纳的意见，理由如下：");
    data.reasons.forEach((r, i) => paragraphs.push(`${i + 1}. ${r.subject}（${DISPOSITION_LABELS[r.decision]}）：${sentence(r.reason)}`));
  }
  return paragraphs;
}

/** The whole text, paragraphs separated by blank lines. */
export function draftSummary(data: SummaryData): string {
  const lines = [`关于${bookTitle(data.title)}公开征求意见采纳情况的说明`, "一、基本情况", ...basicFacts(data)];
  if (data.commentCount > 0) {
    lines.push("二、主要意见及采纳情况");
    if (data.groups.length) data.groups.forEach((g, i) => lines.push(...groupBlock(g, i)));
    else lines.push("意见尚未按主题归纳，请运行意见分析并逐一处理后重新生成。");
    lines.push("三、采纳情况", ...outcome(data));
  }
  return lines.join("\n\n");
}
