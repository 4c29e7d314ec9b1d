// What the disposition matrix (意见处理表) shows: each topic of the latest analysis with its public
// title, its opinions (意见要点) and their answers, a few representative comments, and its comments
// with the answer each one carries (its own, its opinion's, or its first copy's for a 重复提交).
// Staff see redacted text here too: the matrix is shown to reviewers and the legal office, and
// the quotes it offers end up in the public summary.
import { inArray } from "drizzle-orm";
import { raw, type Db } from "~db/client.server";
import { commentArticles, users } from "~db/schema";
import type { Disposition } from "~db/vocabulary";
import { detectPii, redact } from "~/engine/pii";
import { latestArticles } from "~/features/consultations/index.server";
import { answersByComment } from "./comment-answers.server";
import { answeredPerTopic, currentTopics, dispositionsOf, overridesPerTopic, type DispositionRow } from "./dispositions.server";
import { publishedTopicTitle } from "~/features/analysis";
import { proposedPublicTitle } from "~/features/analysis/index.server";

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
  /** The opinion that lists the comment, if any (its own answer still wins). */
  opinionId: number | null;
  /** For a 重复提交: the receipt number of the first copy, whose answer applies. */
  duplicateOf: string | null;
  answered: boolean;
}

export interface MatrixOpinion extends DispositionView {
  id: number;
  title: string;
  memberCount: number;
}

export interface MatrixTopic {
  id: number;
  label: string;
  publicTitle: string | null;
  proposedTitle: string;
  keywords: string[];
  size: number;
  noSubstance: boolean;
  quotes: Array<{ id: number; text: string }>;
  opinions: MatrixOpinion[];
  overrideCount: number;
  answeredCount: number;
  comments: MatrixComment[];
  decided: boolean;
}

/** The text staff may quote: as published, else as the detector would redact it. */
export function redactedText(c: { publishedBody: string | null; body: string }): string {
  return c.publishedBody ?? redact(c.body, detectPii(c.body));
}

const excerpt = (text: string, max = EXCERPT) => (text.length > max ? `${text.slice(0, max)}……` : text);

type CommentRow = { id: number; receiptNo: string; publishedBody: string | null; body: string; topicId: number; opinionId: number | null };

const receiptOf = async (db: Db, id: number) => ((await raw(db).value(`SELECT receipt_no FROM comments WHERE id = ?`, id)) as string | undefined) ?? null;

