import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/features/accounts";
import { listUsers } from "~/features/accounts/index.server";
import { getDb } from "~/platform/db.server";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "账号管理 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { users: await listUsers(getDb()) };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>账号管理</h1>
      <p>
        <Link to="/admin/users/new" className="button">
          新建账号
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>全部工作人员账号（{users.length} 个）</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色</th>
              <th scope="col">处室</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.divisionName ?? "—"}</td>
                <td>{u.active ? "启用" : "已停用"}</td>
                <td>
                  <Link to={`/admin/users/${u.id}`} aria-label={`编辑账号 ${u.username}`}>
                    编辑
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
