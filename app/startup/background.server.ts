// Background work (docs/decisions/0031): the outbox sender, the scheduler for digests, reminders and
// housekeeping, and the analysis runner that claims queued runs. Carried out by the web process when
// JOBS=inline (the default), or by `npm run worker` beside web processes started with JOBS=off.
// Each piece is safe with several processes at once: the outbox and analysis runs are claimed under
// leases, and the scheduler records each day's run in the same transaction as its work.
import type { Db } from "~db/client.server";
import { startAnalysisRunner, type RunningAnalysisRunner } from "~/features/analysis/index.server";
import { sweepUnreferencedCommentFiles } from "~/features/comments/index.server";
import { NOTICE_JOBS, type RunningSender, startOutboxSender } from "~/features/notices/index.server";
import { env } from "~/platform/env.server";
import { createMailer } from "~/platform/mailer.server";
import { startScheduler, type DailyJob, type RunningScheduler } from "~/platform/scheduler.server";

/** Housekeeping that runs at night: files of comments that were never stored. */
export const MAINTENANCE_JOBS: DailyJob[] = [{ name: "comment-file-sweep", at: "03:00", run: (tx, { now }) => sweepUnreferencedCommentFiles(tx, now) }];

type Running = { sender?: RunningSender; scheduler: RunningScheduler; analyses: RunningAnalysisRunner };

// On globalThis, so that a module reloaded in development does not start a second set.
const g = globalThis as { __zhengqiuBackground?: Running };

/** Starts every piece of background work in this process. `mail: false` leaves the outbox to another process. */
export async function startBackground(db: Db, options: { mail?: boolean; keepAlive?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  if (g.__zhengqiuBackground) return;
  const e = env();
  const log = options.log ?? ((line: string) => console.log(`[zhengqiu] ${line}`));
  let sender: RunningSender | undefined;
  if (options.mail ?? e.MAIL_SENDER === "inline") {
    const mailer = createMailer();
    sender = startOutboxSender(db, mailer, { keepAlive: options.keepAlive });
    const where =
      mailer.mode === "smtp" ? `SMTP ${e.SMTP_HOST}:${e.SMTP_PORT}` : "no SMTP configured: mail is kept in the outbox (/admin/outbox) and as .eml files";
    log(`Mail sender running (${where}).`);
  }
  const scheduler = await startScheduler(db, [...NOTICE_JOBS, ...MAINTENANCE_JOBS]);
  const analyses = startAnalysisRunner(db);
  g.__zhengqiuBackground = { sender, scheduler, analyses };
}

/** Stops the scheduler and the analysis runner, and waits for the message in flight, so that its answer is recorded. */
export async function stopBackground(): Promise<void> {
  const running = g.__zhengqiuBackground;
  if (!running) return;
  delete g.__zhengqiuBackground;
  running.scheduler.stop();
  await Promise.all([running.sender?.stop(), running.analyses.stop()]);
}
