// Drafts 意见采纳情况说明 from the facts, in the order the legal office reads it: 基本情况 (period,
// channels, counts by identity, the overall answer), then the opinions article by article, then the
// general opinions, each with what was adopted and why not otherwise, and the 落款. Pure (no
// database, no clock), so the legality-review packet reuses it and tests read its output directly.
// Whatever the volume, the text stays within SUMMARY_BOUND characters: at volume it summarises by
// counts and the largest opinions, and says where the rest is (the register).
import { DISPOSITIONS, type Disposition } from "~db/vocabulary";
import { toChineseNumeral } from "~/engine/chinese-numerals";
import { formatDate } from "~/platform/dates";
import { CHANNEL_LABELS, DISPOSITION_LABELS } from "~/features/comments";
import { screenText } from "~/features/comments/index.server";
import type { DispositionCounts, SummaryArticleGroup, SummaryCampaign, SummaryData, SummaryTopic } from "./summary-types";
import { publishedTopicTitle } from "~/features/analysis";

export type * from "./summary-types";

export const NO_COMMENTS = "征求意见期间，未收到意见。";
/** The most characters a drafted summary has, however many comments there were. */
export const SUMMARY_BOUND = 6000;
/** Stands where a topic without an approved title would be named; approval is refused while it remains. */
export const TITLE_PENDING = "【主题标题待审定";
const QUOTE_MAX = 100;

/** How much detail a draft carries; the drafter takes the first level whose text fits the bound. */
interface Detail {
  articles: number;
  topics: number;
  quotes: number;
  textMax: number;
  individual: number;
}
const LEVELS: Detail[] = [
  { articles: Infinity, topics: Infinity, quotes: 2, textMax: Infinity, individual: Infinity },
  { articles: 20, topics: 4, quotes: 1, textMax: 300, individual: 3 },
  { articles: 12, topics: 3, quotes: 1, textMax: 160, individual: 2 },
  { articles: 8, topics: 2, quotes: 0, textMax: 100, individual: 1 },
  { articles: 5, topics: 1, quotes: 0, textMax: 60, individual: 0 },
  { articles: 3, topics: 1, quotes: 0, textMax: 40, individual: 0 },
];

const CLOSERS = "[”’」』）)]*";
const ENDED = new RegExp(`[。！？；…]${CLOSERS}$`);
/** Ends a clause with a full stop unless it already ends with one (inside closing quotes too). */
const sentence = (text: string) => (ENDED.test(text.trim()) ? text.trim() : `${text.trim()}。`);
const bookTitle = (title: string) => `《${title.trim().replace(/^《|》$/g, "")}》`;
const numbered = (n: number) => `（${toChineseNumeral(n)}）`;

/** Staff text cut to `max` characters at a sentence end or pause where one is in reach. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max);
  const end = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"));
  if (end >= max / 2) return head.slice(0, end + 1);
  const pause = Math.max(head.lastIndexOf("，"), head.lastIndexOf("、"));
  return `${pause >= max / 2 ? head.slice(0, pause) : head}……`;
}

/**
 * Whether a text is written in Chinese: at least half its letters are Han characters. A comment in
 * another language is never quoted verbatim in a Chinese government document.
 */
export function isChineseText(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han * 2 >= letters;
}

/**
 * A quote fit for publication: published text only (the caller never passes an original), in
 * Chinese, cut to a readable length, with inner double quotes made single as Chinese nesting
 * requires; null when personal data is still detected in it, so that nothing personal reaches the
 * summary. A full stop at its end is left to the sentence that quotes it.
 */
