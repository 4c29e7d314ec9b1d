// "你们说了什么，我们做了什么": what the public feedback page shows once the summary is published.
// Built from the same facts as the summary, but only the parts that are public by nature: counts,
// the approved text, and the staff-written answers per article (feedback-answers.server.ts). No comment text at all
// apart from the quotes the approved summary itself contains.
import { and, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { feedbackSummaries } from "~db/schema";
import { DISPOSITIONS } from "~db/vocabulary";
import { lastCountedDay, shanghaiEndOfDay } from "~/platform/periods";
import { getPublicConsultation, loadCalendar } from "~/features/consultations/index.server";
import { articleAnswers } from "./feedback-answers.server";
import { screenGenerated } from "~/features/comments/index.server";
import { summaryData } from "./summary.server";

/**
 * The published summary as the feedback page, the API and the feed give it. It was screened at
 * submission, approval and publication; it is screened again here, so what the screen learnt since
 * is redacted rather than served.
 */
export async function publishedSummary(db: Db, consultationId: number) {
  const row = (
    await db
      .select({ body: feedbackSummaries.body, publishedAt: feedbackSummaries.publishedAt })
      .from(feedbackSummaries)
      .where(and(eq(feedbackSummaries.consultationId, consultationId), eq(feedbackSummaries.status, "published")))
      .limit(1)
  )[0];
  return row && { ...row, body: screenGenerated(row.body).text };
}

export async function publicFeedback(db: Db, consultationId: number, department: string, now = new Date()) {
  const c = await getPublicConsultation(db, consultationId, now);
  const summary = c ? await publishedSummary(db, consultationId) : undefined;
  if (!c || !summary) return undefined;
  const data = (await summaryData(db, consultationId, department))!;

  const { articles, totals } = await articleAnswers(db, consultationId);
  return {
    consultation: { id: c.id, title: c.title, divisionName: c.divisionName },
    summary,
    facts: { commentCount: data.commentCount, commenterCount: data.commenterCount, channels: data.channels },
    perArticle: articles.filter((a) => a.number !== null && a.commentCount > 0).map((a) => ({ label: a.label, count: a.commentCount })),
    perDisposition: DISPOSITIONS.map((d) => ({ decision: d, count: data.dispositionCounts[d] ?? 0 })),
    undecided: data.undecided.notPublished + data.undecided.other,
    answers: articles,
    totals,
  };
}
export type PublicFeedback = NonNullable<Awaited<ReturnType<typeof publicFeedback>>>;

/**
 * The feedback page before the summary is published: where the consultation stands, and the day
 * by which the answers are expected (FEEDBACK_DUE_WORKING_DAYS working days after the close, by the
 * admins' calendar). A withdrawn consultation gets no answers, so no day.
 */
export async function pendingFeedback(db: Db, consultationId: number, dueWorkingDays: number, now = new Date()) {
  const c = await getPublicConsultation(db, consultationId, now);
  if (!c) return undefined;
  const expectedBy =
    c.closesAt && c.phase !== "withdrawn" ? shanghaiEndOfDay(lastCountedDay(c.closesAt, dueWorkingDays, "working", await loadCalendar(db))) : null;
  return {
    consultation: {
      id: c.id,
      title: c.title,
      divisionName: c.divisionName,
      phase: c.phase,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      withdrawnReason: c.withdrawnReason,
    },
    expectedBy,
    overdue: expectedBy !== null && now > expectedBy,
    dueWorkingDays,
  };
}
export type PendingFeedback = NonNullable<Awaited<ReturnType<typeof pendingFeedback>>>;
