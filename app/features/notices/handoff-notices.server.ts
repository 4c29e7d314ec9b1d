// Hand-offs between staff: a draft submitted for review, a packet sent to the legal office.
// Both are queued in the transaction of the hand-off itself.
import { count, eq } from "drizzle-orm";
import { first, type Db, type Tx } from "~db/client.server";
import { consultations, divisions, legalReviews, reviews, users } from "~db/schema";
import { queueNotice } from "./outbox.server";
import { staffWithEmail } from "./recipients.server";
import { legalProgressNotice, packetArrivalNotice, reviewRequestNotice, type LegalProgressStep } from "./staff-notices";

function load(tx: Tx, id: number) {
  return first(
    tx
      .select({ c: consultations, divisionName: divisions.name, authorName: users.displayName })
      .from(consultations)
      .innerJoin(divisions, eq(divisions.id, consultations.divisionId))
      .innerJoin(users, eq(users.id, consultations.authorId))
      .where(eq(consultations.id, id))
      .limit(1)
  );
}

/**
 * Every reviewer but the author hears of a submission. The number of earlier decisions is in the
 * dedupe key, so a draft returned and submitted again asks again.
 */
export async function queueReviewRequests(tx: Tx, consultationId: number, submittedBy: string, now = new Date()): Promise<number> {
  const row = await load(tx, consultationId);
  if (!row) return 0;
  const round = (await tx.select({ n: count() }).from(reviews).where(eq(reviews.consultationId, consultationId)).limit(1))[0]?.n ?? 0;
  const reviewers = (await staffWithEmail(tx, "reviewer")).filter((r) => r.id !== row.c.authorId);
  for (const r of reviewers) {
    const notice = reviewRequestNotice({ name: r.displayName, consultationId, title: row.c.title, submittedBy, divisionName: row.divisionName });
    await queueNotice(tx, { ...notice, to: r.email, kind: "review_request", dedupeKey: `review-request:${consultationId}:${round}:${r.id}` }, now);
  }
  return reviewers.length;
}

/**
 * For the feedback work to call when a packet is sent to the legal office (法制机构), inside that
 * transaction. Every active legal-office user with an email is told, once per submission.
 */
export async function queuePacketArrivalNotice(tx: Tx, consultationId: number, now = new Date()): Promise<number> {
  const row = await load(tx, consultationId);
  if (!row) return 0;
  const review = (
    await tx
      .select({ at: legalReviews.submittedAt, round: legalReviews.round })
      .from(legalReviews)
      .where(eq(legalReviews.consultationId, consultationId))
      .limit(1)
  )[0];
  const round = review ? review.at.getTime() : 0;
  const legal = await staffWithEmail(tx, "legal");
  for (const u of legal) {
    const notice = packetArrivalNotice({ name: u.displayName, consultationId, title: row.c.title, divisionName: row.divisionName, round: review?.round ?? 1 });
    await queueNotice(tx, { ...notice, to: u.email, kind: "packet_arrival", dedupeKey: `packet:${consultationId}:${round}:${u.id}` }, now);
  }
  return legal.length;
}

/**
 * The drafting division hears each step the legal office takes (received, returned with opinions,
 * finished), once per step and round.
 */
export async function queueLegalProgressNotice(tx: Tx, consultationId: number, step: LegalProgressStep, round: number, now = new Date()): Promise<number> {
  const row = await load(tx, consultationId);
  if (!row) return 0;
  const conclusion =
    step === "finished"
      ? (await tx.select({ note: legalReviews.note }).from(legalReviews).where(eq(legalReviews.consultationId, consultationId)).limit(1))[0]?.note
      : null;
  const drafters = await staffWithEmail(tx, "drafter", row.c.divisionId);
  for (const u of drafters) {
    const notice = legalProgressNotice({ name: u.displayName, consultationId, title: row.c.title, step, round, conclusion });
    await queueNotice(tx, { ...notice, to: u.email, kind: "legal_progress", dedupeKey: `legal-${step}:${consultationId}:${round}:${u.id}` }, now);
  }
  return drafters.length;
}
