// Analysis runs (docs/decisions/0031): a request queues a run; a process that carries out background work
// (JOBS=inline, or `npm run worker`) claims it with a lease and runs the engine in a worker thread, writing its
// progress to analysis_runs for the page to poll. One run per consultation at a time; one process per run.
// Nothing here needs to know which process started a run: a run whose lease ran out was abandoned by a
// process that stopped, whichever it was.
import { and, asc, desc, eq, inArray, lt, or, isNull } from "drizzle-orm";
import { first, type Db } from "~db/client.server";
import { analysisRuns } from "~db/schema";
import type { AnalysisProgress, AnalysisStage } from "~/engine/types";
import { runAnalysisInWorker } from "~/engine/run-in-worker.server";
import { appendAudit } from "~/platform/audit.server";
import { env } from "~/platform/env.server";
import { INSTANCE_ID } from "~/platform/instance.server";
import { gatherAnalysisInput } from "./analysis-input.server";
import { storeAnalysisResult } from "./analysis-store.server";
import { rephraseSummaries, summaryEndpointFrom } from "./summary-rephrase.server";

export class AnalysisRunError extends Error {
  constructor(message: string, readonly status = 409) {
    super(message);
  }
}

type Staff = { id: number; displayName: string };
type Run = typeof analysisRuns.$inferSelect;

/** A run may take this long before it is taken for hung; 100,000 comments take well under a minute. */
const MAX_RUN_MS = 30 * 60_000;
/** A claim holds this long unless renewed; the holder renews it every third of it while the run goes on. */
export const RUN_LEASE_MS = 60_000;
const PROGRESS_INTERVAL_MS = 250;
const ACTIVE = ["queued", "running"] as const;
const INTERRUPTED = "分析因服务重启而中断。请重新运行。";

/** The runs this process is carrying out, so that it can wait for them and stop them. */
const globalRuns = globalThis as unknown as { __zhengqiuAnalysisRuns?: Map<number, { done: Promise<void>; abort: AbortController }> };
const inProcess = (globalRuns.__zhengqiuAnalysisRuns ??= new Map());

/** A running run whose holder stopped renewing its lease: it was abandoned. Old rows without a lease count too. */
function leaseLapsed(run: Pick<Run, "status" | "leaseUntil">, now: Date): boolean {
  return run.status === "running" && (run.leaseUntil === null || run.leaseUntil.getTime() <= now.getTime());
}

/**
 * A run as the pages should show it: an abandoned run reads as failed at once, before a process with jobs
 * records it so. Reading only: no page load writes.
 */
function asShown(run: Run | undefined, now = new Date()): Run | undefined {
  if (!run || !leaseLapsed(run, now)) return run;
  return { ...run, status: "failed", error: INTERRUPTED, finishedAt: run.leaseUntil ?? now };
}

/** Records as failed every run whose lease ran out. Called by processes with jobs and before queuing a run. */
export async function failAbandonedRuns(db: Db, now = new Date(), consultationId?: number): Promise<number> {
  const lapsed = await db
    .select({ id: analysisRuns.id })
    .from(analysisRuns)
    .where(
      and(
        eq(analysisRuns.status, "running"),
        or(isNull(analysisRuns.leaseUntil), lt(analysisRuns.leaseUntil, now)),
        consultationId === undefined ? undefined : eq(analysisRuns.consultationId, consultationId)
      )
    );
  for (const run of lapsed) await markFailed(db, run.id, INTERRUPTED, now, { onlyIfLapsed: true });
  return lapsed.length;
}

async function markFailed(db: Db, runId: number, message: string, now = new Date(), opts: { onlyIfLapsed?: boolean; owner?: string } = {}) {
  await db.transaction(async (tx) => {
    const run = (await tx.select().from(analysisRuns).where(eq(analysisRuns.id, runId)).limit(1))[0];
    if (!run || run.status === "done" || run.status === "failed") return;
    if (opts.onlyIfLapsed && !leaseLapsed(run, now)) return; // renewed meanwhile
    if (opts.owner && run.leaseOwner !== opts.owner) return; // claimed by someone else
    await tx.update(analysisRuns).set({ status: "failed", error: message, finishedAt: now, leaseUntil: null }).where(eq(analysisRuns.id, runId));
    await appendAudit(tx, {
      actor: null,
      action: "analysis.fail",
      entityType: "consultation",
      entityId: run.consultationId,
      after: { runId, error: message },
      at: now,
    });
  });
}

