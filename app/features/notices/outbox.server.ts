import type { Db } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import type { Notice } from "./layout";

type Writer = Pick<Db, "insert">;

/**
 * Queues a notice in the outbox. Call it inside the transaction of the event that causes it, so
 * that the event and its mail are stored together or not at all. `dedupeKey` makes a retried
 * event queue its mail once.
 */
export async function queueNotice(
  tx: Writer,
  notice: Notice & { to: string; kind: string; dedupeKey?: string; headers?: Record<string, string> },
  now = new Date()
): Promise<void> {
  await tx
    .insert(emailOutbox)
    .values({
      kind: notice.kind,
      dedupeKey: notice.dedupeKey ?? null,
      toAddress: notice.to,
      subject: notice.subject,
      textBody: notice.text,
      htmlBody: notice.html,
      headers: notice.headers ?? null,
      nextAttemptAt: now,
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey });
}
