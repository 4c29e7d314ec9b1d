// What admins see of the outbox at /admin/outbox: every message, whether it was sent, kept
// (no SMTP configured) or failed and why, and a way to send a failed or kept message again.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { first, type Db } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { OUTBOX_STATUSES, type OutboxStatus } from "./kinds";

// The browser-safe list in notices/kinds.ts and the schema's status column name the same statuses.
type StoredStatus = (typeof emailOutbox.$inferSelect)["status"];
const sameStatuses: [OutboxStatus, StoredStatus] extends [StoredStatus, OutboxStatus] ? true : never = true;
void sameStatuses;

export async function outboxCounts(db: Db): Promise<Record<OutboxStatus, number>> {
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of await db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status)) counts[r.status] = r.n;
  return counts;
}

export function listOutbox(db: Db, status: OutboxStatus | null, limit = 200) {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      nextAttemptAt: emailOutbox.nextAttemptAt,
    })
    .from(emailOutbox)
    .where(status ? eq(emailOutbox.status, status) : undefined)
    .orderBy(desc(emailOutbox.id))
    .limit(limit);
}

export function getOutboxRow(db: Db, id: number) {
  return first(db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1));
}

/**
 * Puts a failed message (or one kept while no SMTP was configured) back in the queue, due now.
 * The Message-ID stays, so a receiver that already has it can tell.
 */
export function retryOutboxRow(db: Db, id: number, actor: { id: number; displayName: string }, now = new Date()): Promise<boolean> {
  return db.transaction(
    async (tx) => {
      const row = (
        await tx
          .update(emailOutbox)
          .set({ status: "pending", nextAttemptAt: now, leaseOwner: null, leaseUntil: null })
          .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ["failed", "held"])))
          .returning({ status: emailOutbox.status, toAddress: emailOutbox.toAddress, kind: emailOutbox.kind })
      )[0];
      if (!row) return false;
      await appendAudit(tx, {
        actor: { id: actor.id, label: actor.displayName },
        action: "outbox.retry",
        entityType: "email_outbox",
        entityId: id,
        after: { kind: row.kind },
        at: now,
      });
      return true;
    },
    { behavior: "immediate" }
  );
}