export async function latestRun(db: Pick<Db, "select">, consultationId: number, now = new Date()): Promise<Run | undefined> {
  const run = (await db.select().from(analysisRuns).where(eq(analysisRuns.consultationId, consultationId)).orderBy(desc(analysisRuns.id)).limit(1))[0];
  return asShown(run, now);
}

/** The last run that finished, whose result the workspace shows. */
export function lastFinishedRun(db: Pick<Db, "select">, consultationId: number): Promise<Run | undefined> {
  return first(
    db
      .select()
      .from(analysisRuns)
      .where(and(eq(analysisRuns.consultationId, consultationId), eq(analysisRuns.status, "done")))
      .orderBy(desc(analysisRuns.id))
      .limit(1)
  );
}

export async function hasActiveRun(db: Pick<Db, "select">, consultationId: number): Promise<boolean> {
  const run = await latestRun(db, consultationId);
  return run !== undefined && (run.status === "queued" || run.status === "running");
}

/**
 * Queues a run and returns its id at once; the work continues after the request has been answered, in this
 * process when it carries out background work (JOBS=inline), else in whichever process with jobs claims it.
 * Checked and inserted in one transaction, so two clicks cannot start two runs.
 */
export async function startAnalysisRun(db: Db, consultationId: number, actor: Staff, now = new Date()): Promise<number> {
  await failAbandonedRuns(db, now, consultationId);
  const runId = await db.transaction(async (tx) => {
    const busy = (
      await tx
        .select({ id: analysisRuns.id })
        .from(analysisRuns)
        .where(and(eq(analysisRuns.consultationId, consultationId), inArray(analysisRuns.status, [...ACTIVE])))
        .limit(1)
    )[0];
    if (busy) throw new AnalysisRunError("意见分析正在进行，请等待本次分析完成。");
    const run = (
      await tx.insert(analysisRuns).values({ consultationId, status: "queued", stage: "queued", triggeredBy: actor.id, createdAt: now }).returning()
    )[0];
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "analysis.start",
      entityType: "consultation",
      entityId: consultationId,
      after: { runId: run.id },
      at: now,
    });
    return run.id;
  });
  if (env().JOBS === "inline") await claimAndCarryOut(db, runId);
  return runId;
}

/**
 * Claims a queued run for this process (the given one, else the oldest) and carries it out in the background.
 * The claim is one conditional UPDATE, so of several processes polling at once exactly one gets each run.
 */
export async function claimAndCarryOut(db: Db, runId?: number, now = new Date()): Promise<number | undefined> {
  const claimed = (
    await db
      .update(analysisRuns)
      .set({ status: "running", stage: "prepare", progress: 0, startedAt: now, leaseOwner: INSTANCE_ID, leaseUntil: new Date(now.getTime() + RUN_LEASE_MS) })
      .where(
        and(
          eq(analysisRuns.status, "queued"),
          runId !== undefined
            ? eq(analysisRuns.id, runId)
            : eq(
                analysisRuns.id,
                db.select({ id: analysisRuns.id }).from(analysisRuns).where(eq(analysisRuns.status, "queued")).orderBy(asc(analysisRuns.id)).limit(1)
              )
        )
      )
      .returning({ id: analysisRuns.id, consultationId: analysisRuns.consultationId })
  )[0];
  if (!claimed) return undefined;
  const abort = new AbortController();
  const done = carryOut(db, claimed.id, claimed.consultationId, abort.signal).finally(() => inProcess.delete(claimed.id));
  inProcess.set(claimed.id, { done, abort });
  return claimed.id;
}

/** A run this process stops carrying out because it is shutting down goes back to the queue, for the next process. */
async function requeue(db: Db, runId: number) {
  await db
    .update(analysisRuns)
    .set({ status: "queued", stage: "queued", progress: 0, leaseOwner: null, leaseUntil: null })
    .where(and(eq(analysisRuns.id, runId), eq(analysisRuns.status, "running"), eq(analysisRuns.leaseOwner, INSTANCE_ID)));
}

/** The promise of a run this process is carrying out (for tests and scripts that wait for the result). */
export function analysisRunSettled(runId: number): Promise<void> {
  return inProcess.get(runId)?.done ?? Promise.resolve();
}

