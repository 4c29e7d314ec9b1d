// What the moderation queue shows: one page of comments under the moderator's filters, with the
// original text (staff see originals), the detector's spans and the text proposed for publication.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  commentAnalysis,
  commentArticles,
  commentFlags,
  commentMarks,
  comments,
  moderationDecisions,
  redactions,
  users,
  type ModerationStatus,
} from "~db/schema";
import { latestArticles } from "~/features/consultations/index.server";
import { refreshModerationFlags } from "./moderation-flags.server";
import { QUEUE_PAGE_SIZE, type QueueFilters } from "./moderation-schema";
import { proposedFields } from "./moderation.server";
import { describeByField, screenComment } from "./publication-screen.server";

export type QueueRedaction = Pick<typeof redactions.$inferSelect, "id" | "kind" | "start" | "end" | "status" | "field">;

/** The conditions every filter but status adds, shared by the page, the counts and bulk actions. */
function filterConditions(consultationId: number, f: QueueFilters, articleIdentityId: number | null): SQL[] {
  const where: SQL[] = [eq(comments.consultationId, consultationId)];
  if (f.article) {
    where.push(
      sql`exists (select 1 from ${commentArticles} where ${commentArticles.commentId} = ${comments.id} and ${commentArticles.articleIdentityId} = ${
        articleIdentityId ?? -1
      })`
    );
  }
  if (f.pii) where.push(eq(comments.hasPii, true));
  if (f.campaign) {
    where.push(
      sql`exists (select 1 from ${commentAnalysis} where ${commentAnalysis.commentId} = ${comments.id} and ${commentAnalysis.campaignId} is not null)`
    );
  }
  if (f.unreviewed) {
    where.push(sql`exists (select 1 from ${redactions} where ${redactions.commentId} = ${comments.id} and ${redactions.status} = 'proposed')`);
  }
  if (f.offTopic) where.push(sql`exists (select 1 from ${commentFlags} where ${commentFlags.commentId} = ${comments.id} and ${commentFlags.offTopic})`);
  if (f.duplicate)
    where.push(sql`exists (select 1 from ${commentFlags} where ${commentFlags.commentId} = ${comments.id} and ${commentFlags.duplicateOf} is not null)`);
  if (f.marked) where.push(sql`exists (select 1 from ${commentMarks} where ${commentMarks.commentId} = ${comments.id})`);
  // instr() is a literal match: % and _ typed by a moderator are not wildcards.
  if (f.q) {
    where.push(
      sql`(instr(${comments.body}, ${f.q}) > 0 or instr(coalesce(${comments.name}, ''), ${f.q}) > 0 or instr(coalesce(${comments.organisation}, ''), ${f.q}) > 0 or instr(${comments.receiptNo}, ${f.q}) > 0)`
    );
  }
  return where;
}

/** Every condition of the filters, status included, as the queue and a bulk action by filter read them. */
export async function queueWhere(db: Db, consultationId: number, f: QueueFilters): Promise<SQL[]> {
  const base = filterConditions(consultationId, f, await articleIdentity(db, consultationId, f));
  return f.status === "all" ? base : [...base, eq(comments.moderationStatus, f.status)];
}

async function articleIdentity(db: Db, consultationId: number, f: QueueFilters, articles?: Awaited<ReturnType<typeof latestArticles>>) {
  if (f.article && !articles) articles = await latestArticles(db, consultationId);
  return f.article ? articles!.find((a) => a.number === f.article)?.identityId ?? null : null;
}

