// What one analysis run reads: the comments it covers, the latest draft text, and what staff settled on
// earlier (their topics, expressed as the engine's StaffEdits).
import { and, asc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentAnalysis, commentArticles, comments, dispositions, rejectedArticleLinks, topics } from "~db/schema";
import type { AnalysisInput, ArticleCorrections, StaffTopic } from "~/engine/types";
import { EXCLUDED_REJECT_REASONS } from "./analysis-schema";
import { latestArticles, latestVersion } from "~/features/consultations/index.server";

type Reader = Pick<Db, "select">;

export function analysableComments(consultationId: number): SQL {
  return and(
    eq(comments.consultationId, consultationId),
    or(sql`${comments.moderationStatus} <> 'rejected'`, isNull(comments.rejectReason), notInArray(comments.rejectReason, [...EXCLUDED_REJECT_REASONS]))
  )!;
}

/** The engine's key for a stored topic staff have settled; it comes back as the topic's id in the result. */
export const staffKey = (topicId: number) => `staff-${topicId}`;

/**
 * Topics a re-run must keep: those staff edited, and those a disposition was recorded on (the answer was
 * written for those comments, and dispositions.topic_id points at the row). Merged-away topics are history.
 */
export async function settledTopicIds(db: Reader, consultationId: number): Promise<number[]> {
  return (
    await db
      .select({ id: topics.id })
      .from(topics)
      .where(
        and(
          eq(topics.consultationId, consultationId),
          isNull(topics.mergedInto),
          or(eq(topics.staffEdited, true), sql`exists (select 1 from ${dispositions} where ${dispositions.topicId} = ${topics.id})`)
        )
      )
  ).map((t) => t.id);
}

/**
 * The staff edits as the next run sees them, read from the stored topics the edits were applied to: each
 * settled topic with every comment now in it. That is the topic_edits log replayed, plus the comments earlier
 * runs added to those topics, so a re-run only places comments that are new.
 */
export async function staffTopics(db: Reader, consultationId: number): Promise<StaffTopic[]> {
  const settled = await settledTopicIds(db, consultationId);
  if (settled.length === 0) return [];
  const rows = await db.select({ id: topics.id, label: topics.label }).from(topics).where(inArray(topics.id, settled)).orderBy(asc(topics.id));
  const members = await db
    .select({ commentId: commentAnalysis.commentId, topicId: commentAnalysis.topicId })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .where(and(analysableComments(consultationId), inArray(commentAnalysis.topicId, settled)))
    .orderBy(asc(commentAnalysis.commentId));
  const byTopic = new Map<number, string[]>(rows.map((r) => [r.id, []]));
  for (const m of members) byTopic.get(m.topicId!)?.push(String(m.commentId));
  return rows.map((r) => ({ key: staffKey(r.id), label: r.label, comment_ids: byTopic.get(r.id) ?? [] }));
}

/** A stable name for whoever sent a comment, so a campaign's distinct senders can be counted. */
export function senderOf(c: { email: string | null; name: string | null; organisation: string | null; clientHash: string | null }): string | null {
  if (c.email) return `email:${c.email.trim().toLowerCase()}`;
  if (c.name) return `name:${c.name.trim()}|${c.organisation?.trim() ?? ""}`;
  return c.clientHash ? `client:${c.clientHash}` : null;
}

export interface GatheredInput {
  input: AnalysisInput;
  /** staff key → topic row id, for the topics the engine was asked to keep */
  settled: Map<string, number>;
}

export async function gatherAnalysisInput(db: Db, consultationId: number): Promise<GatheredInput> {
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      email: comments.email,
      name: comments.name,
      organisation: comments.organisation,
      clientHash: comments.clientHash,
    })
    .from(comments)
    .where(analysableComments(consultationId))
    .orderBy(asc(comments.id));
  const staff = await staffTopics(db, consultationId);
  return {
    input: {
      comments: rows.map((c) => ({ id: String(c.id), text: c.body, sender: senderOf(c) })),
      draft: (await latestVersion(db, consultationId))?.sourceText ?? null,
      staffEdits: { topics: staff },
      articleCorrections: await articleCorrections(db, consultationId),
    },
    settled: new Map(staff.map((t) => [t.key, Number(t.key.slice("staff-".length))])),
  };
}

/**
 * What the next run is told: the articles commenters chose or staff set (known links), and the inferred links
 * staff rejected, by comment id and article number of the latest version.
 */
export async function articleCorrections(db: Db, consultationId: number): Promise<ArticleCorrections> {
  const numberOf = new Map((await latestArticles(db, consultationId)).map((a) => [a.identityId, a.number]));
  const known = await db
    .select({ commentId: commentArticles.commentId, identityId: commentArticles.articleIdentityId })
    .from(commentArticles)
    .innerJoin(comments, eq(comments.id, commentArticles.commentId))
    .where(and(eq(comments.consultationId, consultationId), inArray(commentArticles.source, ["commenter", "staff"])));
  const refused = await db
    .select({ commentId: rejectedArticleLinks.commentId, identityId: rejectedArticleLinks.articleIdentityId })
    .from(rejectedArticleLinks)
    .innerJoin(comments, eq(comments.id, rejectedArticleLinks.commentId))
    .where(eq(comments.consultationId, consultationId));
  return { confirmed: byComment(known, numberOf), rejected: byComment(refused, numberOf) };
}

function byComment(rows: Array<{ commentId: number; identityId: number }>, numberOf: Map<number, number>): ArticleCorrections["confirmed"] {
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const number = numberOf.get(r.identityId);
    if (number === undefined) continue;
    const list = out.get(r.commentId) ?? [];
    list.push(number);
    out.set(r.commentId, list);
  }
  return [...out].map(([id, articles]) => ({ comment_id: String(id), articles: articles.sort((a, b) => a - b) }));
}
