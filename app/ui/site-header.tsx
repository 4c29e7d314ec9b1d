import { Form, Link, NavLink } from "@remix-run/react";
import type { Role } from "~db/vocabulary";
import { ROLE_LABELS } from "~/features/accounts";
import { DisplayControls } from "./display-controls";

export function SiteHeader({
  departmentName,
  user,
  display,
}: {
  departmentName: string;
  user: { displayName: string; role: Role } | null;
  display: { size: string; contrast: string } | null;
}) {
  return (
    <header className="site-header">
      {display ? (
        <div className="toolbar">
          <div className="container">
            <DisplayControls size={display.size} contrast={display.contrast} />
          </div>
        </div>
      ) : null}
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-department">{departmentName}</span>
          <span className="brand-product">征求意见平台</span>
        </Link>
        <nav aria-label="主导航" className="main-nav">
          <NavLink to="/" end>
            首页
          </NavLink>
          <NavLink to="/consultations">征求意见</NavLink>
          <NavLink to="/status">意见查询</NavLink>
          {user ? (
            <>
              <NavLink to="/admin">工作台</NavLink>
              <span className="nav-user">
                {user.displayName}（{ROLE_LABELS[user.role]}）
              </span>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  退出登录
                </button>
              </Form>
            </>
          ) : (
            <NavLink to="/login">工作人员登录</NavLink>
          )}
        </nav>
      </div>
    </header>
  );
}