export async function moderationQueue(db: Db, consultationId: number, f: QueueFilters) {
  await refreshModerationFlags(db, consultationId);
  const articles = await latestArticles(db, consultationId);
  const base = filterConditions(consultationId, f, await articleIdentity(db, consultationId, f, articles));

  const counts: Record<ModerationStatus | "all", number> = { pending: 0, approved: 0, rejected: 0, all: 0 };
  const grouped = await db
    .select({ status: comments.moderationStatus, n: sql<number>`count(*)` })
    .from(comments)
    .where(and(...base))
    .groupBy(comments.moderationStatus);
  for (const g of grouped) {
    counts[g.status] = g.n;
    counts.all += g.n;
  }

  const total = counts[f.status];
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(f.page, pageCount);
  const where = f.status === "all" ? base : [...base, eq(comments.moderationStatus, f.status)];
  // The waiting queue is worked oldest first; decided comments are looked up newest first.
  const order = f.status === "pending" ? [asc(comments.receivedAt), asc(comments.id)] : [desc(comments.receivedAt), desc(comments.id)];
  const rows = await db
    .select({
      id: comments.id,
      receiptNo: comments.receiptNo,
      body: comments.body,
      publishedBody: comments.publishedBody,
      publishedName: comments.publishedName,
      publishedOrganisation: comments.publishedOrganisation,
      name: comments.name,
      organisation: comments.organisation,
      identityCategory: comments.identityCategory,
      publishPreference: comments.publishPreference,
      channel: comments.channel,
      receivedAt: comments.receivedAt,
      moderationStatus: comments.moderationStatus,
      rejectReason: comments.rejectReason,
      hasPii: comments.hasPii,
      campaignId: commentAnalysis.campaignId,
      offTopicReason: commentFlags.offTopicReason,
      duplicateOf: commentFlags.duplicateOf,
      duplicateKind: commentFlags.duplicateKind,
      marked: sql<number>`${commentMarks.commentId} is not null`,
    })
    .from(comments)
    .leftJoin(commentAnalysis, eq(commentAnalysis.commentId, comments.id))
    .leftJoin(commentFlags, eq(commentFlags.commentId, comments.id))
    .leftJoin(commentMarks, eq(commentMarks.commentId, comments.id))
    .where(and(...where))
    .orderBy(...order)
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);

  const ids = rows.map((r) => r.id);
  const numberOf = new Map(articles.map((a) => [a.identityId, a.number]));
  const spans = ids.length ? await db.select().from(redactions).where(inArray(redactions.commentId, ids)).orderBy(asc(redactions.start)) : [];
  const links = ids.length ? await db.select().from(commentArticles).where(inArray(commentArticles.commentId, ids)) : [];
  const history = ids.length
    ? await db
        .select({
          commentId: moderationDecisions.commentId,
          decision: moderationDecisions.decision,
          reason: moderationDecisions.reason,
          note: moderationDecisions.note,
          at: moderationDecisions.createdAt,
          by: users.displayName,
        })
        .from(moderationDecisions)
        .innerJoin(users, eq(users.id, moderationDecisions.moderatorId))
        .where(inArray(moderationDecisions.commentId, ids))
        .orderBy(asc(moderationDecisions.id))
    : [];

  const firstIds = [...new Set(rows.flatMap((r) => (r.duplicateOf === null ? [] : [r.duplicateOf])))];
  const receipts = new Map(
    firstIds.length
      ? (await db.select({ id: comments.id, receiptNo: comments.receiptNo }).from(comments).where(inArray(comments.id, firstIds))).map((r) => [
          r.id,
          r.receiptNo,
        ])
      : []
  );

  const items = rows.map((r) => {
    const own: QueueRedaction[] = spans
      .filter((s) => s.commentId === r.id)
      .map(({ id, kind, start, end, status, field }) => ({ id, kind, start, end, status, field }));
    // A moderator's earlier edit wins over the detector's proposal on re-moderation.
    const proposal = proposedFields(r, own);
    const proposedText = r.publishedBody ?? proposal.body;
    const proposedName = r.publishedBody !== null ? r.publishedName : proposal.name;
    const proposedOrganisation = r.publishedBody !== null ? r.publishedOrganisation : proposal.organisation;
    return {
      ...r,
      marked: Boolean(r.marked),
      duplicate:
        r.duplicateOf === null ? null : { id: r.duplicateOf, receiptNo: receipts.get(r.duplicateOf) ?? "", sameSender: r.duplicateKind === "same_sender" },
      redactions: own,
      proposedName,
      proposedOrganisation,
      articles: links
        .filter((l) => l.commentId === r.id)
        .map((l) => numberOf.get(l.articleIdentityId) ?? null)
        .filter((n): n is number => n !== null)
        .sort((a, b) => a - b),
      proposedText,
      // Said up front, so the moderator is not surprised by a refusal when approving.
      stillDetected: describeByField(screenComment({ body: proposedText, name: proposedName, organisation: proposedOrganisation })) || null,
      /** Detections nobody has judged yet: bulk approval leaves such a comment in the queue. */
      unreviewed: own.filter((s) => s.status === "proposed").length,
      history: history.filter((h) => h.commentId === r.id),
    };
  });
  return { items, counts, total, page, pageCount, articles: articles.map(({ number, label }) => ({ number, label })) };
}

export type QueueItem = Awaited<ReturnType<typeof moderationQueue>>["items"][number];