export async function dispositionMatrix(db: Db, consultationId: number, options: { expand?: number | null } = {}) {
  const articles = await latestArticles(db, consultationId);
  const labelOf = new Map(articles.map((a) => [a.identityId, a.label]));
  const names = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
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

  const rows = await dispositionsOf(db, consultationId);
  const opinionsOf = new Map<number, DispositionRow[]>();
  for (const d of rows) if (d.topicId) opinionsOf.set(d.topicId, [...(opinionsOf.get(d.topicId) ?? []), d]);
  const byComment = new Map(rows.flatMap((d) => (d.commentId ? [[d.commentId, d] as const] : [])));
  const memberCounts = new Map(
    (
      (await raw(db).all(
        `SELECT oc.disposition_id AS id, count(*) AS n FROM opinion_comments oc JOIN dispositions d ON d.id = oc.disposition_id
         WHERE d.consultation_id = ? GROUP BY oc.disposition_id`,
        consultationId
      )) as Array<{ id: number; n: number }>
    ).map((r) => [r.id, r.n])
  );
  const answers = await answersByComment(db, consultationId);

  const listed = (await raw(db).all(
    `SELECT id, "receiptNo", "publishedBody", body, "topicId", "opinionId" FROM (
         SELECT c.id, c.receipt_no AS "receiptNo", c.published_body AS "publishedBody", c.body, ca.topic_id AS "topicId",
                oc.disposition_id AS "opinionId",
                row_number() OVER (PARTITION BY ca.topic_id ORDER BY (d.id IS NULL), c.received_at, c.id) AS rn
         FROM comment_analysis ca JOIN comments c ON c.id = ca.comment_id
         LEFT JOIN dispositions d ON d.comment_id = c.id
         LEFT JOIN opinion_comments oc ON oc.comment_id = c.id
         WHERE c.consultation_id = ? AND ca.topic_id IS NOT NULL) AS ranked
       WHERE rn <= ? OR "topicId" = ? ORDER BY "topicId", rn`,
    consultationId,
    COMMENTS_PER_TOPIC,
    options.expand ?? -1
  )) as CommentRow[];
  const links = listed.length
    ? await db
        .select()
        .from(commentArticles)
        .where(
          inArray(
            commentArticles.commentId,
            listed.map((c) => c.id)
          )
        )
    : [];
  const articlesOf = new Map<number, string[]>();
  for (const l of links) {
    const label = labelOf.get(l.articleIdentityId);
    if (label) articlesOf.set(l.commentId, [...(articlesOf.get(l.commentId) ?? []), label]);
  }
  const commentsOf = new Map<number, MatrixComment[]>();
  for (const c of listed) {
    const answer = answers.get(c.id);
    const item: MatrixComment = {
      id: c.id,
      receiptNo: c.receiptNo,
      text: excerpt(redactedText(c)),
      articles: articlesOf.get(c.id) ?? [],
      own: view(byComment.get(c.id)),
      opinionId: c.opinionId,
      duplicateOf: answer?.duplicateOf ? await receiptOf(db, answer.duplicateOf) : null,
      answered: answer !== undefined,
    };
    commentsOf.set(c.topicId, [...(commentsOf.get(c.topicId) ?? []), item]);
  }

  const overrideCounts = await overridesPerTopic(db, consultationId);
  const answeredCounts = await answeredPerTopic(db, consultationId, answers);
  const current = await currentTopics(db, consultationId);
  const titles = new Map(
    (
      (await raw(db).all(`SELECT id, public_title AS "publicTitle" FROM topics WHERE consultation_id = ?`, consultationId)) as Array<{
        id: number;
        publicTitle: string | null;
      }>
    ).map((r) => [r.id, r.publicTitle])
  );
  const quoteRows = await quotesFor(
    db,
    current.flatMap((t) => t.representativeIds.slice(0, 2))
  );
  const topics: MatrixTopic[] = current.map((t) => {
    const answeredCount = answeredCounts.get(t.id) ?? 0;
    return {
      id: t.id,
      label: t.label,
      publicTitle: publishedTopicTitle({ label: t.label, publicTitle: titles.get(t.id) ?? null }),
      proposedTitle: proposedPublicTitle(t),
      keywords: t.keywords,
      size: t.size,
      noSubstance: t.noSubstance,
      quotes: t.representativeIds.slice(0, 2).flatMap((id) => (quoteRows.has(id) ? [{ id, text: quoteRows.get(id)! }] : [])),
      opinions: (opinionsOf.get(t.id) ?? []).map((d) => ({ ...view(d)!, id: d.id, title: d.title ?? "", memberCount: memberCounts.get(d.id) ?? 0 })),
      overrideCount: overrideCounts.get(t.id) ?? 0,
      answeredCount,
      comments: commentsOf.get(t.id) ?? [],
      decided: answeredCount >= t.size,
    };
  });
  const lastRun = (await raw(db).get(`SELECT max(finished_at) AS at FROM analysis_runs WHERE consultation_id = ? AND status = 'done'`, consultationId)) as {
    at: number | null;
  };
  return {
    topics,
    articles: articles.map((a) => ({ identityId: a.identityId, label: a.label })),
    decided: topics.filter((t) => t.decided).length,
    lastRunAt: lastRun.at ? new Date(lastRun.at) : null,
  };
}
export type Matrix = Awaited<ReturnType<typeof dispositionMatrix>>;

async function quotesFor(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = (await raw(db).all(
    `SELECT id, published_body AS "publishedBody", body FROM comments WHERE id IN (${ids.map(() => "?").join(",")})`,
    ...ids
  )) as Array<{ id: number; publishedBody: string | null; body: string }>;
  return new Map(rows.map((r) => [r.id, excerpt(redactedText(r), 160)]));
}
