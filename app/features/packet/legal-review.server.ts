// 合法性审查 as a round trip: the drafting division hands the packet to the legal office (待登记),
// which takes it in (审查中) and either returns it with opinions, general or on an article (退回修改),
// or finishes with its conclusion (审查完毕). A returned packet comes back once the drafter has
// answered every opinion: the next round. Each step is checked here, whatever the page offered,
// audited and notified to the other side in the transaction of the change.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "~db/client.server";
import { consultations, divisions, legalOpinions, legalReviews, users } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { auditView, latestArticles, notifyPublicChange } from "~/features/consultations/index.server";
import { publicPhase, WorkflowError } from "~/features/consultations";
import { canDraft, canRecordLegalProgress } from "~/features/accounts";
import type { LegalStage } from "./legal-review-schema";
import { queueLegalProgressNotice, queuePacketArrivalNotice } from "~/features/notices/index.server";

type Staff = { id: number; displayName: string; role: "admin" | "drafter" | "reviewer" | "legal"; divisionId: number | null };
type Consultation = typeof consultations.$inferSelect;
type ReviewRow = typeof legalReviews.$inferSelect;

/** Only once the comment period is over: the packet must hold every comment. */
export function maySubmitToLegal(c: Consultation, now = new Date()): boolean {
  const phase = publicPhase(c, now);
  return phase === "closed" || phase === "processing";
}

/** Where the current round stands. */
export function legalStage(r: Pick<ReviewRow, "receivedAt" | "returnedAt" | "finishedAt">): LegalStage {
  if (r.finishedAt) return "finished";
  if (r.returnedAt) return "returned";
  if (r.receivedAt) return "in_review";
  return "submitted";
}

const submitter = alias(users, "submitter");
const receiver = alias(users, "receiver");
const finisher = alias(users, "finisher");
const returner = alias(users, "returner");

const reviewColumns = {
  consultationId: legalReviews.consultationId,
  title: consultations.title,
  divisionName: divisions.name,
  round: legalReviews.round,
  submittedAt: legalReviews.submittedAt,
  submittedBy: submitter.displayName,
  receivedAt: legalReviews.receivedAt,
  receivedBy: receiver.displayName,
  returnedAt: legalReviews.returnedAt,
  returnedBy: returner.displayName,
  finishedAt: legalReviews.finishedAt,
  finishedBy: finisher.displayName,
  note: legalReviews.note,
};

function reviewsQuery(db: Pick<Db, "select">) {
  return db
    .select(reviewColumns)
    .from(legalReviews)
    .innerJoin(consultations, eq(consultations.id, legalReviews.consultationId))
    .innerJoin(divisions, eq(divisions.id, consultations.divisionId))
    .innerJoin(submitter, eq(submitter.id, legalReviews.submittedBy))
    .leftJoin(receiver, eq(receiver.id, legalReviews.receivedBy))
    .leftJoin(returner, eq(returner.id, legalReviews.returnedBy))
    .leftJoin(finisher, eq(finisher.id, legalReviews.finishedBy));
}

export type LegalReview = NonNullable<Awaited<ReturnType<typeof getLegalReview>>>;

export async function getLegalReview(db: Pick<Db, "select">, consultationId: number) {
  const r = (await reviewsQuery(db).where(eq(legalReviews.consultationId, consultationId)).limit(1))[0];
  return r && { ...r, stage: legalStage(r) };
}

/** What the legal office sees at /admin/legal: every packet sent to it, newest first. */
export async function listLegalReviews(db: Pick<Db, "select">) {
  return (await reviewsQuery(db).orderBy(desc(legalReviews.submittedAt))).map((r) => ({ ...r, stage: legalStage(r) }));
}

const author = alias(users, "opinion_author");
const answerer = alias(users, "opinion_answerer");

/** Every opinion of every round, oldest first, with the article it is on ("总体意见" when none). */
export async function legalOpinionsOf(db: Db, consultationId: number) {
  const labels = new Map((await latestArticles(db, consultationId)).map((a) => [a.identityId, a.label]));
  return (
    await db
      .select({
        id: legalOpinions.id,
        round: legalOpinions.round,
        articleIdentityId: legalOpinions.articleIdentityId,
        body: legalOpinions.body,
        createdAt: legalOpinions.createdAt,
        createdBy: author.displayName,
        answer: legalOpinions.answer,
        answeredAt: legalOpinions.answeredAt,
        answeredBy: answerer.displayName,
      })
      .from(legalOpinions)
      .innerJoin(author, eq(author.id, legalOpinions.createdBy))
      .leftJoin(answerer, eq(answerer.id, legalOpinions.answeredBy))
      .where(eq(legalOpinions.consultationId, consultationId))
      .orderBy(asc(legalOpinions.round), asc(legalOpinions.id))
  ).map((o) => ({ ...o, article: o.articleIdentityId === null ? "总体意见" : labels.get(o.articleIdentityId) ?? "（已删除的条款）" }));
}

