// The server's background work: the outbox sender (unless MAIL_SENDER=off, when
// `npm run mail:worker` delivers instead) and the scheduler for digests and reminders.
// Started by boot(); stopped by scripts/server.js on SIGTERM through the build's entry module.
import type { Db } from "~db/client.server";
import { sweepUnreferencedCommentFiles } from "~/features/comments/comment-attachments.server";
import { NOTICE_JOBS } from "~/features/notices/scheduled-notices.server";
import { startOutboxSender, type RunningSender } from "~/features/notices/outbox-sender.server";
import { env } from "~/platform/env.server";
import { createMailer } from "~/platform/mailer.server";
import { startScheduler, type DailyJob, type RunningScheduler } from "~/platform/scheduler.server";

/** Housekeeping that runs at night: files of comments that were never stored. */
export const MAINTENANCE_JOBS: DailyJob[] = [{ name: "comment-file-sweep", at: "03:00", run: (tx, { now }) => sweepUnreferencedCommentFiles(tx, now) }];

// On globalThis, so that a module reloaded in development does not start a second set.
const g = globalThis as { __zhengqiuBackground?: { sender?: RunningSender; scheduler: RunningScheduler } };

export async function startBackground(db: Db): Promise<void> {
  if (g.__zhengqiuBackground) return;
  const e = env();
  let sender: RunningSender | undefined;
  if (e.MAIL_SENDER === "inline") {
    const mailer = createMailer();
    sender = startOutboxSender(db, mailer);
    const where =
      mailer.mode === "smtp" ? `SMTP ${e.SMTP_HOST}:${e.SMTP_PORT}` : "no SMTP configured: mail is kept in the outbox (/admin/outbox) and as .eml files";
    console.log(`[zhengqiu] Mail sender running (${where}).`);
  }
  g.__zhengqiuBackground = { sender, scheduler: await startScheduler(db, [...NOTICE_JOBS, ...MAINTENANCE_JOBS]) };
}

/** Stops the scheduler and waits for the message in flight, so that its answer is recorded. */
export async function stopBackground(): Promise<void> {
  const running = g.__zhengqiuBackground;
  if (!running) return;
  delete g.__zhengqiuBackground;
  running.scheduler.stop();
  await running.sender?.stop();
}
