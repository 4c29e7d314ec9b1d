// 采纳情况: opinions (意见要点) inside a topic, each answering the comments listed for it, and a
// single comment's own answer. Every write is audited in the same transaction. Nobody is mailed
// here: an answer may still change in review or legal review, and commenters hear the final one
// when the feedback is published (publishSummary). Which answer a comment carries is decided in
// one place: comment-answers.server.ts (answerForComment).
import { and, eq, sql } from "drizzle-orm";
import { raw, type Db, type Tx } from "~db/client.server";
import { commentAnalysis, comments, consultations, dispositions, opinionComments, topics } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { publicPhase, WorkflowError } from "~/features/consultations";
import { canDraft } from "~/features/accounts";
import { auditView, latestArticles } from "~/features/consultations/index.server";
import { answersByComment } from "./comment-answers.server";
import type { DispositionInput, OpinionInput } from "./disposition-schema";
import { refusalFor } from "~/features/comments/index.server";

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
export function currentTopics(db: Pick<Db, "select">, consultationId: number): Promise<CurrentTopic[]> {
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
    .orderBy(sql`count(${commentAnalysis.commentId}) desc`, topics.id);
}

export function dispositionsOf(db: Pick<Db, "select">, consultationId: number): Promise<DispositionRow[]> {
  return db.select().from(dispositions).where(eq(dispositions.consultationId, consultationId));
}

/** How many comments of each topic are answered on their own. */
export async function overridesPerTopic(db: Db, consultationId: number): Promise<Map<number, number>> {
  const rows = (await raw(db).all(
    `SELECT ca.topic_id AS "topicId", count(*) AS n FROM dispositions d
       JOIN comment_analysis ca ON ca.comment_id = d.comment_id
       WHERE d.consultation_id = ? AND ca.topic_id IS NOT NULL GROUP BY ca.topic_id`,
    consultationId
  )) as Array<{ topicId: number; n: number }>;
  return new Map(rows.map((r) => [r.topicId, r.n]));
}

/** How many comments of each topic carry an answer (their own, their opinion's or their first copy's). */
export async function answeredPerTopic(db: Db, consultationId: number, answers?: Awaited<ReturnType<typeof answersByComment>>): Promise<Map<number, number>> {
  answers ??= await answersByComment(db, consultationId);
  const placed = (await raw(db).all(
    `SELECT ca.comment_id AS "commentId", ca.topic_id AS "topicId" FROM comment_analysis ca JOIN comments c ON c.id = ca.comment_id WHERE c.consultation_id = ? AND ca.topic_id IS NOT NULL`,
    consultationId
  )) as Array<{ commentId: number; topicId: number }>;
  const out = new Map<number, number>();
  for (const p of placed) if (answers.has(p.commentId)) out.set(p.topicId, (out.get(p.topicId) ?? 0) + 1);
  return out;
}

/** Topics with a comment that carries no answer yet. */
export async function undecidedTopics(db: Db, consultationId: number): Promise<CurrentTopic[]> {
  const answered = await answeredPerTopic(db, consultationId);
  return (await currentTopics(db, consultationId)).filter((t) => (answered.get(t.id) ?? 0) < t.size);
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
export async function beginProcessing(tx: Tx, c: Consultation, actor: Staff, now = new Date()): Promise<void> {
  if (c.status !== "published" || publicPhase(c, now) !== "closed") return;
  const after = (await tx.update(consultations).set({ status: "processing", updatedAt: now }).where(eq(consultations.id, c.id)).returning())[0];
  await appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action: "consultation.processing",
    entityType: "consultation",
    entityId: c.id,
    before: auditView(c),
    after: auditView(after),
  });
}

async function loadForChange(tx: Tx, consultationId: number, actor: Staff): Promise<Consultation> {
  const c = (await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1))[0];
  if (!c) throw new WorkflowError("未找到该征求意见。", 404);
  if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以处理意见。", 403);
  const locked = dispositionLock(c);
  if (locked) throw new WorkflowError(locked, 409);
  return c;
}

const auditShape = (d: DispositionRow | undefined) =>
  d && {
    topicId: d.topicId,
    commentId: d.commentId,
    title: d.title,
    decision: d.decision,
    reason: d.reason,
    articleIdentityId: d.articleIdentityId,
    changeMade: d.changeMade,
  };

type AnswerFields = Pick<DispositionInput, "decision" | "reason" | "articleIdentityId" | "changeMade">;