export type LegalOpinion = Awaited<ReturnType<typeof legalOpinionsOf>>[number];

/** Why the feedback cannot be published yet as far as the legal office goes, or null. */
export async function legalPublishBlock(db: Pick<Db, "select">, consultationId: number): Promise<string | null> {
  const row = (await db.select().from(legalReviews).where(eq(legalReviews.consultationId, consultationId)).limit(1))[0];
  if (!row) return "请先将合法性审查材料报送法制机构，再公布意见采纳情况说明。";
  const stage = legalStage(row);
  if (stage === "finished") return null;
  if (stage === "returned") return `法制机构已退回修改（第 ${row.round} 轮），请答复审查意见并重新报送；审查完毕后才能公布。`;
  return `法制机构尚未审查完毕（第 ${row.round} 轮，${stage === "submitted" ? "待登记" : "审查中"}），审查完毕后才能公布意见采纳情况说明。`;
}

async function load(tx: Tx, id: number): Promise<Consultation> {
  const c = (await tx.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0];
  if (!c) throw new WorkflowError("未找到该征求意见。", 404);
  return c;
}

async function audit(tx: Tx, actor: Staff, action: string, id: number, before: unknown, after: unknown, at: Date) {
  await appendAudit(tx, { actor: { id: actor.id, label: actor.displayName }, action, entityType: "consultation", entityId: id, before, after, at });
}

export async function submitToLegalReview(db: Db, id: number, actor: Staff, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await load(tx, id);
    if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以报送法制审核。", 403);
    if ((await tx.select().from(legalReviews).where(eq(legalReviews.consultationId, id)).limit(1))[0]) {
      throw new WorkflowError("该征求意见已报送法制审核。");
    }
    if (!maySubmitToLegal(c, now)) throw new WorkflowError("征求意见期结束后才能报送法制审核。");
    await tx.insert(legalReviews).values({ consultationId: id, submittedBy: actor.id, submittedAt: now });
    const after = (await tx.update(consultations).set({ status: "legal_review", updatedAt: now }).where(eq(consultations.id, id)).returning())[0];
    await audit(tx, actor, "consultation.legal_submit", id, auditView(c), auditView(after), now);
    await queuePacketArrivalNotice(tx, id, now);
    await notifyPublicChange(tx, id);
  });
}

/** The review row for a legal-office step, in the stage the step needs. */
async function forLegal(tx: Tx, id: number, actor: Staff, needs: LegalStage, wrongStage: (stage: LegalStage) => string): Promise<ReviewRow> {
  await load(tx, id);
  if (!canRecordLegalProgress(actor)) throw new WorkflowError("只有法制机构可以登记审查进度。", 403);
  const row = (await tx.select().from(legalReviews).where(eq(legalReviews.consultationId, id)).limit(1))[0];
  if (!row) throw new WorkflowError("该征求意见尚未报送法制审核。");
  const stage = legalStage(row);
  if (stage !== needs) throw new WorkflowError(wrongStage(stage), 409);
  return row;
}

const inReviewOnly = (stage: LegalStage) =>
  stage === "submitted" ? "请先登记接收。" : stage === "returned" ? "材料已退回修改，等待起草处室重新报送。" : "已登记审查完毕。";

export async function markLegalReviewReceived(db: Db, id: number, actor: Staff, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await forLegal(tx, id, actor, "submitted", (s) => (s === "returned" ? "材料已退回修改，等待起草处室重新报送。" : "已登记接收。"));
    await tx.update(legalReviews).set({ receivedBy: actor.id, receivedAt: now }).where(eq(legalReviews.id, row.id));
    await audit(tx, actor, "legal_review.receive", id, null, { round: row.round, receivedAt: now.toISOString() }, now);
    await queueLegalProgressNotice(tx, id, "received", row.round, now);
  });
}

/** Adds an opinion to the round under review; the drafter sees it once the packet is returned. */
export async function addLegalOpinion(db: Db, id: number, actor: Staff, input: { article: number | null; body: string }, now = new Date()): Promise<void> {
  const articles = await latestArticles(db, id);
  await db.transaction(async (tx) => {
    const row = await forLegal(tx, id, actor, "in_review", inReviewOnly);
    if (input.article !== null && !articles.some((a) => a.identityId === input.article)) throw new WorkflowError("所选条款不在征求意见稿中。");
    const o = (
      await tx
        .insert(legalOpinions)
        .values({ consultationId: id, round: row.round, articleIdentityId: input.article, body: input.body, createdBy: actor.id, createdAt: now })
        .returning()
    )[0];
    await audit(tx, actor, "legal_review.opinion", id, null, { round: row.round, opinionId: o.id, articleIdentityId: o.articleIdentityId, body: o.body }, now);
  });
}

