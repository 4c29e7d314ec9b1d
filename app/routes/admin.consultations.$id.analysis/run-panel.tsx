import { Form, Link, useLocation, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { RUN_STAGE_LABELS, RUN_STATUS_LABELS } from "~/features/analysis";
import type { runOverview, RunView } from "~/features/analysis/index.server";
import { formatDateTime, isoInstant } from "~/platform/dates";

type Overview = Awaited<ReturnType<typeof runOverview>>;
type Live = Pick<RunView, "status" | "progress" | "stage" | "error">;
const POLL_MS = 1000;

const isActive = (run: Live | null) => run?.status === "queued" || run?.status === "running";

/**
 * The latest run's state as the server last wrote it. With JavaScript the page asks the small progress
 * resource every second and reloads its data when the run ends; without, the refresh link does the same.
 */
function useRunProgress(consultationId: number, initial: Live | null): Live | null {
  const [run, setRun] = useState(initial);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => setRun(initial), [initial]);
  const active = isActive(run);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/admin/consultations/${consultationId}/analysis/progress`, { headers: { Accept: "application/json" } });
        if (stopped || !response.ok || !response.headers.get("Content-Type")?.includes("json")) return;
        const next: Live = await response.json();
        setRun(next);
        if (!isActive(next)) {
          stopped = true;
          clearInterval(timer);
          revalidate.current();
        }
      } catch {
        // A missed poll is retried on the next tick; the refresh link is always there.
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, consultationId]);
  return run;
}

export function RunPanel({ consultationId, run, canRun, lock }: { consultationId: number; run: Overview; canRun: boolean; lock: string | null }) {
  const live = useRunProgress(consultationId, run.latest);
  const location = useLocation();
  const navigation = useNavigation();
  const active = isActive(live);
  const percent = Math.round((live?.progress ?? 0) * 100);
  const stage = RUN_STAGE_LABELS[live?.stage ?? "queued"] ?? live?.stage;
  const here = `${location.pathname}${location.search.replace(/([?&])done=[^&]*&?/, "$1").replace(/[?&]$/, "")}`;
  return (
    <section className="action-panel run-panel" aria-labelledby="run-title">
      <h2 id="run-title">分析运行</h2>
      {run.finished ? (
        <p>
          最近一次分析完成于{" "}
          <time dateTime={isoInstant(run.finished.finishedAt ?? new Date(0))}>{run.finished.finishedAt ? formatDateTime(run.finished.finishedAt) : "—"}</time>
          {run.finished.by ? `，由${run.finished.by}运行` : ""}，涵盖 {run.finished.commentCount ?? run.analysed} 条意见。
        </p>
      ) : (
        <p>尚未运行意见分析。运行后可按话题、条款查看意见，识别内容基本相同的意见，并生成统计图表。</p>
      )}
      {run.finished && run.notYetAnalysed > 0 ? <p>此后又收到 {run.notYetAnalysed} 条意见，重新运行分析后纳入。</p> : null}
      {active ? (
        <div className="run-progress">
          <p id="run-stage" role="status">
            {RUN_STATUS_LABELS[live!.status]}：{stage}
          </p>
          <progress id="run-progress" max={100} value={percent} aria-labelledby="run-stage">
            {percent}%
          </progress>{" "}
          <span aria-hidden="true">{percent}%</span>
          <p className="hint">
            分析在服务器后台进行，离开本页不影响分析。<Link to={here}>刷新查看进度</Link>
          </p>
        </div>
      ) : null}
      {live?.status === "failed" ? (
        <div className="alert error" role="alert">
          <p>最近一次分析未完成：{live.error ?? "原因不明。"}</p>
        </div>
      ) : null}
      {lock ? <p className="alert warning">{lock}</p> : null}
      {canRun && !active ? (
        <Form method="post">
          <input type="hidden" name="intent" value="run" />
          <button type="submit" className="button" disabled={navigation.state === "submitting"} aria-describedby="run-hint">
            {run.finished ? "重新运行分析" : "运行意见分析"}
          </button>
          <p className="hint" id="run-hint">
            {run.finished
              ? "重新分析会保留工作人员调整过的话题（重命名、合并、拆分、移动）和已记录处理意见的话题，已归入这些话题的意见不会变动，新意见按内容归类。"
              : "分析在后台进行，通常不超过一分钟。"}
          </p>
        </Form>
      ) : null}
    </section>
  );
}
