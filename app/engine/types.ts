import type { PiiKind } from "./pii";
import type { Stance } from "./stance";

/**
 * The engine's input and output. Output field names are snake_case because they are also the command-line
 * contract (docs/analysis.md) that other tools read.
 */

export interface AnalysisComment {
  id: string;
  text: string;
  /** who sent it (name, email or account), to count distinct senders of a campaign; null when unknown */
  sender?: string | null;
}

export interface AnalysisInput {
  comments: AnalysisComment[];
  /** the draft as text (第X条 lines, optionally under 第X章 headings); enables article inference and draft terms */
  draft?: string | null;
  /** the texts are already space-separated words (skip segmentation) */
  pretokenized?: boolean;
  staffEdits?: StaffEdits;
  /** what staff said about the articles of earlier comments: links they set or confirmed, links they rejected */
  articleCorrections?: ArticleCorrections;
  /** seed for every random choice; the same input and seed give the same result */
  seed?: number;
}

/**
 * What staff changed on the previous run, expressed in comment ids so it survives re-runs in which topics are
 * numbered afresh. Every edit becomes a staff topic:
 * - rename a topic: a staff topic with the topic's comments and the new label;
 * - merge topics: one staff topic with the comments of all of them;
 * - split a topic: one staff topic per part;
 * - move a comment: list it in the target staff topic (it leaves any other);
 * - make a comment its own topic: a staff topic with just that comment.
 * The comments listed stay where staff put them. New comments join a staff topic when it is the closest topic.
 */
export interface StaffEdits {
  topics: StaffTopic[];
}

/**
 * Staff corrections of article links, in comment ids. `confirmed`: the articles staff set or confirmed for a
 * comment; they are the comment's articles, and the comment's words teach the next run that article's
 * vocabulary. `rejected`: articles staff said a comment is not about; they are never inferred for it again.
 */
export interface ArticleCorrections {
  confirmed: { comment_id: string; articles: number[] }[];
  rejected: { comment_id: string; articles: number[] }[];
}

export interface StaffTopic {
  /** a stable key chosen by the caller; it becomes the topic's id in the result */
  key: string;
  /** the name staff gave; when absent the label is made from the keywords as for any topic */
  label?: string | null;
  comment_ids: string[];
}

export interface TopicResult {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  comment_ids: string[];
  representative_ids: string[];
  /**
   * machine: found by clustering; staff: defined by staff edits; no_substance: comments with nothing to group by;
   * other: comments that share no words with any topic
   */
  kind: "machine" | "staff" | "no_substance" | "other";
  /** distinct known senders among the topic's comments (sender-share.ts) */
  distinct_senders: number;
  /** how many of the topic's comments its most frequent sender wrote */
  largest_sender_comments: number;
  /** one sender wrote at least half of a topic of 10 or more comments (docs/analysis.md) */
  dominated_by_one_sender: boolean;
  /** the theme (ThemeResult.id) the topic belongs to; null for no_substance and other */
  theme?: string | null;
  /** the topic's distinct arguments, extractive and redacted, each citing its comments (topic-summary.ts) */
  summary?: TopicSummarySentence[];
}

/**
 * One sentence of a topic's cited summary (app/engine/topic-summary.ts): the argument as the comments put it
 * (extractive, redacted), how many comments make it (a campaign counts once, its size stated apart) and the
 * ids of the comments it rests on, which the workspace shows as receipt numbers.
 */
export interface TopicSummarySentence {
  text: string;
  /** distinct voices: comments outside any campaign, plus one per campaign */
  count: number;
  /** letters of campaigns counted in `count` (each campaign once) */
  campaign_letters: number;
  /** the comments that make the argument, a campaign by one letter, in input order: at most 20 (`count` gives all) */
  comment_ids: string[];
  /**
   * Set when an endpoint the department runs rephrased `text` (app/features/analysis/summary-rephrase.server.ts):
   * the extractive sentence it was given, which staff can compare with it. Absent for the extractive summary.
   */
  extractive_text?: string;
}

/** A coarser group of topics (themes.ts): a handful per consultation, for the overview and the summary's structure. */
export interface ThemeResult {
  id: string;
  label: string;
  topic_ids: string[];
  size: number;
}

export interface CampaignResult {
  id: string;
  size: number;
  distinct_senders: number;
  comment_ids: string[];
  representative_id: string;
  /** the wordings joined under the template (the first is the template's own): paraphrases and variants */
  variants: { representative_id: string; size: number }[];
}

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

export interface CommentResult {
  id: string;
  topic: string | null;
  campaign: string | null;
  /** 个人补充内容: the letter's sentences not in its campaign's template (absent when none) */
  campaign_additions?: string[];
  /** articles the comment names (第五条, Article 5, 第二章 …) */
  articles: number[];
  /** the draft article the comment most likely concerns, where it names none; empty when not confident */
  articles_inferred: number[];
  /** how sure each inferred link is (0–1), in the order of `articles_inferred` */
  articles_inferred_confidence?: number[];
  /** offsets are UTF-16 code units in the original text */
  pii: PiiSpan[];
  stance: Stance;
  /** the stance towards each article the comment names, read from the clauses that name it (stance.ts) */
  article_stances: Record<number, Stance>;
  keywords: string[];
  /**
   * no comment received before it in its topic makes a similar argument (new-arguments.ts); false for comments
   * without substance or that share no words with the model
   */
  new_argument: boolean;
}

export interface AnalysisResult {
  /** fewer comments than topics need (topics.ts MIN_COMMENTS_FOR_TOPICS): no machine topics were made */
  too_few_for_topics?: boolean;
  topics: TopicResult[];
  /** coarser groups of the topics (absent when there are too few topics to group) */
  themes?: ThemeResult[];
  campaigns: CampaignResult[];
  comments: CommentResult[];
}

export type AnalysisStage = "prepare" | "comments" | "campaigns" | "topics" | "labels" | "done";

export interface AnalysisProgress {
  stage: AnalysisStage;
  done: number;
  total: number;
}
