// 采纳情况: the answer to each topic, or to a single comment where it differs from its topic's.
// Recording one is an upsert (a topic or a comment has at most one), audited in the same
// transaction. Nobody is mailed here: an answer may still change in review or legal review, and
// commenters hear the final one when the feedback is published (publishSummary).
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentAnalysis, comments, consultations, dispositions, topics } from "~db/schema";
import { appendAudit } from "~/utils/audit.server";
import { canDraft } from "./consultation-access";
import { auditView } from "./consultation-editor.server";
import { publicPhase } from "./consultation-status";
import { WorkflowError } from "./consultation-workflow.server";
import { latestArticles } from "./article-numbers.server";
import type { DispositionInput } from "./disposition-schema";
import { dispositionFor } from "./comment-status.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Consultation = typeof consultations.$inferSelect;
type Staff = { id: number; displayName: string; role: "admin" | "drafter" | "reviewer" | "legal"; divisionId: number | null };
export type DispositionRow = typeof dispositions.$inferSelect;

export interface CurrentTopic {
  id: number;
  label: string;
  keywords: string[];
  representativeIds: number[];
  noSubstance: boolean;
  size: number;
}

/**
 * The topics of the latest analysis: those that hold comments now. comment_analysis keeps each
 * comment's latest placement, so a topic emptied by a merge or a re-run drops out by itself.
 * Largest first.
 */
export function currentTopics(db: Pick<Db, "select">, consultationId: number): CurrentTopic[] {
  return db
    .select({
      id: topics.id,
      label: topics.label,
      keywords: topics.keywords,
      representativeIds: topics.representativeIds,
      noSubstance: topics.noSubstance,
      size: sql<number>`count(${commentAnalysis.commentId})`,
    })
    .from(topics)
    .innerJoin(commentAnalysis, eq(commentAnalysis.topicId, topics.id))
    .where(eq(topics.consultationId, consultationId))
    .groupBy(topics.id)
    .orderBy(sql`count(${commentAnalysis.commentId}) desc`, topics.id)
    .all();
}

/**
 * The answer a comment has now: the one place that says so, for the result notice and the status
 * page. (Today a comment's own disposition, else its topic's.)
 */
export function answerForComment(db: Pick<Db, "select">, commentId: number): Pick<DispositionRow, "decision" | "reason" | "changeMade"> | undefined {
  return dispositionFor(db, commentId);
}

export function dispositionsOf(db: Pick<Db, "select">, consultationId: number): DispositionRow[] {
  return db.select().from(dispositions).where(eq(dispositions.consultationId, consultationId)).all();
}

/** How many comments of each topic are answered on their own. */
export function overridesPerTopic(db: Db, consultationId: number): Map<number, number> {
  const rows = db.$client
    .prepare(
      `SELECT ca.topic_id AS topicId, count(*) AS n FROM dispositions d
       JOIN comment_analysis ca ON ca.comment_id = d.comment_id
       WHERE d.consultation_id = ? AND ca.topic_id IS NOT NULL GROUP BY ca.topic_id`,
    )
    .all(consultationId) as Array<{ topicId: number; n: number }>;
  return new Map(rows.map((r) => [r.topicId, r.n]));
}

/** Topics with no answer: neither their own nor one for every comment in them. */
export function undecidedTopics(db: Db, consultationId: number): CurrentTopic[] {
  const decided = new Set(dispositionsOf(db, consultationId).flatMap((d) => (d.topicId ? [d.topicId] : [])));
  const overrides = overridesPerTopic(db, consultationId);
  return currentTopics(db, consultationId).filter((t) => !decided.has(t.id) && (overrides.get(t.id) ?? 0) < t.size);
}

/** Why answers cannot be recorded now, or null when they can. */
export function dispositionLock(c: Consultation, now = new Date()): string | null {
  if (c.status === "draft" || c.status === "pending_review") return "征求意见尚未发布，暂不能处理意见。";
  if (c.status === "withdrawn") return "征求意见已撤回，不再处理意见。";
  if (c.status === "feedback_published") return "意见采纳情况说明已公布，处理结果不能再修改。";
  if (publicPhase(c, now) === "upcoming") return "征求意见尚未开始。";
  return null;
}

