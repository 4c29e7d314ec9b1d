// The workspace's overview and topic views: when the analysis last ran, the topics with their sizes under the
// filters, and one topic's comments.
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { analysisRuns, commentAnalysis, comments, topics, users } from "~db/schema";
import { senderShare } from "~/engine/sender-share";
import type { TopicSummarySentence } from "~/engine/types";
import { analysableComments, senderOf } from "./analysis-input.server";
import { commentPage, commentsById } from "./analysis-comments.server";
import { lastFinishedRun, latestRun } from "./analysis-runs.server";
import type { ArticleNumber } from "~/features/consultations/index.server";

/** The latest run (maybe still going), the last finished one, and how many comments came in since. */
export async function runOverview(db: Db, consultationId: number) {
  const latest = await latestRun(db, consultationId);
  const finished = await lastFinishedRun(db, consultationId);
  const by = finished?.triggeredBy
    ? (await db.select({ name: users.displayName }).from(users).where(eq(users.id, finished.triggeredBy)).limit(1))[0]?.name
    : undefined;
  const analysed = (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .where(eq(comments.consultationId, consultationId))
      .limit(1)
  )[0]!.n;
  const analysable = (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(comments)
      .where(analysableComments(consultationId))
      .limit(1)
  )[0]!.n;
  return {
    latest: latest ? runView(latest) : null,
    finished: finished ? { ...runView(finished), by: by ?? null } : null,
    analysed,
    notYetAnalysed: Math.max(0, analysable - analysed),
  };
}

export function runView(run: typeof analysisRuns.$inferSelect) {
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    stage: run.stage,
    error: run.error,
    commentCount: run.commentCount,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
export type RunView = Awaited<ReturnType<typeof runView>>;

/** Live topics: every topic not merged into another, with its size under the filters (largest first). */
export async function topicOverview(db: Db, consultationId: number, where: SQL[]) {
  const sizes = new Map(
    (
      await db
        .select({ topicId: commentAnalysis.topicId, n: sql<number>`count(*)` })
        .from(commentAnalysis)
        .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
        .where(and(...where))
        .groupBy(commentAnalysis.topicId)
    ).map((r) => [r.topicId, r.n])
  );
  const rows = await db
    .select()
    .from(topics)
    .where(and(eq(topics.consultationId, consultationId), isNull(topics.mergedInto)))
    .orderBy(asc(topics.id));
  const representatives = await commentsById(
    db,
    rows.flatMap((t) => t.representativeIds.slice(0, 3))
  );
  const senders = await topicSenders(db, where);
  const list = rows.map((t) => ({
    id: t.id,
    label: t.label,
    keywords: t.keywords,
    noSubstance: t.noSubstance,
    staffEdited: t.staffEdited,
    // The theme the last run put the topic in (app/engine/themes.ts); null for a topic made since, or none.
    theme: t.themeKey ? { key: t.themeKey, label: t.themeLabel ?? t.themeKey } : null,
    size: sizes.get(t.id) ?? 0,
    representatives: t.representativeIds.slice(0, 3).flatMap((id) => representatives.get(id) ?? []),
    senders: senderShare(senders.get(t.id) ?? []),
  }));
  // Comments with nothing to say go last whatever their number: they are counted, not read first.
  return list.sort((a, b) => Number(a.noSubstance) - Number(b.noSubstance) || b.size - a.size || a.id - b.id);
}
export type TopicSummary = Awaited<ReturnType<typeof topicOverview>>[number];

/**
 * Each topic's senders under the filters, named as the engine names them, so the card can say when one sender
 * wrote most of a topic (sender-share.ts). Read from the comments as they are now, so it holds after staff edits.
 */
async function topicSenders(db: Db, where: SQL[]): Promise<Map<number | null, (string | null)[]>> {
  const rows = await db
    .select({
      topicId: commentAnalysis.topicId,
      email: comments.email,
      name: comments.name,
      organisation: comments.organisation,
      clientHash: comments.clientHash,
    })
    .from(commentAnalysis)
    .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
    .where(and(...where));
  const out = new Map<number | null, (string | null)[]>();
  for (const r of rows) out.get(r.topicId)?.push(senderOf(r)) ?? out.set(r.topicId, [senderOf(r)]);
  return out;
}

/** One topic and a page of its comments under the filters; undefined for a topic not in this consultation. */
export async function topicDetail(db: Db, consultationId: number, topicId: number, where: SQL[], page: number, articles: ArticleNumber[]) {
  const topic = (
    await db
      .select()
      .from(topics)
      .where(and(eq(topics.id, topicId), eq(topics.consultationId, consultationId)))
      .limit(1)
  )[0];
  if (!topic) return undefined;
  // A merged topic's old link leads to the topic it became part of.
  if (topic.mergedInto) return { redirectTo: topic.mergedInto } as const;
  const representatives = await commentsById(db, topic.representativeIds);
  return {
    topic: {
      summary: await citedSummary(db, consultationId, topic.summary ?? []),
      id: topic.id,
      label: topic.label,
      keywords: topic.keywords,
      noSubstance: topic.noSubstance,
      staffEdited: topic.staffEdited,
      representatives: topic.representativeIds.flatMap((id) => representatives.get(id) ?? []),
    },
    comments: await commentPage(db, [...where, eq(commentAnalysis.topicId, topic.id)], page, articles),
  };
}

/**
 * The topic's cited summary as the last run wrote it, each cited comment by its receipt number (a comment no
 * longer in the consultation, or no longer analysed, is left out of the citations; the counts are the run's).
 */
async function citedSummary(db: Db, consultationId: number, summary: TopicSummarySentence[]) {
  const ids = [...new Set(summary.flatMap((s) => s.comment_ids.map(Number)).filter(Number.isInteger))];
  const receipts = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: comments.id, receiptNo: comments.receiptNo })
      .from(comments)
      .where(and(eq(comments.consultationId, consultationId), inArray(comments.id, ids.slice(i, i + 500))));
    for (const r of rows) receipts.set(r.id, r.receiptNo);
  }
  return summary.map((s) => ({
    text: s.text,
    extractiveText: s.extractive_text ?? null,
    count: s.count,
    campaignLetters: s.campaign_letters,
    cited: s.comment_ids.flatMap((id) => {
      const receiptNo = receipts.get(Number(id));
      return receiptNo === undefined ? [] : [{ id: Number(id), receiptNo }];
    }),
  }));
}

/** Every live topic by name, for the move and merge choices. */
export function topicChoices(db: Db, consultationId: number) {
  return db
    .select({ id: topics.id, label: topics.label })
    .from(topics)
    .where(and(eq(topics.consultationId, consultationId), isNull(topics.mergedInto)))
    .orderBy(asc(topics.label), asc(topics.id));
}
