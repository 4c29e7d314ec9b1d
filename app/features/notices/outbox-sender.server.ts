// Delivers the outbox (docs/decisions/0007-durable-outbox.md): claim one due row with a lease,
// give it a stable Message-ID, hand it to the transport, record the answer at once. Used by the
// server process (MAIL_SENDER=inline) and by `npm run mail:worker`.
import crypto from "node:crypto";
import { raw, type Db } from "~db/client.server";
import { CLAIM_TRANSACTION, SKIP_LOCKED } from "~db/dialect-sql";
import { classify, mailDomain, type Mailer, type OutgoingMail } from "~/platform/mailer.server";
import { env } from "~/platform/env.server";

/** Longer than the transport's worst case (timeouts of 30 + 30 + 60 s), so a live send keeps its claim. */
export const LEASE_MS = 5 * 60_000;
const MAX_DELAY_MS = 60 * 60_000;

export interface SenderOptions {
  owner?: string;
  clock?: () => Date;
  retryBaseMs?: number;
  giveUpMs?: number;
  log?: (line: string) => void;
}

type ClaimedRow = {
  id: number;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: string | null;
  attempts: number;
  message_id: string;
  created_at: number;
};

export const newOwner = () => `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;

/**
 * Claims the next due row: pending and due, or still "sending" under a lease that ran out (its
 * sender died before recording an answer). One UPDATE in an immediate transaction, so two senders
 * never claim the same row; on PostgreSQL the row is picked FOR UPDATE SKIP LOCKED, so senders on
 * several machines each take another row instead of queueing on one. The Message-ID is set on the
 * first claim and never changes.
 */
export function claimNext(db: Db, owner: string, now: Date): Promise<ClaimedRow | undefined> {
  const t = now.getTime();
  return db.transaction(
    async () =>
      (await raw(db).get(
        `UPDATE email_outbox
             SET status = 'sending', lease_owner = @owner, lease_until = @until, attempts = attempts + 1,
                 message_id = COALESCE(message_id, '<zq.' || id || '.' || @nonce || '@' || @domain || '>')
           WHERE id = (SELECT id FROM email_outbox
                        WHERE (status = 'pending' AND next_attempt_at <= @now)
                           OR (status = 'sending' AND lease_until <= @now)
                        ORDER BY next_attempt_at, id LIMIT 1 ${SKIP_LOCKED})
           RETURNING id, kind, to_address, subject, text_body, html_body, headers, attempts, message_id, created_at`,
        { owner, until: new Date(t + LEASE_MS), now, domain: mailDomain(), nonce: crypto.randomBytes(8).toString("hex") }
      )) as ClaimedRow | undefined,
    CLAIM_TRANSACTION
  );
}

/** Recorded right after the server's 250, whoever holds the lease now: a confirmed send is never repeated. */
export async function markDelivered(db: Db, id: number, outcome: "sent" | "held", now: Date): Promise<void> {
  await raw(db).run(
    `UPDATE email_outbox SET status = ?, sent_at = ?, lease_owner = NULL, lease_until = NULL
        WHERE id = ? AND status NOT IN ('sent', 'held')`,
    outcome,
    now,
    id
  );
}

/** Only the lease holder records a failure, and never over a confirmed send. */
export async function markFailed(db: Db, row: ClaimedRow, owner: string, error: string, retryAt: Date | null): Promise<void> {
  await raw(db).run(
    `UPDATE email_outbox SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?,
              lease_owner = NULL, lease_until = NULL
        WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
    retryAt ? "pending" : "failed",
    retryAt ?? null,
    error,
    row.id,
    owner
  );
}

/** Exponential backoff with ±20 % jitter, so that a recovered server is not hit by every row at once. */
export function retryDelay(attempts: number, baseMs: number, random = Math.random()): number {
  const delay = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.8 + 0.4 * random));
}

export const toOutgoing = (row: ClaimedRow): OutgoingMail => ({
  id: row.id,
  kind: row.kind,
  messageId: row.message_id,
  to: row.to_address,
  subject: row.subject,
  text: row.text_body,
  html: row.html_body,
  headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : null,
});

async function deliverOne(db: Db, mailer: Mailer, row: ClaimedRow, owner: string, o: Required<SenderOptions>) {
  let outcome: "sent" | "held";
  try {
    outcome = (await mailer.deliver(toOutgoing(row))).outcome;
  } catch (error) {
    const failure = classify(error);
    const now = o.clock();
    const expired = now.getTime() - row.created_at >= o.giveUpMs;
    const retryAt = failure.permanent || expired ? null : new Date(now.getTime() + retryDelay(row.attempts, o.retryBaseMs));
    const note = failure.permanent ? failure.message : expired ? `${failure.message}（已超过重试期限，不再重试）` : failure.message;
    await markFailed(db, row, owner, note, retryAt);
    return `#${row.id} ${failure.permanent ? "refused" : retryAt ? "will retry" : "gave up"}: ${failure.message}`;
  }
  // Outside the try: a database error here must not be taken for a failed send. The row stays
  // "sending" and is re-sent when its lease runs out — the window docs/decisions/0007 describes.
  await markDelivered(db, row.id, outcome, o.clock());
  return null;
}

function withDefaults(o: SenderOptions): Required<SenderOptions> {
  const e = env();
  // One line per kind of trouble, not one per row: an outage would otherwise flood the log.
  let last = "";
  const log = o.log ?? ((line: string) => console.warn(`[mail] ${line}`));
  return {
    owner: o.owner ?? newOwner(),
    clock: o.clock ?? (() => new Date()),
    retryBaseMs: o.retryBaseMs ?? e.MAIL_RETRY_BASE_MS,
    giveUpMs: o.giveUpMs ?? e.MAIL_GIVE_UP_HOURS * 3_600_000,
    log: (line) => {
      const kind = line.replace(/^#\d+ /, "");
      if (kind !== last) log(line);
      last = kind;
    },
  };
}

/** Delivers every row due now, one at a time; answers how many were claimed. */
export async function sendDue(db: Db, mailer: Mailer, options: SenderOptions = {}, shouldStop = () => false): Promise<number> {
  const o = withDefaults(options);
  let count = 0;
  while (!shouldStop()) {
    const row = await claimNext(db, o.owner, o.clock());
    if (!row) break;
    count++;
    const problem = await deliverOne(db, mailer, row, o.owner, o);
    if (problem) o.log(problem);
  }
  return count;
}

export interface RunningSender {
  stop(): Promise<void>;
}

/**
 * Polls for due rows until stopped. stop() waits for the message in flight to be answered and
 * recorded, so an orderly shutdown (SIGTERM) never leaves a sent row unrecorded.
 */
export function startOutboxSender(db: Db, mailer: Mailer, options: SenderOptions & { pollMs?: number; keepAlive?: boolean } = {}): RunningSender {
  const o = withDefaults(options);
  const pollMs = options.pollMs ?? env().MAIL_POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = sendDue(db, mailer, o, () => stopped)
      .catch((error) => o.log(`sender error: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, pollMs);
        if (!options.keepAlive) timer.unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      mailer.close();
    },
  };
}
