// The notices the scheduler queues (times in Asia/Shanghai): the 08:00 digest of the previous
// day's comments, the 08:30 deadline reminders to drafters, the 09:00 closing reminders to
// subscribers and the notice that a followed consultation has closed. Each runs in the scheduler's transaction, with dedupe keys as a second guard.
import { and, eq, gt, gte, lt, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { comments, consultations } from "~db/schema";
import { queueNotice } from "./outbox.server";
import { addDays, shanghaiStartOfDay } from "~/platform/periods";
import type { DailyJob } from "~/platform/scheduler.server";
import { staffWithEmail } from "./recipients.server";
import { commentDigestNotice, deadlineReminderNotice, type DigestLine } from "./staff-notices";
import { CLOSING_REMINDER_MS, queueClosedNotices, queueClosingReminders } from "./subscriber-notices.server";

const pendingCount = sql<number>`sum(case when ${comments.moderationStatus} = 'pending' then 1 else 0 end)`;

/** The digest sent on `period` (a YYYY-MM-DD) covers the comments received the day before it. */
export async function queueCommentDigests(tx: Tx, period: string, now = new Date()): Promise<number> {
  const day = addDays(period, -1);
  const from = shanghaiStartOfDay(day);
  const to = shanghaiStartOfDay(period);
  const rows = (
    await tx
      .select({
        consultationId: consultations.id,
        title: consultations.title,
        divisionId: consultations.divisionId,
        received: sql<number>`sum(case when ${and(gte(comments.receivedAt, from), lt(comments.receivedAt, to))} then 1 else 0 end)`,
        pending: pendingCount,
      })
      .from(comments)
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .groupBy(consultations.id)
  ).filter((r) => r.received > 0);
  const byDivision = new Map<number, DigestLine[]>();
  for (const r of rows) byDivision.set(r.divisionId, [...(byDivision.get(r.divisionId) ?? []), r]);
  let queued = 0;
  for (const [divisionId, lines] of byDivision) {
    for (const u of await staffWithEmail(tx, "drafter", divisionId)) {
      const notice = commentDigestNotice({ name: u.displayName, day, lines });
      await queueNotice(tx, { ...notice, to: u.email, kind: "comment_digest", dedupeKey: `digest:${day}:${u.id}` }, now);
      queued++;
    }
  }
  return queued;
}

/**
 * Reminds the drafting division of consultations closing within three days, and once more on the
 * last day, while an extension is still possible. The deadline is in the key, so an extended
 * consultation is reminded again before its new deadline.
 */
export async function queueDeadlineReminders(tx: Tx, now = new Date()): Promise<number> {
  const closing = await tx
    .select({
      id: consultations.id,
      title: consultations.title,
      divisionId: consultations.divisionId,
      closesAt: consultations.closesAt,
      total: sql<number>`(SELECT count(*) FROM comments m WHERE m.consultation_id = ${consultations.id})`,
      pending: sql<number>`(SELECT count(*) FROM comments m WHERE m.consultation_id = ${consultations.id} AND m.moderation_status = 'pending')`,
    })
    .from(consultations)
    .where(
      and(eq(consultations.status, "published"), gt(consultations.closesAt, now), lte(consultations.closesAt, new Date(now.getTime() + CLOSING_REMINDER_MS)))
    );
  let queued = 0;
  for (const c of closing) {
    const closesAt = c.closesAt!;
    const stage = closesAt.getTime() - now.getTime() <= 86_400_000 ? "last-day" : "3-days";
    for (const u of await staffWithEmail(tx, "drafter", c.divisionId)) {
      const notice = deadlineReminderNotice({ name: u.displayName, consultationId: c.id, title: c.title, closesAt, now, total: c.total, pending: c.pending });
      await queueNotice(
        tx,
        { ...notice, to: u.email, kind: "deadline_reminder", dedupeKey: `deadline-reminder:${c.id}:${closesAt.getTime()}:${stage}:${u.id}` },
        now
      );
      queued++;
    }
  }
  return queued;
}

export const NOTICE_JOBS: DailyJob[] = [
  { name: "comment-digest", at: "08:00", run: (tx, { period, now }) => queueCommentDigests(tx, period, now) },
  { name: "deadline-reminders", at: "08:30", run: (tx, { now }) => queueDeadlineReminders(tx, now) },
  { name: "closing-reminders", at: "09:00", run: (tx, { now }) => queueClosingReminders(tx, now) },
  { name: "follow-closed", at: "09:00", run: (tx, { now }) => queueClosedNotices(tx, now) },
];
