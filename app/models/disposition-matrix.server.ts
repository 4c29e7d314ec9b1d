// What the disposition matrix (意见处理表) shows: each topic of the latest analysis with its
// answer, a few representative comments and the comments that may be answered on their own.
// Staff see redacted text here too: the matrix is shown to reviewers and the legal office, and
// the quotes it offers end up in the public summary.
import { inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentArticles, users } from "~db/schema";
import type { Disposition } from "~db/vocabulary";
import { detectPii, redact } from "~/analysis/pii";
import { latestArticles } from "./article-numbers.server";
import { currentTopics, dispositionsOf, overridesPerTopic, type DispositionRow } from "./dispositions.server";

/** Comments listed under a topic before "show all"; comments answered on their own come first. */
export const COMMENTS_PER_TOPIC = 50;
const EXCERPT = 240;

export interface DispositionView {
  decision: Disposition;
  reason: string;
  articleIdentityId: number | null;
  articleLabel: string | null;
  changeMade: string | null;
  decidedBy: string;
  at: Date;
}

export interface MatrixComment {
  id: number;
  receiptNo: string;
  text: string;
  articles: string[];
  own: DispositionView | null;
}

export interface MatrixTopic {
  id: number;
  label: string;
  keywords: string[];
  size: number;
  noSubstance: boolean;
  quotes: Array<{ id: number; text: string }>;
  disposition: DispositionView | null;
  overrideCount: number;
  comments: MatrixComment[];
  decided: boolean;
}

/** The text staff may quote: as published, else as the detector would redact it. */
export function redactedText(c: { publishedBody: string | null; body: string }): string {
  return c.publishedBody ?? redact(c.body, detectPii(c.body));
}

const excerpt = (text: string, max = EXCERPT) => (text.length > max ? `${text.slice(0, max)}……` : text);

type CommentRow = { id: number; receiptNo: string; publishedBody: string | null; body: string; topicId: number };

export function dispositionMatrix(db: Db, consultationId: number, options: { expand?: number | null } = {}) {
  const articles = latestArticles(db, consultationId);
  const labelOf = new Map(articles.map((a) => [a.identityId, a.label]));
  const names = new Map(db.select({ id: users.id, name: users.displayName }).from(users).all().map((u) => [u.id, u.name]));
  const view = (d: DispositionRow | undefined): DispositionView | null =>
    d
      ? {
          decision: d.decision,
          reason: d.reason,
          articleIdentityId: d.articleIdentityId,
          articleLabel: d.articleIdentityId ? labelOf.get(d.articleIdentityId) ?? null : null,
          changeMade: d.changeMade,
          decidedBy: names.get(d.decidedBy) ?? "",
          at: d.updatedAt ?? d.createdAt,
        }
      : null;

  const rows = dispositionsOf(db, consultationId);
  const byTopic = new Map(rows.flatMap((d) => (d.topicId ? [[d.topicId, d] as const] : [])));
  const byComment = new Map(rows.flatMap((d) => (d.commentId ? [[d.commentId, d] as const] : [])));

  const listed = db.$client
    .prepare(
      `SELECT id, receiptNo, publishedBody, body, topicId FROM (
         SELECT c.id, c.receipt_no AS receiptNo, c.published_body AS publishedBody, c.body, ca.topic_id AS topicId,
                row_number() OVER (PARTITION BY ca.topic_id ORDER BY (d.id IS NULL), c.received_at, c.id) AS rn
         FROM comment_analysis ca JOIN comments c ON c.id = ca.comment_id
         LEFT JOIN dispositions d ON d.comment_id = c.id
         WHERE c.consultation_id = ? AND ca.topic_id IS NOT NULL)
       WHERE rn <= ? OR topicId = ? ORDER BY topicId, rn`,
    )
    .all(consultationId, COMMENTS_PER_TOPIC, options.expand ?? -1) as CommentRow[];
  const links = listed.length
    ? db.select().from(commentArticles).where(inArray(commentArticles.commentId, listed.map((c) => c.id))).all()
    : [];
  const articlesOf = new Map<number, string[]>();
  for (const l of links) {
    const label = labelOf.get(l.articleIdentityId);
    if (label) articlesOf.set(l.commentId, [...(articlesOf.get(l.commentId) ?? []), label]);
  }
  const commentsOf = new Map<number, MatrixComment[]>();
  for (const c of listed) {
    const item = { id: c.id, receiptNo: c.receiptNo, text: excerpt(redactedText(c)), articles: articlesOf.get(c.id) ?? [], own: view(byComment.get(c.id)) };
    commentsOf.set(c.topicId, [...(commentsOf.get(c.topicId) ?? []), item]);
  }

  const overrideCounts = overridesPerTopic(db, consultationId);
  const current = currentTopics(db, consultationId);
  const quoteRows = quotesFor(db, current.flatMap((t) => t.representativeIds.slice(0, 2)));
  const topics: MatrixTopic[] = current.map((t) => {
    const overrideCount = overrideCounts.get(t.id) ?? 0;
    return {
      id: t.id,
      label: t.label,
      keywords: t.keywords,
      size: t.size,
      noSubstance: t.noSubstance,
      quotes: t.representativeIds.slice(0, 2).flatMap((id) => (quoteRows.has(id) ? [{ id, text: quoteRows.get(id)! }] : [])),
      disposition: view(byTopic.get(t.id)),
      overrideCount,
      comments: commentsOf.get(t.id) ?? [],
      decided: byTopic.has(t.id) || overrideCount >= t.size,
    };
  });
  const lastRun = db.$client
    .prepare(`SELECT max(finished_at) AS at FROM analysis_runs WHERE consultation_id = ? AND status = 'done'`)
    .get(consultationId) as { at: number | null };
  return {
    topics,
    articles: articles.map((a) => ({ identityId: a.identityId, label: a.label })),
    decided: topics.filter((t) => t.decided).length,
    lastRunAt: lastRun.at ? new Date(lastRun.at) : null,
  };
}
export type Matrix = ReturnType<typeof dispositionMatrix>;

function quotesFor(db: Db, ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = db.$client
    .prepare(`SELECT id, published_body AS publishedBody, body FROM comments WHERE id IN (${ids.map(() => "?").join(",")})`)
    .all(...ids) as Array<{ id: number; publishedBody: string | null; body: string }>;
  return new Map(rows.map((r) => [r.id, excerpt(redactedText(r), 160)]));
}
