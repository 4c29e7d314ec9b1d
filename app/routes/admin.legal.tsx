import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LEGAL_STAGE_LABELS } from "~/features/packet";
import { listLegalReviews } from "~/features/packet/index.server";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "合法性审查 - 工作台" }];

/** The legal office's in-tray: every packet sent to it, newest first, with where each stands. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "legal");
  return { reviews: await listLegalReviews(getDb()) };
}

export default function LegalInTray() {
  const { reviews } = useLoaderData<typeof loader>();
  const waiting = reviews.filter((r) => r.stage === "submitted").length;
  return (
    <>
      <h1>合法性审查</h1>
      <p>起草处室报送法制审核的征求意见材料。退回修改的材料，起草处室答复审查意见后重新报送，进入下一轮审查。{waiting ? `其中 ${waiting} 件待登记。` : ""}</p>
      {reviews.length === 0 ? (
        <p>暂无报送的材料。</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">报送法制审核的征求意见</caption>
            <thead>
              <tr>
                <th scope="col">征求意见</th>
                <th scope="col">起草处室</th>
                <th scope="col">报送</th>
                <th scope="col">接收</th>
                <th scope="col">审查完毕</th>
                <th scope="col">进度</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.consultationId}>
                  <td>
                    <Link to={`/admin/consultations/${r.consultationId}/packet`}>{r.title}</Link>
                  </td>
                  <td>{r.divisionName}</td>
                  <td>
                    {formatDateTime(r.submittedAt)}（{r.submittedBy}）
                  </td>
                  <td>{r.receivedAt ? `${formatDateTime(r.receivedAt)}（${r.receivedBy}）` : "—"}</td>
                  <td>{r.finishedAt ? `${formatDateTime(r.finishedAt)}（${r.finishedBy}）` : "—"}</td>
                  <td>
                    第 {r.round} 轮：{LEGAL_STAGE_LABELS[r.stage]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
