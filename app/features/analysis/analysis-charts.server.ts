// The numbers behind the workspace's charts. Each series is also the chart's data table, so whoever cannot
// see the canvas reads the same figures.
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { shanghaiDay } from "~db/dialect-sql";
import { commentAnalysis, commentArticles, comments, topics } from "~db/schema";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { STANCES } from "~db/vocabulary";
import { STANCE_LABELS } from "./analysis-schema";
import type { ArticleNumber } from "~/features/consultations/index.server";

export interface ChartSeries {
  id: "per-day" | "per-article" | "per-topic" | "per-identity" | "per-stance";
  title: string;
  kind: "line" | "bar";
  labelHeader: string;
  rows: Array<{ label: string; value: number }>;
}

export async function chartSeries(db: Db, consultationId: number, where: SQL[], articles: ArticleNumber[]): Promise<ChartSeries[]> {
  const count = sql<number>`count(*)`;
  // Asia/Shanghai has no daylight saving time: a fixed eight hours turns an instant into its local date.
  const day = shanghaiDay(comments.receivedAt) as SQL<string>;
  const grouped = (key: SQL | SQLiteColumn): Promise<Array<{ key: unknown; n: number }>> =>
    db
      .select({ key, n: count })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .where(and(...where))
      .groupBy(key);

  const perDay = (await grouped(day)).map((r) => ({ label: String(r.key), value: r.n })).sort((a, b) => a.label.localeCompare(b.label));

  const numberOf = new Map(articles.map((a) => [a.identityId, a]));
  const perArticle = (
    await db
      .select({ identityId: commentArticles.articleIdentityId, n: sql<number>`count(distinct ${comments.id})` })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .innerJoin(commentArticles, eq(commentArticles.commentId, comments.id))
      .where(and(...where))
      .groupBy(commentArticles.articleIdentityId)
  )
    .flatMap((r) => {
      const a = numberOf.get(r.identityId);
      return a ? [{ number: a.number, label: a.label, value: r.n }] : [];
    })
    .sort((a, b) => a.number - b.number)
    .map(({ label, value }) => ({ label, value }));

  const labels = new Map(
    (
      await db
        .select({ id: topics.id, label: topics.label })
        .from(topics)
        .where(and(eq(topics.consultationId, consultationId), isNull(topics.mergedInto)))
        .orderBy(asc(topics.id))
    ).map((t) => [t.id, t.label])
  );
  const perTopic = (await grouped(commentAnalysis.topicId))
    .map((r) => ({ label: (r.key !== null ? labels.get(Number(r.key)) : undefined) ?? "未归入话题", value: r.n }))
    .sort((a, b) => b.value - a.value);

  const perIdentity = (await grouped(comments.identityCategory)).map((r) => ({ label: String(r.key), value: r.n })).sort((a, b) => b.value - a.value);

  const stanceCounts = new Map((await grouped(commentAnalysis.stance)).map((r) => [r.key, r.n]));
  const perStance = STANCES.map((s) => ({ label: STANCE_LABELS[s], value: stanceCounts.get(s) ?? 0 }));

  return [
    { id: "per-day", title: "每日收到的意见数", kind: "line", labelHeader: "日期", rows: perDay },
    { id: "per-article", title: "各条款的意见数", kind: "bar", labelHeader: "条款", rows: perArticle },
    { id: "per-topic", title: "各话题的意见数", kind: "bar", labelHeader: "话题", rows: perTopic },
    { id: "per-identity", title: "各类身份提出人的意见数", kind: "bar", labelHeader: "身份", rows: perIdentity },
    { id: "per-stance", title: "意见倾向", kind: "bar", labelHeader: "倾向", rows: perStance },
  ];
}
