// 意见采纳情况说明 from first draft to publication: the platform drafts it, a drafter of the
// division edits and submits it, a reviewer who did not write it approves or returns it, and the
// drafter publishes it, which publishes the feedback. Every step is checked here and audited in
// the transaction that makes it.
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { consultations, feedbackSummaries, reviews, users } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { publicPhase, WorkflowError } from "~/features/consultations";
import { canDraft, canReviewSummary } from "~/features/accounts";
import { auditView, notifyPublicChange } from "~/features/consultations/index.server";
import { refusalFor, screenGenerated, type Detection } from "~/features/comments/index.server";
import { beginProcessing, undecidedTopics, type CurrentTopic } from "./dispositions.server";
import { legalPublishBlock } from "~/features/packet/index.server";
import { queueFollowNotices, queueResultNotices } from "~/features/notices/index.server";
import { draftSummary } from "./summary-draft";
import { summaryData } from "./summary.server";
import { titleProblems, titleRefusal } from "./summary-titles.server";

type Staff = { id: number; displayName: string; role: "admin" | "drafter" | "reviewer" | "legal"; divisionId: number | null };
type Consultation = typeof consultations.$inferSelect;
export type FeedbackSummary = typeof feedbackSummaries.$inferSelect;

/** The text itself cannot go forward as written; the page shows the message beside it. */
export class SummaryTextError extends WorkflowError {}

/**
 * The summary is published as written, so it passes the publication screen at every step that
 * takes it nearer the public: submission, approval and publication (the screen may have learnt
 * something since the step before).
 */
function checkPublishable(body: string, Refusal: typeof WorkflowError = SummaryTextError) {
  const refusal = refusalFor(body, "说明");
  if (refusal) throw new Refusal(refusal);
}

/** Submitting with topics nobody has answered needs the drafter's explicit confirmation. */
export class UndecidedTopicsError extends Error {
  constructor(readonly topics: Array<Pick<CurrentTopic, "id" | "label" | "size">>) {
    super(`还有 ${topics.length} 个主题尚未处理。`);
  }
}

export async function getSummary(db: Db, consultationId: number) {
  const summary = (await db.select().from(feedbackSummaries).where(eq(feedbackSummaries.consultationId, consultationId)).limit(1))[0];
  const history = await db
    .select({ decision: reviews.decision, comment: reviews.comment, createdAt: reviews.createdAt, reviewer: users.displayName })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(and(eq(reviews.consultationId, consultationId), eq(reviews.subject, "summary")))
    .orderBy(desc(reviews.id));
  const author = summary ? (await db.select({ name: users.displayName }).from(users).where(eq(users.id, summary.authorId)).limit(1))[0]?.name ?? null : null;
  return { summary, author, history };
}

/** Why the summary cannot be worked on now, or null. The period must be over: the facts are final. */
export function summaryLock(c: Consultation, now = new Date()): string | null {
  const phase = publicPhase(c, now);
  if (phase === "withdrawn") return "征求意见已撤回。";
  if (phase === "feedback_published") return "意见采纳情况说明已公布。";
  if (phase !== "closed" && phase !== "processing" && phase !== "legal_review") return "征求意见期结束后才能起草意见采纳情况说明。";
  return null;
}

async function load(tx: Tx, id: number) {
  const c = (await tx.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0];
  if (!c) throw new WorkflowError("未找到该征求意见。", 404);
  return { c, summary: (await tx.select().from(feedbackSummaries).where(eq(feedbackSummaries.consultationId, id)).limit(1))[0] };
}

async function forDrafter(tx: Tx, id: number, actor: Staff, now: Date) {
  const loaded = await load(tx, id);
  if (!canDraft(actor, loaded.c)) throw new WorkflowError("只有本处室的起草人员可以起草和发布意见采纳情况说明。", 403);
  const locked = summaryLock(loaded.c, now);
  if (locked) throw new WorkflowError(locked, 409);
  return loaded;
}

const view = (s: FeedbackSummary | undefined) => s && { status: s.status, body: s.body, authorId: s.authorId, approvedBy: s.approvedBy };

async function audit(tx: Tx, actor: Staff, action: string, before: FeedbackSummary | undefined, after: FeedbackSummary) {
  await appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action,
    entityType: "feedback_summary",
    entityId: after.id,
    before: view(before),
    after: view(after),
  });
}

async function write(tx: Tx, actor: Staff, action: string, c: Consultation, before: FeedbackSummary | undefined, set: Partial<FeedbackSummary>, now: Date) {
  const after = before
    ? (
        await tx
          .update(feedbackSummaries)
          .set({ ...set, updatedAt: now })
          .where(eq(feedbackSummaries.id, before.id))
          .returning()
      )[0]
    : (
        await tx
          .insert(feedbackSummaries)
          .values({ consultationId: c.id, body: "", authorId: actor.id, ...set })
          .returning()
      )[0];
  await audit(tx, actor, action, before, after);
  return after;
}

/**
 * Drafts (or redrafts) the text from the current data. The one who asks becomes its author. The
 * draft passes the publication screen: what it finds (in a staff answer quoting a commenter, say)
 * is redacted, and returned as `redacted` for the page to tell the drafter.
 */