export function publishableQuote(text: string, max = QUOTE_MAX): string | null {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat || !isChineseText(flat) || screenText(flat).length > 0) return null;
  let cut = flat;
  if (flat.length > max) {
    // At the last sentence end in reach, else the last pause, else where the length runs out.
    const head = flat.slice(0, max);
    const sentenceEnd = head.search(/[。！？；][^。！？；]*$/);
    const pause = head.search(/[，：、][^，：、]*$/);
    cut = sentenceEnd >= max / 2 ? head.slice(0, sentenceEnd) : pause >= max / 2 ? head.slice(0, pause) : head;
    cut += "……";
  }
  return cut
    .replace(/[。；，、：\s]+$/, "")
    .replace(/“/g, "‘")
    .replace(/”/g, "’")
    .replace(/"/g, "'");
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
export function withheldLabels(data: Pick<SummaryData, "groups">): Array<{ label: string; found: Awaited<ReturnType<typeof screenText>> }> {
  const seen = new Set<string>();
  const out: Array<{ label: string; found: Awaited<ReturnType<typeof screenText>> }> = [];
  for (const t of data.groups.flatMap((g) => g.topics)) {
    const found = screenText(t.label);
    if (found.length && !seen.has(t.label)) out.push({ label: t.label, found });
    seen.add(t.label);
  }
  return out;
}

/** What a topic is called in the summary: its approved title, else a marker that blocks approval. */
export function topicSubject(t: Pick<SummaryTopic, "id" | "label" | "publicTitle">): string {
  const title = publishedTopicTitle(t);
  if (!title) return `关于${TITLE_PENDING}（主题${t.id}）】的意见`;
  const bare = title
    .replace(/^关于/, "")
    .replace(/的(意见|建议)$/, "")
    .replace(/^[“"《]|[”"》]$/g, "");
  return `关于${publicLabel(bare)}的意见`;
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

const IDENTITIES_SHOWN = 6;
function identitiesPhrase(data: SummaryData): string {
  const shown = data.identities.slice(0, IDENTITIES_SHOWN);
  if (!shown.length) return "";
  const rest = data.identities.slice(IDENTITIES_SHOWN).reduce((n, i) => n + i.count, 0);
  const parts = shown.map((i) => `${clip(i.label, 12)}${i.count}条`);
  if (rest) parts.push(`其他身份${rest}条`);
  return `按提出人身份分，${parts.join("、")}。`;
}

const CAMPAIGNS_SHOWN = 3;
/** Form letters are stated, never hidden: the largest groups' size, senders and gist, then the rest in one count. */
export function campaignStatement(campaigns: SummaryCampaign[]): string {
  if (!campaigns.length) return "";
  const gist = (c: SummaryCampaign) => {
    const quote = c.quote ? publishableQuote(c.quote, 60) : null;
    return `${c.size}条（来自${c.distinctSenders}位提出人）${quote ? `，主要内容为“${quote}”` : ""}`;
  };
  const total = campaigns.reduce((n, c) => n + c.size, 0);
  const shown = campaigns.slice(0, CAMPAIGNS_SHOWN);
  const rest = campaigns.slice(CAMPAIGNS_SHOWN);
  const restSize = rest.reduce((n, c) => n + c.size, 0);
  const groups =
    campaigns.length === 1
      ? `其中内容基本相同的意见${gist(campaigns[0])}。`
      : `其中内容基本相同的意见${total}条，分为${campaigns.length}组：${shown
          .map((c, i) => `${rest.length ? `人数较多的第${toChineseNumeral(i + 1)}组` : `第${toChineseNumeral(i + 1)}组`}${gist(c)}`)
          .join("；")}${rest.length ? `；其余${rest.length}组共${restSize}条` : ""}。`;
  return `${groups}这些意见均逐条计入意见总数，按其内容一并研究。`;
}

function overview(data: SummaryData): string[] {
  const opening = `${period(data)}，${data.department || "起草部门"}通过征求意见平台向社会公开征求对${bookTitle(data.title)}的意见。`;
  if (data.commentCount === 0) return [`${opening}${NO_COMMENTS}`];
  const paragraphs = [
    `${opening}征求意见期间，共收到意见${data.commentCount}条${channelsPhrase(data)}，来自${data.commenterCount}位提出人。${identitiesPhrase(
      data
    )}${campaignStatement(data.campaigns)}`,
  ];
  if (data.notPublishedCount > 0) {
    paragraphs.push(`经审核，有${data.notPublishedCount}条意见因含有个人信息、与征求内容无关等原因未在网上公开，仍计入意见总数，一并研究。`);
  }
  const counts = countsPhrase(data.dispositionCounts);
  const rest = [
    data.undecided.notPublished ? `另有${data.undecided.notPublished}条经审核未公开的意见未逐条答复。` : "",
    data.undecided.other ? `另有${data.undecided.other}条意见尚未作出处理。` : "",
  ].join("");
  paragraphs.push(`经逐条研究，${data.commentCount}条意见中，${counts || "尚无已作出处理的意见"}。${rest}`);
  return paragraphs;
}

function answer(t: Pick<SummaryTopic, "decision" | "reason" | "changeMade">, d: Detail): string {
  if (!t.decision) return "采纳情况：尚未作出处理。";
  const parts = [`采纳情况：${DISPOSITION_LABELS[t.decision]}。`];
  const why: Record<Disposition, string> = { adopted: "说明", partly_adopted: "理由", not_adopted: "理由", already_provided: "说明", out_of_scope: "说明" };
  if (t.reason.trim()) parts.push(`${why[t.decision]}：${sentence(clip(t.reason, d.textMax))}`);
  if (t.changeMade?.trim()) parts.push(`修改情况：${sentence(clip(t.changeMade, d.textMax))}`);
  return parts.join("");
}

/** A topic holding several opinions (意见要点) answers each with the comments it carries. */
function opinionsAnswer(t: SummaryTopic, d: Detail): string {
  const open = t.unanswered ? `其中${t.unanswered}条尚未答复。` : "";
  const shown = (t.opinions ?? []).slice(0, Math.max(d.topics, 1));
  const hidden = (t.opinions ?? []).slice(shown.length).reduce((n, o) => n + o.size, 0);
  const lines = shown.map((o) => `关于“${publicLabel(clip(o.title, 40))}”（${o.size}条），${answer(o, d)}`);
  if (hidden) lines.push(`另有${hidden}条意见的答复详见意见登记表。`);
  return lines.join("") + open;
}

function topicParagraph(t: SummaryTopic, i: number, d: Detail): string {
  // Two quotes that open alike (a form letter twice) say one thing: keep the first.
  const quotes: string[] = [];
  for (const q of t.quotes) {
    if (quotes.length >= d.quotes) break;
    const quote = publishableQuote(q);
    if (quote && !quotes.some((x) => x.slice(0, 20) === quote.slice(0, 20))) quotes.push(quote);
  }
  const said = quotes.length ? `主要意见如：${quotes.map((q) => `“${q}”`).join("；")}。` : "";
  const overrides = countsPhrase(t.overrides);
  const own = overrides ? `其中个别意见另行答复（${overrides}）。` : "";
  const open = t.unanswered && !t.opinions?.length ? `其中${t.unanswered}条尚未答复。` : "";
  const answered = t.opinions?.length ? opinionsAnswer(t, d) : `${answer(t, d)}${own}${open}`;
  return `${i + 1}. ${topicSubject(t)}（${t.size}条）。${said}${answered}`;
}

function individualParagraphs(g: SummaryArticleGroup, d: Detail): string[] {
  if (!g.individual.length) return [];
  const shown = g.individual.slice(0, d.individual);
  const hidden = g.individual.slice(d.individual).reduce((n, a) => n + a.count, 0);
  const lines = shown.map((a) => `对${a.count}条个别意见，${answer(a, d)}`);
  if (hidden) lines.push(`另有${hidden}条个别意见另行答复，理由详见意见登记表。`);
  return [`此外，部分意见逐条作了答复：${lines.join("")}`];
}

function groupBlock(g: SummaryArticleGroup, i: number, d: Detail): string[] {
  const heading = g.label ? `${numbered(i + 1)}关于${g.label}` : `${numbered(i + 1)}总体意见`;
  const topics = [...g.topics].sort((a, b) => b.size - a.size);
  const shown = topics.slice(0, d.topics);
  const hidden = topics.slice(d.topics);
  const count = g.label ? `共收到涉及本条的意见${g.commentCount}条。` : `共收到未涉及具体条款的意见${g.commentCount}条。`;
  // Topics land here when no one article holds half their comments: say so, or the counts seem not to add up.
  const spread = !g.label && g.topics.reduce((n, t) => n + t.size, 0) > g.commentCount ? "以下各主题还包括涉及多个条款、未归入单一条款的意见。" : "";
  const lines = [heading, count + spread, ...shown.map((t, j) => topicParagraph(t, j, d))];
  if (hidden.length) {
    const counts: DispositionCounts = {};
    let undecided = 0;
    for (const t of hidden) {
      if (t.opinions?.length) {
        for (const o of t.opinions) counts[o.decision] = (counts[o.decision] ?? 0) + o.size;
        undecided += t.unanswered ?? 0;
      } else if (t.decision) counts[t.decision] = (counts[t.decision] ?? 0) + t.size;
      else undecided += t.size;
    }
    const size = hidden.reduce((n, t) => n + t.size, 0);
    const how = [countsPhrase(counts), undecided ? `尚未处理${undecided}条` : ""].filter(Boolean).join("，");
    lines.push(`另有${size}条意见涉及其他${hidden.length}个问题，${how}，处理情况及理由详见意见登记表。`);
  }
  return [...lines, ...individualParagraphs(g, d)];
}

function articleSection(groups: SummaryArticleGroup[], d: Detail): string[] {
  // At volume the articles with most comments are set out, in article order; the rest are counted.
  const chosen = new Set([...groups].sort((a, b) => b.commentCount - a.commentCount).slice(0, d.articles));
  const shown = groups.filter((g) => chosen.has(g));
  const hidden = groups.filter((g) => !chosen.has(g));
  const lines = shown.flatMap((g, i) => groupBlock(g, i, d));
  if (hidden.length) {
    const names = hidden
      .slice(0, 3)
      .map((g) => g.label)
      .join("、");
    const size = hidden.reduce((n, g) => n + g.commentCount, 0);
    lines.push(`此外，${names}${hidden.length > 3 ? "等" : ""}${hidden.length}个条款共收到意见${size}条，均已逐条研究，处理情况及理由详见意见登记表。`);
  }
  return lines;
}

/** Tidies the joins of generated clauses: no "。”。", no doubled or stacked stops. */
export function tidyPunctuation(text: string): string {
  return text
    .replace(/([。！？；])([”’」』]+)。/g, "$1$2")
    .replace(/[，；、]+。/g, "。")
    .replace(/。{2,}/g, "。");
}

function compose(data: SummaryData, d: Detail): string {
  const lines = [`关于${bookTitle(data.title)}公开征求意见采纳情况的说明`];
  let part = 0;
  const section = (title: string) => `${toChineseNumeral(++part)}、${title}`;
  lines.push(section("基本情况"), ...overview(data));
  if (data.commentCount > 0) {
    const articles = data.groups.filter((g) => g.number !== null);
    const general = data.groups.find((g) => g.number === null);
    if (!data.groups.length) lines.push("意见尚未按主题归纳，请运行意见分析并逐一处理后重新生成。");
    if (articles.length) lines.push(section("对具体条款的意见及采纳情况"), ...articleSection(articles, d));
    if (general) lines.push(section("总体意见及采纳情况"), ...groupBlock(general, 0, d).slice(1));
  }
  lines.push(data.department || "起草部门", formatDate(data.draftedAt));
  return tidyPunctuation(lines.join("\n\n"));
}

/** The whole text, paragraphs separated by blank lines, at most SUMMARY_BOUND characters where the facts allow. */
export function draftSummary(data: SummaryData): string {
  let text = "";
  for (const level of LEVELS) {
    text = compose(data, level);
    if (text.length <= SUMMARY_BOUND) return text;
  }
  return text;
}
