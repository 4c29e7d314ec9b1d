import type { LoaderFunctionArgs } from "@remix-run/node";
import { canViewAnalysis } from "~/models/analysis-access";
import { failAbandonedRuns, latestRun } from "~/models/analysis-runs.server";
import { getStaffConsultation } from "~/models/consultation.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/params";
import { requireUser } from "~/utils/permissions.server";

/**
 * GET /admin/consultations/:id/analysis/progress: the latest run's state as JSON, polled by the workspace
 * while a run is going. A progressive enhancement: the page itself shows the same state without it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const c = await getStaffConsultation(db, idParam(params.id) ?? NaN);
  if (!c) throw new Response("Not Found", { status: 404 });
  if (!canViewAnalysis(user, c)) throw new Response("Forbidden", { status: 403 });
  await failAbandonedRuns(db, c.id);
  const run = await latestRun(db, c.id);
  const body = run
    ? { id: run.id, status: run.status, progress: run.progress, stage: run.stage, error: run.error, finishedAt: run.finishedAt?.toISOString() ?? null }
    : { id: null, status: null, progress: 0, stage: null, error: null, finishedAt: null };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