function answerValues(input: AnswerFields, articles: Awaited<ReturnType<typeof latestArticles>>, actor: Staff) {
  if (input.articleIdentityId !== null && !articles.some((a) => a.identityId === input.articleIdentityId)) {
    throw new WorkflowError("所选条款不在征求意见稿中。", 400);
  }
  return {
    decision: input.decision,
    reason: input.reason,
    articleIdentityId: input.articleIdentityId,
    // A change only belongs to an adoption; a stale one left in the form is not kept.
    changeMade: input.decision === "adopted" || input.decision === "partly_adopted" ? input.changeMade : null,
    decidedBy: actor.id,
  };
}

async function audit(
  tx: Tx,
  actor: Staff,
  action: string,
  before: DispositionRow | undefined,
  after: DispositionRow | undefined,
  extra: Record<string, unknown>,
  now: Date
) {
  await appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action,
    entityType: "disposition",
    entityId: (after ?? before)!.id,
    before: before && { ...auditShape(before), ...(extra.before as object) },
    after: after && { ...auditShape(after), ...(extra.after as object) },
    at: now,
  });
}

/** A single comment's own answer: it wins over the answer of any opinion that lists the comment. */
export async function recordDisposition(db: Db, consultationId: number, actor: Staff, input: DispositionInput, now = new Date()): Promise<DispositionRow> {
  // The draft's articles only change with a new version, which does not happen while answering.
  const articles = await latestArticles(db, consultationId);
  return db.transaction(async (tx) => {
    const c = await loadForChange(tx, consultationId, actor);
    const cm = (await tx.select({ consultationId: comments.consultationId }).from(comments).where(eq(comments.id, input.commentId!)).limit(1))[0];
    if (cm?.consultationId !== consultationId) throw new WorkflowError("未找到该意见。", 404);
    const values = answerValues(input, articles, actor);
    const before = (
      await tx
        .select()
        .from(dispositions)
        .where(and(eq(dispositions.consultationId, consultationId), eq(dispositions.commentId, input.commentId!)))
        .limit(1)
    )[0];
    const row = before
      ? (
          await tx
            .update(dispositions)
            .set({ ...values, updatedAt: now })
            .where(eq(dispositions.id, before.id))
            .returning()
        )[0]
      : (
          await tx
            .insert(dispositions)
            .values({ ...values, consultationId, commentId: input.commentId! })
            .returning()
        )[0];
    await audit(tx, actor, before ? "disposition.update" : "disposition.record", before, row, {}, now);
    await beginProcessing(tx, c, actor, now);
    return row;
  });
}

const membersOf = async (tx: Tx, opinionId: number) =>
  (await tx.select({ id: opinionComments.commentId }).from(opinionComments).where(eq(opinionComments.dispositionId, opinionId))).map((r) => r.id);

/**
 * Records an opinion of a topic or revises one: its point, its answer and the comments it answers.
 * A comment listed here leaves any other opinion (a comment belongs to at most one). Comments the
 * form did not show keep their place, so a topic too large to list is never emptied by accident.
 */
