// The facts 意见采纳情况说明 is drafted from: plain data, no database, so that the summary, the
// legality-review packet and the public feedback page can all be built from one gathering
// (app/features/responses/summary.server.ts) and tested without one.
import type { Channel, Disposition } from "~db/vocabulary";

export type DispositionCounts = Partial<Record<Disposition, number>>;

export interface SummaryTopic {
  id: number;
  /** The working label: staff may read it, the public never does (topic-titles.ts). */
  label: string;
  /** The title staff approved for publication; the only name of the topic a summary may print. */
  publicTitle: string | null;
  /** Comments in the topic. */
  size: number;
  /**
   * Candidate quotes: the published (redacted) text of public comments, representative ones
   * first. The drafter keeps at most two and drops any in which personal data is still detected.
   */
  quotes: string[];
  decision: Disposition | null;
  reason: string;
  changeMade: string | null;
  /** Comments of the topic answered on their own, by their answer. */
  overrides: DispositionCounts;
  /**
   * Where the topic holds several opinions (意见要点), each with the comments it answers; then
   * `decision` is null, for no one answer applies to the whole topic.
   */
  opinions?: Array<{ title: string; size: number; decision: Disposition; reason: string; changeMade: string | null }>;
  /** Comments of the topic that carry no answer yet. */
  unanswered?: number;
}

export interface SummaryArticleGroup {
  /** 第十条, or null for comments on the draft as a whole (总体意见). */
  label: string | null;
  /** The article's number in the latest version; null for 总体意见. */
  number: number | null;
  /** Comments that name this article (for 总体意见: that name none). */
  commentCount: number;
  topics: SummaryTopic[];
  /**
   * Comments on this article answered on their own, one entry per distinct answer. The seam for
   * per-comment answers: whatever answers single comments is grouped here (summary.server.ts,
   * groupByArticle) and the drafter prints it under the article, once.
   */
  individual: SummaryIndividualAnswer[];
}

export interface SummaryIndividualAnswer {
  decision: Disposition;
  reason: string;
  changeMade: string | null;
  /** Comments that received this very answer. */
  count: number;
}

export interface SummaryCampaign {
  size: number;
  distinctSenders: number;
  /** The published text of its representative comment, when public. */
  quote: string | null;
}

export interface SummaryData {
  title: string;
  /** Who consulted, e.g. 辽宁省退役军人事务厅. */
  department: string;
  opensAt: Date | null;
  closesAt: Date | null;
  /** Channels with at least one comment, most used first. */
  channels: Array<{ channel: Channel; count: number }>;
  commentCount: number;
  commenterCount: number;
  /** Comments per identity category (退役军人, 企业 …), most first. */
  identities: Array<{ label: string; count: number }>;
  /** Comments not published after moderation; they still count and are still studied. */
  notPublishedCount: number;
  campaigns: SummaryCampaign[];
  /** 总体意见 first, then by article number; only groups holding a topic or an individual answer. */
  groups: SummaryArticleGroup[];
  /** Every comment by the answer that applies to it (its own, else its topic's). */
  dispositionCounts: DispositionCounts;
  /** Comments no answer applies to, split by whether moderation withheld them. */
  undecided: { notPublished: number; other: number };
  /** The day the text is drafted, printed under the department's name (落款). */
  draftedAt: Date;
  /** Comments per article of the latest version, for the public page's chart. */
  articleCounts: Array<{ number: number; label: string; count: number }>;
}