export function generateSummary(db: Db, id: number, actor: Staff, department: string, now = new Date()): Promise<FeedbackSummary & { redacted: Detection[] }> {
  return db.transaction(async (tx) => {
    const { c, summary } = await forDrafter(tx, id, actor, now);
    if (summary && summary.status !== "draft") throw new WorkflowError("说明已提交审核，不能重新生成。");
    const screened = screenGenerated(draftSummary((await summaryData(db, id, department))!));
    await beginProcessing(tx, c, actor, now);
    const after = await write(
      tx,
      actor,
      summary ? "summary.regenerate" : "summary.generate",
      c,
      summary,
      { body: screened.text, status: "draft", authorId: actor.id },
      now
    );
    return { ...after, redacted: screened.found };
  });
}

export function saveSummary(db: Db, id: number, actor: Staff, body: string, now = new Date()): Promise<FeedbackSummary> {
  return db.transaction(async (tx) => {
    const { c, summary } = await forDrafter(tx, id, actor, now);
    if (summary && summary.status !== "draft") throw new WorkflowError("说明已提交审核，不能修改。");
    return write(tx, actor, "summary.save", c, summary, { body, authorId: actor.id }, now);
  });
}

/** Saves the text and sends it for review; topics still unanswered are listed unless confirmed. */
export function submitSummary(db: Db, id: number, actor: Staff, body: string, confirmUndecided: boolean, now = new Date()): Promise<FeedbackSummary> {
  return db.transaction(async (tx) => {
    const { c, summary } = await forDrafter(tx, id, actor, now);
    if (summary && summary.status !== "draft") throw new WorkflowError("说明已提交审核。");
    checkPublishable(body);
    const undecided = await undecidedTopics(db, id);
    if (undecided.length && !confirmUndecided) throw new UndecidedTopicsError(undecided);
    return write(tx, actor, "summary.submit", c, summary, { body, authorId: actor.id, status: "pending_review", submittedAt: now }, now);
  });
}

export function reviewSummary(
  db: Db,
  id: number,
  actor: Staff,
  decision: "approved" | "returned",
  comment: string | undefined,
  now = new Date()
): Promise<FeedbackSummary> {
  return db.transaction(async (tx) => {
    const { c, summary } = await load(tx, id);
    if (!summary || summary.status !== "pending_review") throw new WorkflowError("意见采纳情况说明当前不在待审核状态。", 409);
    // Said first, and whatever the role: writing it and approving it are never the same person.
    if (summary.authorId === actor.id) throw new WorkflowError("不能审核自己起草的意见采纳情况说明，须由其他审核人员审核。", 403);
    if (!canReviewSummary(actor, summary)) throw new WorkflowError("只有审核人员可以审核意见采纳情况说明。", 403);
    if (decision === "returned" && !comment?.trim()) throw new WorkflowError("退回修改时请填写审核意见。");
    await tx
      .insert(reviews)
      .values({ consultationId: c.id, subject: "summary", reviewerId: actor.id, decision, comment: comment?.trim() || null, createdAt: now });
    if (decision === "returned") return write(tx, actor, "summary.return", c, summary, { status: "draft" }, now);
    checkPublishable(summary.body, WorkflowError);
    // Only staff-approved topic titles may reach the public: no untitled topic, no working label.
    const titles = titleRefusal(await titleProblems(db, id, summary.body));
    if (titles) throw new WorkflowError(titles, 409);
    return write(tx, actor, "summary.approve", c, summary, { status: "approved", approvedBy: actor.id, approvedAt: now }, now);
  });
}

/** An approved text goes back to draft for changes, and so to review again. */
export function reopenSummary(db: Db, id: number, actor: Staff, now = new Date()): Promise<FeedbackSummary> {
  return db.transaction(async (tx) => {
    const { c, summary } = await forDrafter(tx, id, actor, now);
    if (summary?.status !== "approved") throw new WorkflowError("只有审核通过、尚未发布的说明可以撤回修改。");
    return write(tx, actor, "summary.reopen", c, summary, { status: "draft", approvedBy: null, approvedAt: null }, now);
  });
}

/** Why the legal office's review keeps the feedback from being published now, or null. */
export function feedbackPublishBlock(db: Pick<Db, "select">, c: Pick<Consultation, "id" | "status">): Promise<string | null> {
  return c.status === "legal_review" ? legalPublishBlock(db, c.id) : Promise.resolve("请先将合法性审查材料报送法制机构，再公布意见采纳情况说明。");
}

/** Publishing the approved text, once the legal office has finished its review: the consultation becomes 已公布反馈. */
export function publishSummary(db: Db, id: number, actor: Staff, now = new Date()): Promise<FeedbackSummary> {
  return db.transaction(async (tx) => {
    const { c, summary } = await forDrafter(tx, id, actor, now);
    if (summary?.status !== "approved") throw new WorkflowError("说明须经审核通过后才能发布。");
    // The lifecycle: 意见处理中 → 已报送法制审核 → 已公布反馈. The legal office reviews the feedback
    // before it is made public, and publishing waits until its latest round is finished.
    const legalBlock = await feedbackPublishBlock(tx, c);
    if (legalBlock) throw new WorkflowError(legalBlock, 409);
    checkPublishable(summary.body, WorkflowError);
    const after = await write(tx, actor, "summary.publish", c, summary, { status: "published", publishedAt: now }, now);
    const changed = (await tx.update(consultations).set({ status: "feedback_published", updatedAt: now }).where(eq(consultations.id, id)).returning())[0];
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "consultation.feedback_publish",
      entityType: "consultation",
      entityId: id,
      before: auditView(c),
      after: auditView(changed),
    });
    await notifyPublicChange(tx, id);
    // Commenters hear the answer now that it is final, in the transaction that makes it public.
    await queueResultNotices(tx, id, now);
    await queueFollowNotices(tx, id, "published", now);
    return after;
  });
}
