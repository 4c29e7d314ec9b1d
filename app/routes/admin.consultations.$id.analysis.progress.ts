import type { LoaderFunctionArgs } from "@remix-run/node";
import { canViewAnalysis } from "~/features/accounts";
import { latestRun } from "~/features/analysis/index.server";
import { getDb } from "~/platform/db.server";
import { requireStaffConsultation } from "~/features/consultations/index.server";

/**
 * GET /admin/consultations/:id/analysis/progress: the latest run's state as JSON, polled by the workspace
 * while a run is going. A progressive enhancement: the page itself shows the same state without it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await requireStaffConsultation(request, params.id, canViewAnalysis);
  const db = getDb();
  const run = await latestRun(db, c.id);
  const body = run
    ? { id: run.id, status: run.status, progress: run.progress, stage: run.stage, error: run.error, finishedAt: run.finishedAt?.toISOString() ?? null }
    : { id: null, status: null, progress: 0, stage: null, error: null, finishedAt: null };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
