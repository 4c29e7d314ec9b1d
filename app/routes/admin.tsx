import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/platform/permissions.server";

/** The staff area: every page below requires a logged-in staff member; each adds its own role check. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { role: user.role };
}

export default function AdminLayout() {
  const { role } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="工作台导航" className="breadcrumbs">
        <NavLink to="/admin" end>
          工作台
        </NavLink>
        {role === "admin" ? (
          <>
            {" · "}
            <NavLink to="/admin/users">账号管理</NavLink>
            {" · "}
            <NavLink to="/admin/calendar">工作日历</NavLink>
            {" · "}
            <NavLink to="/admin/audit">审计日志</NavLink>
            {" · "}
            <NavLink to="/admin/outbox">邮件发件箱</NavLink>
          </>
        ) : null}
        {role === "legal" ? (
          <>
            {" · "}
            <NavLink to="/admin/legal">合法性审查</NavLink>
          </>
        ) : null}
      </nav>
      <Outlet />
    </>
  );
}
