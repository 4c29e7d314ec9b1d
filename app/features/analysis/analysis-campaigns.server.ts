// Campaigns (内容基本相同的意见): near-identical letters from many senders shown as one card with their
// count, never dropped from the record; each card lists its members. Copies from one sender are no
// campaign: they are 重复提交 (comment-duplicates.server.ts), shown apart.
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { campaigns, commentAnalysis, comments } from "~db/schema";
import { commentsById } from "./analysis-comments.server";

/** Members listed on a card; a larger campaign links to its full list instead. */
const MEMBERS_SHOWN = 100;

export async function campaignCards(db: Db, consultationId: number, where: SQL[]) {
  const matching = new Map(
    (
      await db
        .select({ campaignId: commentAnalysis.campaignId, n: sql<number>`count(*)` })
        .from(commentAnalysis)
        .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
        .where(and(...where, sql`${commentAnalysis.campaignId} is not null`))
        .groupBy(commentAnalysis.campaignId)
    ).map((r) => [r.campaignId!, r.n])
  );
  const rows = (await db.select().from(campaigns).where(eq(campaigns.consultationId, consultationId)).orderBy(desc(campaigns.size), asc(campaigns.id))).filter(
    (c) => matching.has(c.id) && c.distinctSenders > 1
  );
  if (rows.length === 0) return [];
  const representatives = await commentsById(
    db,
    rows.flatMap((c) => (c.representativeCommentId ? [c.representativeCommentId] : []))
  );
  // At most MEMBERS_SHOWN per campaign, counted in SQL: a campaign may have tens of thousands of members.
  const numbered = db
    .select({
      campaignId: sql<number>`${commentAnalysis.campaignId}`.as("campaign_id"),
      id: sql<number>`${comments.id}`.as("id"),
      receiptNo: comments.receiptNo,
      name: comments.name,
      organisation: comments.organisation,
      channel: comments.channel,
      receivedAt: comments.receivedAt,
      additions: commentAnalysis.campaignAdditions,
      position: sql<number>`row_number() over (partition by ${commentAnalysis.campaignId} order by ${comments.receivedAt}, ${comments.id})`.as("position"),
    })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .where(
      and(
        ...where,
        inArray(
          commentAnalysis.campaignId,
          rows.map((c) => c.id)
        )
      )
    )
    .as("numbered");
  const members = await db.select().from(numbered).where(lte(numbered.position, MEMBERS_SHOWN)).orderBy(asc(numbered.position));
  return rows.map((c) => {
    const own = members.filter((m) => m.campaignId === c.id);
    const matched = matching.get(c.id) ?? 0;
    return {
      id: c.id,
      size: c.size,
      distinctSenders: c.distinctSenders,
      matching: matched,
      representative: c.representativeCommentId ? representatives.get(c.representativeCommentId) ?? null : null,
      members: own,
      more: Math.max(0, matched - own.length),
    };
  });
}
export type CampaignCard = Awaited<ReturnType<typeof campaignCards>>[number];
