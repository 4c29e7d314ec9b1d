// The per-article view: the draft's articles ranked by how many comments concern them, counting separately the
// articles commenters chose, those the text names and those the analysis inferred.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentAnalysis, commentArticles, comments, topics, type Stance } from "~db/schema";
import { articleStances, digestArticle, type ArticleDigest } from "~/engine/article-digest";
import type { ArticleSource } from "./analysis-schema";
import type { ArticleNumber } from "~/features/consultations/index.server";

export interface ArticleRank {
  number: number;
  label: string;
  total: number;
  bySource: Record<ArticleSource, number>;
  /** by the stance towards this article; a campaign counts once */
  stances: Record<Stance, number>;
}

/** Articles with at least one comment, most commented first, and how many comments concern none. */
export async function articleRanking(db: Db, where: SQL[], articles: ArticleNumber[]) {
  const rows = await db
    .select({ identityId: commentArticles.articleIdentityId, source: commentArticles.source, n: sql<number>`count(*)` })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .innerJoin(commentArticles, eq(commentArticles.commentId, comments.id))
    .where(and(...where))
    .groupBy(commentArticles.articleIdentityId, commentArticles.source);
  const ranks = new Map<number, ArticleRank>();
  for (const a of articles)
    ranks.set(a.identityId, {
      number: a.number,
      label: a.label,
      total: 0,
      bySource: { commenter: 0, staff: 0, detected: 0, inferred: 0 },
      stances: { support: 0, oppose: 0, suggest: 0, question: 0, neutral: 0 },
    });
  for (const r of rows) {
    const rank = ranks.get(r.identityId);
    if (!rank) continue; // an article the latest version no longer has
    rank.bySource[r.source] += r.n;
    rank.total += r.n;
  }
  const byArticle = await linkedComments(db, where, articles);
  for (const [identityId, list] of byArticle) {
    const rank = ranks.get(identityId);
    if (rank) rank.stances = articleStances(list).stances;
  }
  const general = (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .where(and(...where, sql`not exists (select 1 from ${commentArticles} where ${commentArticles.commentId} = ${comments.id})`))
      .limit(1)
  )[0]!.n;
  const ranked = [...ranks.values()].filter((r) => r.total > 0).sort((a, b) => b.total - a.total || a.number - b.number);
  return { ranked, general };
}

type Linked = { id: number; stance: Stance; campaignId: number | null; topicId: number | null; topicLabel: string | null };

/** The analysed comments of each article, with the stance each takes towards that article. */
async function linkedComments(db: Db, where: SQL[], articles: ArticleNumber[], only?: number): Promise<Map<number, Linked[]>> {
  const numberOf = new Map(articles.map((a) => [a.identityId, a.number]));
  const rows = await db
    .select({
      id: comments.id,
      identityId: commentArticles.articleIdentityId,
      stance: commentAnalysis.stance,
      articleStances: commentAnalysis.articleStances,
      campaignId: commentAnalysis.campaignId,
      topicId: commentAnalysis.topicId,
      topicLabel: topics.label,
    })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .innerJoin(commentArticles, eq(commentArticles.commentId, comments.id))
    .leftJoin(topics, eq(topics.id, commentAnalysis.topicId))
    .where(and(...where, only === undefined ? undefined : eq(commentArticles.articleIdentityId, only)));
  const out = new Map<number, Linked[]>();
  for (const r of rows) {
    const n = numberOf.get(r.identityId);
    const stance = (n !== undefined ? r.articleStances?.[String(n)] : undefined) ?? r.stance ?? "neutral";
    const list = out.get(r.identityId) ?? [];
    list.push({ id: r.id, stance, campaignId: r.campaignId, topicId: r.topicId, topicLabel: r.topicLabel });
    out.set(r.identityId, list);
  }
  return out;
}

/**
 * One article's digest for the workspace (staff only, original text as everywhere there): stances with
 * campaigns counted once, the distinct arguments (topics) among its comments with quotes, and their receipts.
 */
export async function articleDigest(
  db: Db,
  where: SQL[],
  articles: ArticleNumber[],
  number: number
): Promise<(ArticleDigest & { receipts: Record<number, string> }) | null> {
  const identity = articles.find((a) => a.number === number)?.identityId;
  if (identity === undefined) return null;
  const linked = (await linkedComments(db, where, articles, identity)).get(identity) ?? [];
  const texts = new Map<number, { body: string; receiptNo: string }>();
  for (let i = 0; i < linked.length; i += 500) {
    const ids = linked.slice(i, i + 500).map((l) => l.id);
    for (const r of await db.select({ id: comments.id, body: comments.body, receiptNo: comments.receiptNo }).from(comments).where(inArray(comments.id, ids)))
      texts.set(r.id, { body: r.body, receiptNo: r.receiptNo });
  }
  const digest = digestArticle(linked.map((l) => ({ ...l, text: texts.get(l.id)?.body ?? "" })));
  const receipts: Record<number, string> = {};
  for (const g of digest.groups) for (const q of g.quotes) receipts[q.id] = texts.get(q.id)?.receiptNo ?? "";
  return { ...digest, receipts };
}
