// An in-process scheduler for daily jobs at a time of day in Asia/Shanghai, safe across restarts:
// each run and its bookkeeping (scheduled_jobs.last_period) commit in one transaction, so a run
// is neither repeated nor lost; days missed while the server was down are caught up in order.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { scheduledJobs } from "~db/schema";
import { addDays, shanghaiDate } from "./periods";

export interface DailyJob {
  name: string;
  /** HH:MM in Asia/Shanghai. */
  at: string;
  /** `period` is the YYYY-MM-DD the run belongs to; `now` is when it actually runs. */
  run(tx: Tx, ctx: { period: string; now: Date }): Promise<number | void>;
}

/** Missed days older than this are skipped: a week-old reminder helps no one. */
export const MAX_CATCH_UP_DAYS = 7;

const OFFSET_MS = 8 * 3_600_000;

/** The latest period whose start time has passed at `now`. */
export function latestDuePeriod(at: string, now: Date): string {
  const [h, m] = at.split(":").map(Number);
  const today = shanghaiDate(now);
  const minutes = Math.floor(((now.getTime() + OFFSET_MS) % 86_400_000) / 60_000);
  return minutes >= h * 60 + m ? today : addDays(today, -1);
}

/** Periods still to run, oldest first. A job that never ran starts with the latest period only. */
export function duePeriods(lastPeriod: string | null, at: string, now: Date): string[] {
  const latest = latestDuePeriod(at, now);
  if (lastPeriod === null) return [latest];
  const oldest = addDays(latest, -(MAX_CATCH_UP_DAYS - 1));
  const periods: string[] = [];
  for (let p = addDays(lastPeriod, 1); p <= latest; p = addDays(p, 1)) if (p >= oldest) periods.push(p);
  return periods;
}

/** Runs every due period of every job; answers what ran. Two processes doing this at once is safe. */
export async function runDueJobs(db: Db, jobs: DailyJob[], now = new Date()): Promise<Array<{ job: string; period: string }>> {
  const ran: Array<{ job: string; period: string }> = [];
  for (const job of jobs) {
    const last = (await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, job.name)).limit(1))[0]?.lastPeriod ?? null;
    for (const period of duePeriods(last, job.at, now)) {
      const done = await db.transaction(
        async (tx) => {
          // Re-read under the write lock: another process may have run this period meanwhile.
          const current = (await tx.select().from(scheduledJobs).where(eq(scheduledJobs.name, job.name)).limit(1))[0]?.lastPeriod ?? null;
          if (current !== null && current >= period) return false;
          await job.run(tx, { period, now });
          await tx
            .insert(scheduledJobs)
            .values({ name: job.name, lastPeriod: period, lastRunAt: now })
            .onConflictDoUpdate({ target: scheduledJobs.name, set: { lastPeriod: period, lastRunAt: now } });
          return true;
        },
        { behavior: "immediate" }
      );
      if (done) ran.push({ job: job.name, period });
    }
  }
  return ran;
}

export interface RunningScheduler {
  stop(): void;
}

/** Checks once at start (catching up) and then every minute. */
export async function startScheduler(db: Db, jobs: DailyJob[], options: { intervalMs?: number; clock?: () => Date } = {}): Promise<RunningScheduler> {
  const clock = options.clock ?? (() => new Date());
  const tick = async () => {
    try {
      await runDueJobs(db, jobs, clock());
    } catch (error) {
      // A busy database or a failing job is retried on the next tick; its transaction rolled back.
      console.warn(`[scheduler] ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
