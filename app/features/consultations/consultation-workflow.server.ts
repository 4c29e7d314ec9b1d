// State changes of a consultation after drafting: review, publication, extension, withdrawal.
// Each check is made here, on the server, whatever the page offered; each step is audited in the
// same transaction as the change.
import { and, desc, eq, isNull } from "drizzle-orm";
import { raw, type Db, type Tx } from "~db/client.server";
import { consultations, deadlineExtensions, draftVersions, reviews, users } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { canDraft, canReview, isReviewer } from "~/features/accounts";
import { auditView } from "./consultation-editor.server";
import { publicPhase } from "./consultation-status";
import { loadCalendar } from "./calendar.server";
import { periodAtPublication } from "~/platform/periods";
import { formatDateTime } from "~/platform/dates";
import { reindexConsultation } from "~/features/search/index.server";
import { queueFollowNotices, queueNewConsultationNotices, queueReviewRequests } from "~/features/notices/index.server";

import { WorkflowError } from "./workflow-error";

type Staff = { id: number; displayName: string; role: "admin" | "drafter" | "reviewer" | "legal"; divisionId: number | null };
type Consultation = typeof consultations.$inferSelect;

/** Everything that follows a change the public can see, in the same transaction as the change. */
export async function notifyPublicChange(tx: Tx, consultationId: number, now = new Date()) {
  await reindexConsultation(tx, consultationId);
  await queueNewConsultationNotices(tx, consultationId, now);
}

async function load(tx: Tx, id: number): Promise<Consultation> {
  const c = (await tx.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0];
  if (!c) throw new WorkflowError("未找到该征求意见。", 404);
  return c;
}

async function change(tx: Tx, actor: Staff, action: string, before: Consultation, set: Partial<Consultation>): Promise<Consultation> {
  const after = (
    await tx
      .update(consultations)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(consultations.id, before.id))
      .returning()
  )[0];
  await appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action,
    entityType: "consultation",
    entityId: before.id,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/** Problems that stop a draft from going to review, in the drafter's words. */
export async function readinessProblems(db: Db, c: Consultation, now = new Date()): Promise<string[]> {
  const problems: string[] = [];
  if (!c.basis.trim()) problems.push("尚未填写起草说明。");
  if (!c.opensAt || !c.closesAt) problems.push("尚未设置征求意见期。");
  else {
    if (c.closesAt <= now) problems.push("截止时间已过，请修改征求意见期。");
    // Counted as if published now: a start already past cannot be the real one.
    const period = periodAtPublication(c.docType, c.opensAt, c.closesAt, now, await loadCalendar(db));
    if (!period.meetsMinimum && !c.shortPeriodReason) {
      const moved = period.startMoved ? "开始时间已过，按现在开始计算，" : "";
      problems.push(`征求意见期短于法定最短期限（${moved}最早可于 ${formatDateTime(period.earliestEnd)} 截止），须说明理由。`);
    }
  }
  const articles = (await raw(db).get(
    `SELECT count(*) AS n FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id
       WHERE v.consultation_id = ? AND n.kind = 'article'`,
    c.id
  )) as { n: number };
  if (articles.n === 0) problems.push("征求意见稿中没有识别出任何条文（第X条）。");
  return problems;
}

export async function submitForReview(db: Db, id: number, actor: Staff, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await load(tx, id);
    if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以提交审核。", 403);
    if (c.status !== "draft") throw new WorkflowError("只有草稿可以提交审核。");
    const problems = await readinessProblems(db, c, now);
    if (problems.length) throw new WorkflowError(`暂不能提交审核：${problems.join("")}`);
    await change(tx, actor, "consultation.submit", c, { status: "pending_review" });
    await queueReviewRequests(tx, id, actor.displayName, now);
  });
}

/**
 * The period as it will be when published now: a start already past becomes the approval instant,
 * and the minimum is counted again from it. A period now shorter than the minimum needs a reason
 * the public will read: the drafter's, or one the reviewer gives on approval.
 */