export interface RunningAnalysisRunner {
  stop(): Promise<void>;
}

/**
 * The loop of a process with jobs: records abandoned runs as failed and claims the runs other instances queued,
 * one at a time per process. On stop, the runs in progress are stopped and queued again for the next process.
 */
export function startAnalysisRunner(db: Db, options: { pollMs?: number } = {}): RunningAnalysisRunner {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await failAbandonedRuns(db);
      if (inProcess.size === 0) await claimAndCarryOut(db);
    } catch (error) {
      console.warn(`[analysis] ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.pollMs ?? env().ANALYSIS_POLL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      const running = [...inProcess.values()];
      for (const r of running) r.abort.abort();
      await Promise.allSettled(running.map((r) => r.done));
    },
  };
}

/** Where each engine stage sits on the progress bar (start, end); storing the result takes the last 5 %. */
const STAGE_SPAN: Record<AnalysisStage, [number, number]> = {
  prepare: [0, 0.02],
  comments: [0.02, 0.5],
  campaigns: [0.5, 0.55],
  topics: [0.55, 0.85],
  labels: [0.85, 0.95],
  done: [0.95, 0.95],
};

export function overallProgress(p: AnalysisProgress): number {
  const [from, to] = STAGE_SPAN[p.stage];
  return from + (to - from) * (p.total > 0 ? Math.min(1, p.done / p.total) : 1);
}

async function carryOut(db: Db, runId: number, consultationId: number, signal: AbortSignal): Promise<void> {
  // Keep the claim while the run goes on; stop if another process took it (our lease lapsed meanwhile).
  const renew = setInterval(() => {
    const now = Date.now();
    db.update(analysisRuns)
      .set({ leaseUntil: new Date(now + RUN_LEASE_MS) })
      .where(and(eq(analysisRuns.id, runId), eq(analysisRuns.status, "running"), eq(analysisRuns.leaseOwner, INSTANCE_ID)))
      .returning({ id: analysisRuns.id })
      .then((rows) => rows.length === 0 && abort("lost"))
      .catch(() => undefined); // a busy database: the next renewal tries again, well within the lease
  }, RUN_LEASE_MS / 3);
  const tooLong = setTimeout(() => abort("timeout"), MAX_RUN_MS);
  let why: "lost" | "timeout" | "stop" | undefined;
  const own = new AbortController();
  function abort(reason: "lost" | "timeout" | "stop") {
    why ??= reason;
    own.abort();
  }
  signal.addEventListener("abort", () => abort("stop"), { once: true });
  // Let the request that started the run be answered before reading every comment.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const { input, settled } = await gatherAnalysisInput(db, consultationId);
    await db.update(analysisRuns).set({ commentCount: input.comments.length }).where(eq(analysisRuns.id, runId));
    let lastWrite = 0;
    const extractive = await runAnalysisInWorker(input, {
      signal: own.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = now;
        // Progress is a hint for the page: a write that fails (database busy) is skipped.
        db.update(analysisRuns)
          .set({ stage: p.stage, progress: overallProgress(p) })
          .where(eq(analysisRuns.id, runId))
          .catch(() => undefined);
      },
    });
    // Extractive summaries unless the department runs an endpoint to rephrase them (docs/decisions/0043).
    const result = await rephraseSummaries(extractive, summaryEndpointFrom(env()));
    await db.update(analysisRuns).set({ stage: "store", progress: 0.95 }).where(eq(analysisRuns.id, runId));
    await storeAnalysisResult(db, { runId, consultationId, result, settled, now: new Date(), owner: INSTANCE_ID });
  } catch (error) {
    if (why === "timeout") await markFailed(db, runId, "分析超时，已停止。请重新运行。", new Date(), { owner: INSTANCE_ID });
    else if (why === "stop") await requeue(db, runId);
    else if (why === "lost") return; // another process recorded it failed
    else {
      console.error(`[analysis] run ${runId} failed:`, error);
      await markFailed(db, runId, "分析未能完成，请稍后重新运行；如再次失败，请联系系统管理员。", new Date(), { owner: INSTANCE_ID });
    }
  } finally {
    clearInterval(renew);
    clearTimeout(tooLong);
  }
}