/** An opinion not yet sent back can be taken out again. */
export async function removeLegalOpinion(db: Db, id: number, actor: Staff, opinionId: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await forLegal(tx, id, actor, "in_review", inReviewOnly);
    const o = (
      await tx
        .select()
        .from(legalOpinions)
        .where(and(eq(legalOpinions.id, opinionId), eq(legalOpinions.consultationId, id), eq(legalOpinions.round, row.round)))
        .limit(1)
    )[0];
    if (!o) throw new WorkflowError("未找到该审查意见。", 404);
    await tx.delete(legalOpinions).where(eq(legalOpinions.id, o.id));
    await audit(
      tx,
      actor,
      "legal_review.opinion_remove",
      id,
      { round: o.round, opinionId: o.id, articleIdentityId: o.articleIdentityId, body: o.body },
      null,
      now
    );
  });
}

const roundOpinions = (tx: Tx, id: number, round: number) =>
  tx
    .select()
    .from(legalOpinions)
    .where(and(eq(legalOpinions.consultationId, id), eq(legalOpinions.round, round)));

/** 退回修改: the round's opinions go to the drafting division, which answers them. */
export async function returnLegalReview(db: Db, id: number, actor: Staff, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await forLegal(tx, id, actor, "in_review", inReviewOnly);
    const opinions = await roundOpinions(tx, id, row.round);
    if (opinions.length === 0) throw new WorkflowError("退回修改前请至少填写一条审查意见。");
    await tx.update(legalReviews).set({ returnedBy: actor.id, returnedAt: now }).where(eq(legalReviews.id, row.id));
    await audit(tx, actor, "legal_review.return", id, null, { round: row.round, returnedAt: now.toISOString(), opinions: opinions.length }, now);
    await queueLegalProgressNotice(tx, id, "returned", row.round, now);
  });
}

async function forDrafter(tx: Tx, id: number, actor: Staff): Promise<ReviewRow> {
  const c = await load(tx, id);
  if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以答复审查意见。", 403);
  const row = (await tx.select().from(legalReviews).where(eq(legalReviews.consultationId, id)).limit(1))[0];
  if (!row || legalStage(row) !== "returned") throw new WorkflowError("材料当前未被退回修改。", 409);
  return row;
}

/** The drafter's answer to one opinion of the returned round; may be revised until resubmission. */
export async function answerLegalOpinion(db: Db, id: number, actor: Staff, input: { opinionId: number; answer: string }, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await forDrafter(tx, id, actor);
    const o = (
      await tx
        .select()
        .from(legalOpinions)
        .where(and(eq(legalOpinions.id, input.opinionId), eq(legalOpinions.consultationId, id), eq(legalOpinions.round, row.round)))
        .limit(1)
    )[0];
    if (!o) throw new WorkflowError("未找到该审查意见。", 404);
    await tx.update(legalOpinions).set({ answer: input.answer, answeredBy: actor.id, answeredAt: now }).where(eq(legalOpinions.id, o.id));
    await audit(tx, actor, "legal_review.answer", id, { opinionId: o.id, answer: o.answer }, { opinionId: o.id, answer: input.answer }, now);
  });
}

/** 重新报送: every opinion answered, the packet goes back to the legal office as the next round. */
export async function resubmitLegalReview(db: Db, id: number, actor: Staff, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await forDrafter(tx, id, actor);
    const open = await tx
      .select({ id: legalOpinions.id })
      .from(legalOpinions)
      .where(and(eq(legalOpinions.consultationId, id), eq(legalOpinions.round, row.round), isNull(legalOpinions.answer)));
    if (open.length) throw new WorkflowError(`还有 ${open.length} 条审查意见尚未答复，答复全部意见后才能重新报送。`);
    const round = row.round + 1;
    await tx
      .update(legalReviews)
      .set({ round, submittedBy: actor.id, submittedAt: now, receivedBy: null, receivedAt: null, returnedBy: null, returnedAt: null })
      .where(eq(legalReviews.id, row.id));
    await audit(tx, actor, "legal_review.resubmit", id, { round: row.round }, { round, submittedAt: now.toISOString() }, now);
    await queuePacketArrivalNotice(tx, id, now);
  });
}

export async function markLegalReviewFinished(db: Db, id: number, actor: Staff, note: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await forLegal(tx, id, actor, "in_review", (s) => (s === "submitted" ? "请先登记接收，再登记审查完毕。" : inReviewOnly(s)));
    const pending = (await roundOpinions(tx, id, row.round)).length;
    if (pending) throw new WorkflowError(`本轮已填写 ${pending} 条审查意见：请退回修改，或删除这些意见后再登记审查完毕。`);
    await tx.update(legalReviews).set({ finishedBy: actor.id, finishedAt: now, note }).where(eq(legalReviews.id, row.id));
    await audit(tx, actor, "legal_review.finish", id, null, { round: row.round, finishedAt: now.toISOString(), note }, now);
    await queueLegalProgressNotice(tx, id, "finished", row.round, now);
  });
}