export async function recordOpinion(db: Db, consultationId: number, actor: Staff, input: OpinionInput, now = new Date()): Promise<DispositionRow> {
  const articles = await latestArticles(db, consultationId);
  return db.transaction(async (tx) => {
    const c = await loadForChange(tx, consultationId, actor);
    const t = (await tx.select({ consultationId: topics.consultationId }).from(topics).where(eq(topics.id, input.topicId)).limit(1))[0];
    if (t?.consultationId !== consultationId) throw new WorkflowError("未找到该主题。", 404);
    const values = { ...answerValues(input, articles, actor), title: input.title };
    const before =
      input.opinionId === undefined
        ? undefined
        : (
            await tx
              .select()
              .from(dispositions)
              .where(and(eq(dispositions.id, input.opinionId), eq(dispositions.topicId, input.topicId)))
              .limit(1)
          )[0];
    if (input.opinionId !== undefined && !before) throw new WorkflowError("未找到该意见要点，可能已被删除。请刷新页面。", 404);

    const inTopic = new Set(
      (await tx.select({ id: commentAnalysis.commentId }).from(commentAnalysis).where(eq(commentAnalysis.topicId, input.topicId))).map((r) => r.id)
    );
    if (input.commentIds.some((id) => !inTopic.has(id)) || input.listedIds.some((id) => !inTopic.has(id))) {
      throw new WorkflowError("所选意见不在本主题中，可能已被移动。请刷新页面后重试。", 400);
    }
    const previous = before ? await membersOf(tx, before.id) : [];
    const listed = new Set(input.listedIds);
    const members = new Set([...previous.filter((id) => !listed.has(id)), ...input.commentIds]);
    if (input.includeUnanswered) {
      const unanswered = await tx
        .select({ id: commentAnalysis.commentId })
        .from(commentAnalysis)
        .where(
          and(
            eq(commentAnalysis.topicId, input.topicId),
            sql`not exists (select 1 from ${dispositions} o where o.comment_id = ${commentAnalysis.commentId})`,
            sql`not exists (select 1 from ${opinionComments} m where m.comment_id = ${commentAnalysis.commentId})`
          )
        );
      for (const r of unanswered) members.add(r.id);
    }
    if (members.size === 0) throw new WorkflowError("意见要点至少要答复一条意见；不再需要时，请删除该意见要点。", 400);

    const row = before
      ? (
          await tx
            .update(dispositions)
            .set({ ...values, updatedAt: now })
            .where(eq(dispositions.id, before.id))
            .returning()
        )[0]
      : (
          await tx
            .insert(dispositions)
            .values({ ...values, consultationId, topicId: input.topicId })
            .returning()
        )[0];
    await tx.delete(opinionComments).where(eq(opinionComments.dispositionId, row.id));
    const ids = [...members].sort((a, b) => a - b);
    for (const commentId of ids) {
      await tx
        .insert(opinionComments)
        .values({ commentId, dispositionId: row.id })
        .onConflictDoUpdate({ target: opinionComments.commentId, set: { dispositionId: row.id } });
    }
    await audit(
      tx,
      actor,
      before ? "disposition.update" : "disposition.record",
      before,
      row,
      { before: { commentIds: previous }, after: { commentIds: ids } },
      now
    );
    await beginProcessing(tx, c, actor, now);
    return row;
  });
}

/** Deletes an opinion: the comments it answered carry no answer until staff answer them again. */
export async function deleteOpinion(db: Db, consultationId: number, actor: Staff, opinionId: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForChange(tx, consultationId, actor);
    const before = (
      await tx
        .select()
        .from(dispositions)
        .where(and(eq(dispositions.id, opinionId), eq(dispositions.consultationId, consultationId)))
        .limit(1)
    )[0];
    if (!before?.topicId) throw new WorkflowError("未找到该意见要点，可能已被删除。请刷新页面。", 404);
    const previous = await membersOf(tx, before.id);
    await tx.delete(opinionComments).where(eq(opinionComments.dispositionId, before.id));
    await tx.delete(dispositions).where(eq(dispositions.id, before.id));
    await audit(tx, actor, "disposition.delete", before, undefined, { before: { commentIds: previous } }, now);
  });
}

/** Removes a comment's own answer: the answer of the opinion that lists it applies again, if any. */
export async function clearOverride(db: Db, consultationId: number, actor: Staff, commentId: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForChange(tx, consultationId, actor);
    const before = (
      await tx
        .select()
        .from(dispositions)
        .where(and(eq(dispositions.consultationId, consultationId), eq(dispositions.commentId, commentId)))
        .limit(1)
    )[0];
    if (!before) throw new WorkflowError("该意见没有单独的处理结果。", 404);
    await tx.delete(dispositions).where(eq(dispositions.id, before.id));
    await audit(tx, actor, "disposition.clear", before, undefined, {}, now);
  });
}

/** Staff approve the title a topic is published under (topic-titles.ts); audited. */
export async function approveTopicTitle(
  db: Db,
  consultationId: number,
  actor: Staff,
  input: { topicId: number; publicTitle: string },
  now = new Date()
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForChange(tx, consultationId, actor);
    const t = (
      await tx
        .select()
        .from(topics)
        .where(and(eq(topics.id, input.topicId), eq(topics.consultationId, consultationId)))
        .limit(1)
    )[0];
    if (!t) throw new WorkflowError("未找到该主题。", 404);
    const refused = refusalFor(input.publicTitle, "公开标题");
    if (refused) throw new WorkflowError(refused, 400);
    await tx.update(topics).set({ publicTitle: input.publicTitle }).where(eq(topics.id, t.id));
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "topic.public_title",
      entityType: "topic",
      entityId: t.id,
      before: { publicTitle: t.publicTitle },
      after: { publicTitle: input.publicTitle },
      at: now,
    });
  });
}

/** The topic a comment is placed in, or null. */
export async function topicOfComment(db: Db, commentId: number): Promise<number | null> {
  return (await raw(db).value<number | null>(`SELECT topic_id FROM comment_analysis WHERE comment_id = ?`, commentId)) ?? null;
}
