// Analysis runs: started from a request, carried on in this server process (the engine in a worker thread),
// their progress written to analysis_runs for the page to poll. One run per consultation at a time.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { analysisRuns } from "~db/schema";
import type { AnalysisProgress, AnalysisStage } from "~/engine/types";
import { runAnalysisInWorker } from "~/engine/run-in-worker.server";
import { appendAudit } from "~/platform/audit.server";
import { gatherAnalysisInput } from "./analysis-input.server";
import { storeAnalysisResult } from "./analysis-store.server";

export class AnalysisRunError extends Error {
  constructor(message: string, readonly status = 409) {
    super(message);
  }
}

type Staff = { id: number; displayName: string };
type Run = typeof analysisRuns.$inferSelect;

/** A run may take this long before it is taken for hung; 100,000 comments take well under a minute. */
const MAX_RUN_MS = 30 * 60_000;
const PROGRESS_INTERVAL_MS = 250;
const ACTIVE = ["queued", "running"] as const;

/**
 * The runs this process is carrying out. A run marked queued or running in the database but missing here was
 * left behind by a process that stopped (the server runs as one process; see docs/decisions/0001).
 */
const globalRuns = globalThis as unknown as { __zhengqiuAnalysisRuns?: Map<number, { done: Promise<void>; abort: AbortController }> };
const inProcess = (globalRuns.__zhengqiuAnalysisRuns ??= new Map());

/** Marks failed the runs of a consultation that nothing is carrying out any more, or that ran too long. */
export async function failAbandonedRuns(db: Db, consultationId: number, now = new Date()): Promise<void> {
  const open = await db
    .select()
    .from(analysisRuns)
    .where(and(eq(analysisRuns.consultationId, consultationId), inArray(analysisRuns.status, [...ACTIVE])))
    .all();
  for (const run of open) {
    const mine = inProcess.get(run.id);
    const since = (run.startedAt ?? run.createdAt).getTime();
    if (mine && now.getTime() - since < MAX_RUN_MS) continue;
    mine?.abort.abort();
    await markFailed(db, run.id, mine ? "分析超时，已停止。请重新运行。" : "分析因服务重启而中断。请重新运行。", now);
  }
}

/** At start-up nothing is being carried out yet: every run still marked open was interrupted. */
export async function failInterruptedRuns(db: Db, now = new Date()): Promise<void> {
  const open = await db
    .select({ id: analysisRuns.id })
    .from(analysisRuns)
    .where(inArray(analysisRuns.status, [...ACTIVE]))
    .all();
  for (const run of open) if (!inProcess.has(run.id)) await markFailed(db, run.id, "分析因服务重启而中断。请重新运行。", now);
}

async function markFailed(db: Db, runId: number, message: string, now = new Date()) {
  await db.transaction(async (tx) => {
    await tx.update(analysisRuns).set({ status: "failed", error: message, finishedAt: now }).where(eq(analysisRuns.id, runId)).run();
    const run = await tx.select().from(analysisRuns).where(eq(analysisRuns.id, runId)).get();
    await appendAudit(tx, {
      actor: null,
      action: "analysis.fail",
      entityType: "consultation",
      entityId: run?.consultationId,
      after: { runId, error: message },
      at: now,
    });
  });
}

export function latestRun(db: Pick<Db, "select">, consultationId: number): Promise<Run | undefined> {
  return db.select().from(analysisRuns).where(eq(analysisRuns.consultationId, consultationId)).orderBy(desc(analysisRuns.id)).limit(1).get();
}

/** The last run that finished, whose result the workspace shows. */
export function lastFinishedRun(db: Pick<Db, "select">, consultationId: number): Promise<Run | undefined> {
  return db
    .select()
    .from(analysisRuns)
    .where(and(eq(analysisRuns.consultationId, consultationId), eq(analysisRuns.status, "done")))
    .orderBy(desc(analysisRuns.id))
    .limit(1)
    .get();
}

export async function hasActiveRun(db: Db, consultationId: number): Promise<boolean> {
  await failAbandonedRuns(db, consultationId);
  const run = await latestRun(db, consultationId);
  return run !== undefined && (run.status === "queued" || run.status === "running");
}

/**
 * Queues a run and returns its id at once; the work continues after the request has been answered.
 * Checked and inserted in one transaction, so two clicks cannot start two runs.
 */
export async function startAnalysisRun(db: Db, consultationId: number, actor: Staff, now = new Date()): Promise<number> {
  await failAbandonedRuns(db, consultationId, now);
  const runId = await db.transaction(async (tx) => {
    const busy = await tx
      .select({ id: analysisRuns.id })
      .from(analysisRuns)
      .where(and(eq(analysisRuns.consultationId, consultationId), inArray(analysisRuns.status, [...ACTIVE])))
      .get();
    if (busy) throw new AnalysisRunError("意见分析正在进行，请等待本次分析完成。");
    const run = await tx
      .insert(analysisRuns)
      .values({ consultationId, status: "queued", stage: "queued", triggeredBy: actor.id, createdAt: now })
      .returning()
      .get();
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
  const abort = new AbortController();
  const done = carryOut(db, runId, consultationId, abort.signal).finally(() => inProcess.delete(runId));
  inProcess.set(runId, { done, abort });
  return runId;
}

/** The promise of a run this process is carrying out (for tests and scripts that wait for the result). */
export function analysisRunSettled(runId: number): Promise<void> {
  return inProcess.get(runId)?.done ?? Promise.resolve();
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
  // Let the request that started the run be answered before reading every comment.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const { input, settled } = await gatherAnalysisInput(db, consultationId);
    await db
      .update(analysisRuns)
      .set({ status: "running", stage: "prepare", progress: 0, startedAt: new Date(), commentCount: input.comments.length })
      .where(eq(analysisRuns.id, runId))
      .run();
    let lastWrite = 0;
    const result = await runAnalysisInWorker(input, {
      signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = now;
        // Progress is a hint for the page: a write that fails (database busy) is skipped.
        db.update(analysisRuns)
          .set({ stage: p.stage, progress: overallProgress(p) })
          .where(eq(analysisRuns.id, runId))
          .run()
          .catch(() => undefined);
      },
    });
    await db.update(analysisRuns).set({ stage: "store", progress: 0.95 }).where(eq(analysisRuns.id, runId)).run();
    await storeAnalysisResult(db, { runId, consultationId, result, settled, now: new Date() });
  } catch (error) {
    if (signal.aborted) return; // already marked failed by whoever aborted it
    console.error(`[analysis] run ${runId} failed:`, error);
    await markFailed(db, runId, "分析未能完成，请稍后重新运行；如再次失败，请联系系统管理员。");
  }
}