/** Once the period has closed, the first work on the answers moves the consultation to 意见处理中. */
export function beginProcessing(tx: Tx, c: Consultation, actor: Staff, now = new Date()): void {
  if (c.status !== "published" || publicPhase(c, now) !== "closed") return;
  const after = tx.update(consultations).set({ status: "processing", updatedAt: now }).where(eq(consultations.id, c.id)).returning().get();
  appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action: "consultation.processing",
    entityType: "consultation",
    entityId: c.id,
    before: auditView(c),
    after: auditView(after),
  });
}

function loadForChange(tx: Tx, consultationId: number, actor: Staff): Consultation {
  const c = tx.select().from(consultations).where(eq(consultations.id, consultationId)).get();
  if (!c) throw new WorkflowError("未找到该征求意见。", 404);
  if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以处理意见。", 403);
  const locked = dispositionLock(c);
  if (locked) throw new WorkflowError(locked, 409);
  return c;
}

const auditShape = (d: DispositionRow | undefined) =>
  d && { topicId: d.topicId, commentId: d.commentId, decision: d.decision, reason: d.reason, articleIdentityId: d.articleIdentityId, changeMade: d.changeMade };

export function recordDisposition(db: Db, consultationId: number, actor: Staff, input: DispositionInput, now = new Date()): DispositionRow {
  // The draft's articles only change with a new version, which does not happen while answering.
  const articles = latestArticles(db, consultationId);
  return db.transaction((tx) => {
    const c = loadForChange(tx, consultationId, actor);
    if (input.topicId !== undefined) {
      const t = tx.select({ consultationId: topics.consultationId }).from(topics).where(eq(topics.id, input.topicId)).get();
      if (t?.consultationId !== consultationId) throw new WorkflowError("未找到该主题。", 404);
    } else {
      const cm = tx.select({ consultationId: comments.consultationId }).from(comments).where(eq(comments.id, input.commentId!)).get();
      if (cm?.consultationId !== consultationId) throw new WorkflowError("未找到该意见。", 404);
    }
    if (input.articleIdentityId !== null && !articles.some((a) => a.identityId === input.articleIdentityId)) {
      throw new WorkflowError("所选条款不在征求意见稿中。", 400);
    }
    const target = input.topicId !== undefined ? eq(dispositions.topicId, input.topicId) : eq(dispositions.commentId, input.commentId!);
    const before = tx.select().from(dispositions).where(and(eq(dispositions.consultationId, consultationId), target)).get();
    const values = {
      decision: input.decision,
      reason: input.reason,
      articleIdentityId: input.articleIdentityId,
      // A change only belongs to an adoption; a stale one left in the form is not kept.
      changeMade: input.decision === "adopted" || input.decision === "partly_adopted" ? input.changeMade : null,
      decidedBy: actor.id,
    };
    const row = before
      ? tx.update(dispositions).set({ ...values, updatedAt: now }).where(eq(dispositions.id, before.id)).returning().get()
      : tx.insert(dispositions).values({ ...values, consultationId, topicId: input.topicId ?? null, commentId: input.commentId ?? null }).returning().get();
    appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: before ? "disposition.update" : "disposition.record",
      entityType: "disposition",
      entityId: row.id,
      before: auditShape(before),
      after: auditShape(row),
      at: now,
    });
    beginProcessing(tx, c, actor, now);
    return row;
  });
}

/** Removes a comment's own answer: its topic's applies again. */
export function clearOverride(db: Db, consultationId: number, actor: Staff, commentId: number): void {
  db.transaction((tx) => {
    loadForChange(tx, consultationId, actor);
    const before = tx
      .select()
      .from(dispositions)
      .where(and(eq(dispositions.consultationId, consultationId), eq(dispositions.commentId, commentId)))
      .get();
    if (!before) throw new WorkflowError("该意见没有单独的处理结果。", 404);
    tx.delete(dispositions).where(eq(dispositions.id, before.id)).run();
    appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "disposition.clear",
      entityType: "disposition",
      entityId: before.id,
      before: auditShape(before),
    });
  });
}
