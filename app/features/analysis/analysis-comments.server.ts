// The comments the workspace shows: the ones the last analysis covered, under the staff member's filters,
// with what the analysis found for each (topic, stance, campaign, articles and where each article came from).
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentAnalysis, commentArticles, comments } from "~db/schema";
import type { ArticleNumber } from "~/features/consultations/index.server";
import { WORKSPACE_PAGE_SIZE, type ArticleSource, type WorkspaceFilters } from "./analysis-schema";

/** Every condition the filters add; queries select from comment_analysis joined to comments. */
export function workspaceConditions(consultationId: number, f: WorkspaceFilters, articles: ArticleNumber[]): SQL[] {
  const where: SQL[] = [eq(comments.consultationId, consultationId)];
  if (f.article) {
    const identity = articles.find((a) => a.number === f.article)?.identityId ?? -1;
    where.push(
      sql`exists (select 1 from ${commentArticles} where ${commentArticles.commentId} = ${comments.id} and ${commentArticles.articleIdentityId} = ${identity})`
    );
  }
  if (f.identity) where.push(eq(comments.identityCategory, f.identity));
  if (f.channel) where.push(eq(comments.channel, f.channel));
  if (f.stance) where.push(eq(commentAnalysis.stance, f.stance));
  if (f.status !== "all") where.push(eq(comments.moderationStatus, f.status));
  return where;
}

/** How a comment is listed in the workspace: staff see the original text, flagged when it holds personal data. */
export interface WorkspaceComment {
  id: number;
  receiptNo: string;
  body: string;
  hasPii: boolean;
  name: string | null;
  organisation: string | null;
  identityCategory: string;
  channel: (typeof comments.$inferSelect)["channel"];
  receivedAt: Date;
  moderationStatus: (typeof comments.$inferSelect)["moderationStatus"];
  topicId: number | null;
  topicSource: "auto" | "staff";
  campaignId: number | null;
  stance: (typeof commentAnalysis.$inferSelect)["stance"];
  /** confidence: how sure the analysis was of an inferred article (0–1), else null */
  articles: Array<{ number: number; source: ArticleSource; confidence: number | null }>;
}

export interface CommentPage {
  items: WorkspaceComment[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of the comments matching `where`, oldest first, each with its articles. */
export async function commentPage(db: Db, where: SQL[], page: number, articles: ArticleNumber[]): Promise<CommentPage> {
  const total = (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .where(and(...where))
      .limit(1)
  )[0]!.n;
  const pageCount = Math.max(1, Math.ceil(total / WORKSPACE_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await db
    .select({
      id: comments.id,
      receiptNo: comments.receiptNo,
      body: comments.body,
      hasPii: comments.hasPii,
      name: comments.name,
      organisation: comments.organisation,
      identityCategory: comments.identityCategory,
      channel: comments.channel,
      receivedAt: comments.receivedAt,
      moderationStatus: comments.moderationStatus,
      topicId: commentAnalysis.topicId,
      topicSource: commentAnalysis.topicSource,
      campaignId: commentAnalysis.campaignId,
      stance: commentAnalysis.stance,
    })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .where(and(...where))
    .orderBy(asc(comments.receivedAt), asc(comments.id))
    .limit(WORKSPACE_PAGE_SIZE)
    .offset((current - 1) * WORKSPACE_PAGE_SIZE);
  const links = rows.length
    ? await db
        .select()
        .from(commentArticles)
        .where(
          inArray(
            commentArticles.commentId,
            rows.map((r) => r.id)
          )
        )
    : [];
  const numberOf = new Map(articles.map((a) => [a.identityId, a.number]));
  const items = rows.map((r) => ({
    ...r,
    articles: links
      .filter((l) => l.commentId === r.id && numberOf.has(l.articleIdentityId))
      .map((l) => ({ number: numberOf.get(l.articleIdentityId)!, source: l.source, confidence: l.confidence }))
      .sort((a, b) => a.number - b.number),
  }));
  return { items, total, page: current, pageCount };
}

/** Short originals of a few comments, by id, for a topic's or campaign's representatives. */
export async function commentsById(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, { id: number; receiptNo: string; body: string; hasPii: boolean }>();
  const rows = await db
    .select({ id: comments.id, receiptNo: comments.receiptNo, body: comments.body, hasPii: comments.hasPii })
    .from(comments)
    .where(inArray(comments.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
