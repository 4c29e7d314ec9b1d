import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/ui/field";
import { analysisLockReason, EXCLUDED_REJECT_REASONS, parseWorkspaceFilters, workspaceSearch } from "~/features/analysis";
import { canViewAnalysis, canWorkOnAnalysis } from "~/features/accounts";
import { runOverview, viewData } from "~/features/analysis/index.server";
import { REJECT_REASON_LABELS } from "~/features/comments";
import { getDb } from "~/platform/db.server";
import { requireStaffConsultation } from "~/features/consultations/index.server";
import styles from "./analysis.css";
import { editFromForm } from "./edit.server";
import { RunPanel } from "./run-panel";
import { WorkspaceView } from "./workspace-view";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `意见分析 - ${data?.c.title ?? "征求意见"} - 工作台` }];

/** Checked in the loader and in the action alike: the page offering a button proves nothing. */
function load(request: Request, rawId: string | undefined) {
  return requireStaffConsultation(request, rawId, canViewAnalysis);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const db = getDb();
  const filters = parseWorkspaceFilters(new URL(request.url).searchParams);
  const run = await runOverview(db, c.id);
  const lock = analysisLockReason(c);
  const may = { work: canWorkOnAnalysis(user, c) && !lock };
  const view = run.finished ? await viewData(db, c.id, filters, may.work) : null;
  if (view?.kind === "redirect") throw redirect(workspaceSearch(filters, { topic: view.topicId, page: 1 }));
  return { c: { id: c.id, title: c.title, divisionName: c.divisionName }, filters, run, lock: canWorkOnAnalysis(user, c) ? lock : null, may, view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  if (!canWorkOnAnalysis(user, c)) throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const lock = analysisLockReason(c);
  if (lock)
    return data({ intent: String(form.get("intent") ?? ""), commentId: null, errors: { form: lock }, values: {} as Record<string, string> }, { status: 409 });
  const outcome = await editFromForm(getDb(), c.id, user, form);
  if (!outcome.ok) return data(outcome.reply, { status: outcome.status });
  // Back to the same filtered view, at the topic the edit made or kept.
  const url = new URL(request.url);
  if (outcome.topic) url.searchParams.set("topic", String(outcome.topic));
  url.searchParams.delete("page");
  url.searchParams.set("done", outcome.done);
  return redirect(`${url.pathname}${url.search}`);
}

const DONE: Record<string, string> = {
  run: "已开始意见分析。分析在后台进行，可离开本页，完成后回来查看。",
  rename: "话题已重命名。",
  merge: "话题已合并。",
  split: "已拆分出新话题。",
  move: "意见已移动到所选话题。",
  "own-topic": "已将该意见单列为一个话题。",
  article: "已记录对推断条款的核对。下次运行意见分析时将据此调整推断。",
};

export default function AnalysisWorkspace() {
  const { c, filters, run, lock, may, view } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const excluded = EXCLUDED_REJECT_REASONS.map((r) => `“${REJECT_REASON_LABELS[r]}”`).join("、");
  return (
    <>
      <h1>意见分析</h1>
      <ConsultationMeta c={c} staffLink />
      {done ? (
        <div className="alert success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <FormError message={reply?.errors.form} />
      <RunPanel consultationId={c.id} run={run} canRun={may.work} lock={lock} />
      <p className="hint">
        分析范围：除因{excluded}
        而不予公开的意见以外的全部意见，包括待审核的意见和因其他原因不予公开的意见。内容基本相同的意见合并显示，但每一条都计入总数。工作人员看到的是意见原文，请勿外传。
      </p>
      {view ? <WorkspaceView filters={filters} view={view} canEdit={may.work} reply={reply ?? undefined} /> : null}
    </>
  );
}
