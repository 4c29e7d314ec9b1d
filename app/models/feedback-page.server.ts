// "你们说了什么，我们做了什么": what the public feedback page shows once the summary is published.
// Built from the same facts as the summary, but only the parts that are public by nature: counts,
// the approved text, and the staff-written answers (reasons and changes). No comment text at all
// apart from the quotes the approved summary itself contains.
import { and, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { dispositions, feedbackSummaries } from "~db/schema";
import { DISPOSITIONS, type Disposition } from "~db/vocabulary";
import { lastCountedDay, shanghaiEndOfDay } from "~/utils/periods";
import { loadCalendar } from "./calendar.server";
import { getPublicConsultation } from "./consultation.server";
import { latestArticles } from "./article-numbers.server";
import { screenGenerated } from "./publication-screen.server";
import { publicLabel } from "./summary-draft";
import { summaryData } from "./summary.server";

export interface PublicAnswer {
  subject: string;
  decision: Disposition;
  reason: string;
  changeMade: string | null;
}

export interface ArticleAnswers {
  number: number | null;
  label: string;
  commentCount: number;
  answers: PublicAnswer[];
}

/**
 * The published summary as the feedback page, the API and the feed give it. It was screened at
 * submission, approval and publication; it is screened again here, so what the screen learnt since
 * is redacted rather than served.
 */
export function publishedSummary(db: Db, consultationId: number) {
  const row = db
    .select({ body: feedbackSummaries.body, publishedAt: feedbackSummaries.publishedAt })
    .from(feedbackSummaries)
    .where(and(eq(feedbackSummaries.consultationId, consultationId), eq(feedbackSummaries.status, "published")))
    .get();
  return row && { ...row, body: screenGenerated(row.body).text };
}

/** Staff-written answers are published as written, less anything the publication screen finds. */
const screenedAnswer = (a: PublicAnswer): PublicAnswer => ({
  ...a,
  reason: screenGenerated(a.reason).text,
  changeMade: a.changeMade === null ? null : screenGenerated(a.changeMade).text,
});

export function publicFeedback(db: Db, consultationId: number, department: string, now = new Date()) {
  const c = getPublicConsultation(db, consultationId, now);
  const summary = c ? publishedSummary(db, consultationId) : undefined;
  if (!c || !summary) return undefined;
  const data = summaryData(db, consultationId, department)!;

  // Answers per article: each topic's, where the summary placed it, and comments answered on their own.
  const byArticle = new Map<number | null, ArticleAnswers>();
  const slot = (number: number | null, label: string, commentCount: number) => {
    if (!byArticle.has(number)) byArticle.set(number, { number, label, commentCount, answers: [] });
    return byArticle.get(number)!;
  };
  const generalCount = data.groups.find((g) => g.number === null)?.commentCount;
  for (const g of data.groups) {
    const entry = slot(g.number, g.label ?? "总体意见", g.commentCount);
    for (const t of g.topics) {
      if (t.decision) entry.answers.push({ subject: `关于“${publicLabel(t.label)}”的意见（${t.size}条）`, decision: t.decision, reason: t.reason, changeMade: t.changeMade });
    }
  }
  const articles = latestArticles(db, consultationId);
  const own = db.select().from(dispositions).where(eq(dispositions.consultationId, consultationId)).all().filter((d) => d.commentId !== null);
  const seen = new Set<string>();
  for (const d of own) {
    const article = articles.find((a) => a.identityId === d.articleIdentityId);
    const count = article ? data.articleCounts.find((a) => a.number === article.number)?.count ?? 0 : generalCount ?? 0;
    const entry = slot(article?.number ?? null, article?.label ?? "总体意见", count);
    const key = `${entry.number}\u0000${d.decision}\u0000${d.reason}\u0000${d.changeMade ?? ""}`;
    if (!seen.has(key)) entry.answers.push({ subject: "个别意见", decision: d.decision, reason: d.reason, changeMade: d.changeMade });
    seen.add(key);
  }
  // Articles that drew comments but no answer of their own: their comments were answered in a topic placed elsewhere.
  for (const a of data.articleCounts) if (a.count > 0) slot(a.number, a.label, a.count);
  const answers = [...byArticle.values()]
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    .map((entry) => ({ ...entry, answers: entry.answers.map(screenedAnswer) }));

  return {
    consultation: { id: c.id, title: c.title, divisionName: c.divisionName },
    summary,
    facts: { commentCount: data.commentCount, commenterCount: data.commenterCount, channels: data.channels },
    perArticle: data.articleCounts.filter((a) => a.count > 0).map((a) => ({ label: a.label, count: a.count })),
    perDisposition: DISPOSITIONS.map((d) => ({ decision: d, count: data.dispositionCounts[d] ?? 0 })),
    undecided: data.undecided.notPublished + data.undecided.other,
    answers,
  };
}
export type PublicFeedback = NonNullable<ReturnType<typeof publicFeedback>>;

/**
 * The feedback page before the summary is published: where the consultation stands, and the day
 * by which the answers are expected (FEEDBACK_DUE_WORKING_DAYS working days after the close, by the
 * admins' calendar). A withdrawn consultation gets no answers, so no day.
 */
export function pendingFeedback(db: Db, consultationId: number, dueWorkingDays: number, now = new Date()) {
  const c = getPublicConsultation(db, consultationId, now);
  if (!c) return undefined;
  const expectedBy =
    c.closesAt && c.phase !== "withdrawn" ? shanghaiEndOfDay(lastCountedDay(c.closesAt, dueWorkingDays, "working", loadCalendar(db))) : null;
  return {
    consultation: { id: c.id, title: c.title, divisionName: c.divisionName, phase: c.phase, opensAt: c.opensAt, closesAt: c.closesAt, withdrawnReason: c.withdrawnReason },
    expectedBy,
    overdue: expectedBy !== null && now > expectedBy,
    dueWorkingDays,
  };
}
export type PendingFeedback = NonNullable<ReturnType<typeof pendingFeedback>>;
