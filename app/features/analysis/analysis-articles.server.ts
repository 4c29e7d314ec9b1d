// The per-article view: the draft's articles ranked by how many comments concern them, counting separately the
// articles commenters chose, those the text names and those the analysis inferred.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentAnalysis, commentArticles, comments } from "~db/schema";
import type { ArticleSource } from "./analysis-schema";
import type { ArticleNumber } from "~/features/consultations/index.server";

export interface ArticleRank {
  number: number;
  label: string;
  total: number;
  bySource: Record<ArticleSource, number>;
}

/** Articles with at least one comment, most commented first, and how many comments concern none. */
export async function articleRanking(db: Db, where: SQL[], articles: ArticleNumber[]) {
  const rows = await db
    .select({ identityId: commentArticles.articleIdentityId, source: commentArticles.source, n: sql<number>`count(*)` })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .innerJoin(commentArticles, eq(commentArticles.commentId, comments.id))
    .where(and(...where))
    .groupBy(commentArticles.articleIdentityId, commentArticles.source)
    .all();
  const ranks = new Map<number, ArticleRank>();
  for (const a of articles)
    ranks.set(a.identityId, { number: a.number, label: a.label, total: 0, bySource: { commenter: 0, staff: 0, detected: 0, inferred: 0 } });
  for (const r of rows) {
    const rank = ranks.get(r.identityId);
    if (!rank) continue; // an article the latest version no longer has
    rank.bySource[r.source] += r.n;
    rank.total += r.n;
  }
  const general = (await db
    .select({ n: sql<number>`count(*)` })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .where(and(...where, sql`not exists (select 1 from ${commentArticles} where ${commentArticles.commentId} = ${comments.id})`))
    .get())!.n;
  const ranked = [...ranks.values()].filter((r) => r.total > 0).sort((a, b) => b.total - a.total || a.number - b.number);
  return { ranked, general };
}
