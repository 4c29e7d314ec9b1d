// 合法性审查: the drafting division hands the packet to the legal office (已报送法制审核), which marks
// it received and then finished. Each step is checked here, whatever the page offered, and audited
// in the transaction of the change; the hand-off queues the legal office's notice in it too.
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "~db/client.server";
import { consultations, divisions, legalReviews, users } from "~db/schema";
import { appendAudit } from "~/utils/audit.server";
import { canDraft } from "./consultation-access";
import { auditView } from "./consultation-editor.server";
import { publicPhase } from "./consultation-status";
import { notifyPublicChange, WorkflowError } from "./consultation-workflow.server";
import { queuePacketArrivalNotice } from "./notices/handoff-notices.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Staff = { id: number; displayName: string; role: "admin" | "drafter" | "reviewer" | "legal"; divisionId: number | null };
type Consultation = typeof consultations.$inferSelect;

/** Only once the comment period is over: the packet must hold every comment. */
export function maySubmitToLegal(c: Consultation, now = new Date()): boolean {
  const phase = publicPhase(c, now);
  return phase === "closed" || phase === "processing";
}

const submitter = alias(users, "submitter");
const receiver = alias(users, "receiver");
const finisher = alias(users, "finisher");

const reviewColumns = {
  consultationId: legalReviews.consultationId,
  title: consultations.title,
  divisionName: divisions.name,
  submittedAt: legalReviews.submittedAt,
  submittedBy: submitter.displayName,
  receivedAt: legalReviews.receivedAt,
  receivedBy: receiver.displayName,
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
    .leftJoin(finisher, eq(finisher.id, legalReviews.finishedBy));
}

export type LegalReview = NonNullable<ReturnType<typeof getLegalReview>>;

export function getLegalReview(db: Pick<Db, "select">, consultationId: number) {
  return reviewsQuery(db).where(eq(legalReviews.consultationId, consultationId)).get();
}

/** What the legal office sees at /admin/legal: every packet sent to it, newest first. */
export function listLegalReviews(db: Pick<Db, "select">) {
  return reviewsQuery(db).orderBy(desc(legalReviews.submittedAt)).all();
}

function load(tx: Tx, id: number): Consultation {
  const c = tx.select().from(consultations).where(eq(consultations.id, id)).get();
  if (!c) throw new WorkflowError("未找到该征求意见。", 404);
  return c;
}

function audit(tx: Tx, actor: Staff, action: string, id: number, before: unknown, after: unknown, at: Date) {
  appendAudit(tx, { actor: { id: actor.id, label: actor.displayName }, action, entityType: "consultation", entityId: id, before, after, at });
}

export function submitToLegalReview(db: Db, id: number, actor: Staff, now = new Date()): void {
  db.transaction((tx) => {
    const c = load(tx, id);
    if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以报送法制审核。", 403);
    if (tx.select().from(legalReviews).where(eq(legalReviews.consultationId, id)).get()) {
      throw new WorkflowError("该征求意见已报送法制审核。");
    }
    if (!maySubmitToLegal(c, now)) throw new WorkflowError("征求意见期结束后才能报送法制审核。");
    tx.insert(legalReviews).values({ consultationId: id, submittedBy: actor.id, submittedAt: now }).run();
    const after = tx.update(consultations).set({ status: "legal_review", updatedAt: now }).where(eq(consultations.id, id)).returning().get();
    audit(tx, actor, "consultation.legal_submit", id, auditView(c), auditView(after), now);
    queuePacketArrivalNotice(tx, id, now);
    notifyPublicChange(tx, id);
  });
}

function legalStep(db: Db, id: number, actor: Staff, step: "receive" | "finish", note: string | undefined, now: Date): void {
  db.transaction((tx) => {
    load(tx, id);
    if (actor.role !== "legal") throw new WorkflowError("只有法制机构可以登记审查进度。", 403);
    const row = tx.select().from(legalReviews).where(eq(legalReviews.consultationId, id)).get();
    if (!row) throw new WorkflowError("该征求意见尚未报送法制审核。");
    if (step === "receive") {
      if (row.receivedAt) throw new WorkflowError("已登记接收。");
      tx.update(legalReviews).set({ receivedBy: actor.id, receivedAt: now }).where(eq(legalReviews.id, row.id)).run();
      audit(tx, actor, "legal_review.receive", id, null, { receivedAt: now.toISOString() }, now);
      return;
    }
    if (!row.receivedAt) throw new WorkflowError("请先登记接收，再登记审查完成。");
    if (row.finishedAt) throw new WorkflowError("已登记审查完成。");
    tx.update(legalReviews).set({ finishedBy: actor.id, finishedAt: now, note: note || null }).where(eq(legalReviews.id, row.id)).run();
    audit(tx, actor, "legal_review.finish", id, null, { finishedAt: now.toISOString(), note: note || null }, now);
  });
}

export const markLegalReviewReceived = (db: Db, id: number, actor: Staff, now = new Date()) => legalStep(db, id, actor, "receive", undefined, now);

export const markLegalReviewFinished = (db: Db, id: number, actor: Staff, note?: string, now = new Date()) => legalStep(db, id, actor, "finish", note, now);
