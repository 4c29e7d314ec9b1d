// Queues notices to subscribers: a new consultation once, when it becomes public, and a reminder
// three days before it closes. Each is written in the caller's transaction.
import { getStaffConsultation } from "~/features/consultations/index.server";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { consultations, divisions, scheduledJobs } from "~db/schema";
import { listHeaders, scopeLabel, unsubscribeLink } from "./subscription.server";
import { queueNotice } from "./outbox.server";
import { followersOf, subscribersFor } from "./recipients.server";
import { closingReminderNotice, followNotice, newConsultationNotice, type FollowEvent } from "./subscription-notices";

export const CLOSING_REMINDER_MS = 3 * 86_400_000;
// Consultations published before subscriptions existed are not announced on a later change.
const ANNOUNCE_WITHIN_MS = 2 * 86_400_000;

/**
 * Announces a consultation to its subscribers the first time it is public. Called from
 * notifyPublicChange, which also runs on extensions and withdrawals: a marker row in
 * scheduled_jobs ("announce:<id>") makes it once per consultation, whoever subscribes later.
 */
export async function queueNewConsultationNotices(tx: Tx, consultationId: number, now = new Date()): Promise<number> {
  const c = await getStaffConsultation(tx, consultationId);
  if (!c || c.status !== "published" || !c.publishedAt) return 0;
  if (now.getTime() - c.publishedAt.getTime() > ANNOUNCE_WITHIN_MS) return 0;
  const marked = await tx
    .insert(scheduledJobs)
    .values({ name: `announce:${consultationId}`, lastPeriod: "done", lastRunAt: now })
    .onConflictDoNothing()
    .returning({ name: scheduledJobs.name });
  if (marked.length === 0) return 0;
  const subscribers = await subscribersFor(tx, c);
  for (const s of subscribers) {
    const notice = newConsultationNotice(c, { scopeLabel: await scopeLabel(tx, s), unsubscribeLink: unsubscribeLink(s.id) });
    await queueNotice(
      tx,
      { ...notice, to: s.email, kind: "new_consultation", dedupeKey: `new-consultation:${consultationId}:${s.email}`, headers: listHeaders(s.id) },
      now
    );
  }
  return subscribers.length;
}

/**
 * Reminds subscribers of open consultations that close within three days. The deadline is in the
 * dedupe key: an extension earns a new reminder before the new deadline, a re-run does not.
 */
export async function queueClosingReminders(tx: Tx, now = new Date()): Promise<number> {
  const closing = await tx
    .select({ c: consultations, divisionName: divisions.name })
    .from(consultations)
    .innerJoin(divisions, eq(divisions.id, consultations.divisionId))
    .where(
      and(
        eq(consultations.status, "published"),
        lte(consultations.opensAt, now),
        gt(consultations.closesAt, now),
        lte(consultations.closesAt, new Date(now.getTime() + CLOSING_REMINDER_MS))
      )
    );
  let queued = 0;
  for (const { c, divisionName } of closing) {
    const closesAt = c.closesAt!;
    for (const s of await subscribersFor(tx, c)) {
      const notice = closingReminderNotice({ ...c, closesAt, divisionName }, { scopeLabel: await scopeLabel(tx, s), unsubscribeLink: unsubscribeLink(s.id) });
      await queueNotice(
        tx,
        {
          ...notice,
          to: s.email,
          kind: "closing_reminder",
          dedupeKey: `closing-reminder:${c.id}:${closesAt.getTime()}:${s.email}`,
          headers: listHeaders(s.id),
        },
        now
      );
      queued++;
    }
  }
  return queued;
}

/**
 * Tells the followers of a consultation of an event in its life: the period extended (once per new
 * deadline), the period over (once per deadline), the feedback published (once).
 */
export async function queueFollowNotices(tx: Tx, consultationId: number, event: FollowEvent, now = new Date()): Promise<number> {
  const c = (await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1))[0];
  if (!c) return 0;
  const followers = await followersOf(tx, consultationId);
  const occasion = event === "published" ? "" : String(c.closesAt?.getTime() ?? "");
  for (const s of followers) {
    const notice = followNotice(event, c, { scopeLabel: await scopeLabel(tx, s), unsubscribeLink: unsubscribeLink(s.id) });
    await queueNotice(
      tx,
      { ...notice, to: s.email, kind: `follow_${event}`, dedupeKey: `follow-${event}:${consultationId}:${occasion}:${s.id}`, headers: listHeaders(s.id) },
      now
    );
  }
  return followers.length;
}

/** Consultations whose period ended within this many days are announced as closed to their followers. */
const CLOSED_WITHIN_MS = 7 * 86_400_000;

/** For the scheduler: followers hear that a consultation's period is over (once per deadline). */
export async function queueClosedNotices(tx: Tx, now = new Date()): Promise<number> {
  const closed = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(
        inArray(consultations.status, ["published", "processing", "legal_review"]),
        lte(consultations.closesAt, now),
        gt(consultations.closesAt, new Date(now.getTime() - CLOSED_WITHIN_MS))
      )
    );
  let queued = 0;
  for (const c of closed) queued += await queueFollowNotices(tx, c.id, "closed", now);
  return queued;
}
