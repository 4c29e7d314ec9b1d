import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listStaffConsultations } from "~/features/consultations/index.server";
import { PHASE_LABELS, publicPhase } from "~/features/consultations";
import { ROLE_LABELS } from "~/features/accounts";
import { formatDate } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { requireUser } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "工作台 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { displayName: user.displayName, role: user.role },
    consultations: user.role === "admin" ? [] : await listStaffConsultations(getDb(), user),
  };
}

export default function Dashboard() {
  const { user, consultations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>工作台</h1>
      <p>
        {user.displayName}，您好。当前角色：{ROLE_LABELS[user.role]}。
      </p>
      {user.role === "admin" ? (
        <ul>
          <li>
            <Link to="/admin/users">账号管理</Link>：创建账号、设置角色和处室、重置密码、停用账号。
          </li>
          <li>
            <Link to="/admin/calendar">工作日历</Link>：登记法定节假日和调休上班日，用于计算征求意见期。
          </li>
          <li>
            <Link to="/admin/audit">审计日志</Link>：查看所有状态变更和账号操作的记录。
          </li>
        </ul>
      ) : (
        <section aria-labelledby="my-consultations">
          <h2 id="my-consultations">{user.role === "drafter" ? "本处室的征求意见" : "征求意见"}</h2>
          {user.role === "drafter" ? (
            <p>
              <Link to="/admin/consultations/new" className="button">
                新建征求意见
              </Link>
            </p>
          ) : null}
          {consultations.length === 0 ? (
            <p>暂无。</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">标题</th>
                    <th scope="col">起草处室</th>
                    <th scope="col">状态</th>
                    <th scope="col">截止日期</th>
                  </tr>
                </thead>
                <tbody>
                  {consultations.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/admin/consultations/${c.id}`}>{c.title}</Link>
                      </td>
                      <td>{c.divisionName}</td>
                      <td>{PHASE_LABELS[publicPhase(c)]}</td>
                      <td>{c.closesAt ? formatDate(c.closesAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