export async function periodOnApproval(db: Db, c: Consultation, now: Date, shortPeriodReason?: string | null) {
  if (!c.opensAt || !c.closesAt) throw new WorkflowError("尚未设置征求意见期，请退回起草人员修改。");
  if (c.closesAt <= now) throw new WorkflowError("截止时间已过，请退回起草人员修改征求意见期。");
  const period = periodAtPublication(c.docType, c.opensAt, c.closesAt, now, await loadCalendar(db));
  const reason = shortPeriodReason?.trim() || c.shortPeriodReason;
  if (!period.meetsMinimum && !reason) {
    const start = period.startMoved ? `所填开始时间已过，实际开始时间为审核通过之时（${formatDateTime(period.opensAt)}），` : "";
    throw new WorkflowError(
      `${start}征求意见期短于法定最短期限：最早可于 ${formatDateTime(period.earliestEnd)} 截止，现定于 ${formatDateTime(c.closesAt)} 截止。` +
        "请填写缩短期限的理由（将向社会公开），或退回起草人员修改征求意见期。"
    );
  }
  return { ...period, shortPeriodReason: period.meetsMinimum ? c.shortPeriodReason : reason };
}

export async function review(
  db: Db,
  id: number,
  actor: Staff,
  decision: "approved" | "returned",
  comment: string | undefined,
  now = new Date(),
  shortPeriodReason?: string | null
): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await load(tx, id);
    if (!isReviewer(actor)) throw new WorkflowError("只有审核人员可以审核。", 403);
    if (actor.id === c.authorId) throw new WorkflowError("不能审核自己起草的征求意见。", 403);
    if (!canReview(actor, c)) throw new WorkflowError("您不能审核该征求意见。", 403);
    if (c.status !== "pending_review") throw new WorkflowError("该征求意见当前不在待审核状态。");
    if (decision === "returned" && !comment?.trim()) throw new WorkflowError("退回修改时请填写审核意见。");
    await tx.insert(reviews).values({ consultationId: id, subject: "consultation", reviewerId: actor.id, decision, comment: comment || null });
    if (decision === "returned") {
      await change(tx, actor, "consultation.return", c, { status: "draft" });
      return;
    }
    // Approval publishes: the public sees it as 即将开始 until the start time, then 征求中.
    const period = await periodOnApproval(db, c, now, shortPeriodReason);
    await change(tx, actor, "consultation.approve", c, {
      status: "published",
      publishedAt: now,
      opensAt: period.opensAt,
      shortPeriodReason: period.shortPeriodReason,
    });
    await tx
      .update(draftVersions)
      .set({ frozenAt: now })
      .where(and(eq(draftVersions.consultationId, id), isNull(draftVersions.frozenAt)));
    await notifyPublicChange(tx, id, now);
  });
}

export async function extendDeadline(db: Db, id: number, actor: Staff, newClosesAt: Date, reason: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await load(tx, id);
    if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以延长征求意见期。", 403);
    if (publicPhase(c, now) !== "open" && publicPhase(c, now) !== "upcoming") {
      throw new WorkflowError("只有尚未截止的征求意见可以延长期限。");
    }
    if (!c.closesAt || newClosesAt <= c.closesAt) throw new WorkflowError("新的截止时间必须晚于原截止时间。");
    await tx.insert(deadlineExtensions).values({ consultationId: id, previousClosesAt: c.closesAt, newClosesAt, reason, userId: actor.id });
    await change(tx, actor, "consultation.extend", c, { closesAt: newClosesAt });
    await notifyPublicChange(tx, id);
    await queueFollowNotices(tx, id, "extended", now);
  });
}

export async function withdraw(db: Db, id: number, actor: Staff, reason: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await load(tx, id);
    if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以撤回。", 403);
    if (c.status === "draft" || c.status === "pending_review" || c.status === "withdrawn") {
      throw new WorkflowError("只有已发布的征求意见可以撤回。");
    }
    await change(tx, actor, "consultation.withdraw", c, { status: "withdrawn", withdrawnAt: now, withdrawnReason: reason });
    await notifyPublicChange(tx, id);
  });
}

/** The reviewers' decisions on a consultation, newest first. */
export async function consultationReviews(db: Db, consultationId: number) {
  return db
    .select({ decision: reviews.decision, comment: reviews.comment, createdAt: reviews.createdAt, reviewer: users.displayName })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(and(eq(reviews.consultationId, consultationId), eq(reviews.subject, "consultation")))
    .orderBy(desc(reviews.id));
}
