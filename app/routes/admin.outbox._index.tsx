import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { kindLabel, OUTBOX_STATUS_LABELS, OUTBOX_STATUSES, type OutboxStatus } from "~/features/notices";
import { listOutbox, outboxCounts } from "~/features/notices/index.server";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "邮件发件箱 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const param = new URL(request.url).searchParams.get("status");
  const status = OUTBOX_STATUSES.find((s) => s === param) ?? null;
  const db = getDb();
  const e = env();
  return {
    status,
    counts: await outboxCounts(db),
    rows: await listOutbox(db, status),
    smtp: e.SMTP_HOST ? `${e.SMTP_HOST}:${e.SMTP_PORT}` : null,
    sender: e.MAIL_SENDER,
  };
}

export default function Outbox() {
  const { status, counts, rows, smtp, sender } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>邮件发件箱</h1>
      <div className={`alert ${smtp ? "" : "warning"}`} role="status">
        <p>
          {smtp
            ? `通知邮件经 SMTP 服务器 ${smtp} 发送。`
            : "未配置 SMTP 服务器：通知邮件不会发出，全部保留在此处，并以 .eml 文件保存在数据目录的 outbox 文件夹中。"}
          {sender === "off" ? "本进程不发送邮件（MAIL_SENDER=off），由单独运行的 npm run mail:worker 发送。" : null}
        </p>
      </div>
      <nav aria-label="按状态筛选">
        <ul className="meta">
          <li>
            <Link to="/admin/outbox" aria-current={status === null ? "page" : undefined}>
              全部（{Object.values(counts).reduce((a, b) => a + b, 0)}）
            </Link>
          </li>
          {OUTBOX_STATUSES.map((s: OutboxStatus) => (
            <li key={s}>
              <Link to={`/admin/outbox?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {OUTBOX_STATUS_LABELS[s]}（{counts[s]}）
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="table-wrap">
        <table>
          <caption>
            最近 {rows.length} 封邮件{status ? `（${OUTBOX_STATUS_LABELS[status]}）` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">类型</th>
              <th scope="col">收件人</th>
              <th scope="col">主题</th>
              <th scope="col">状态</th>
              <th scope="col">尝试次数</th>
              <th scope="col">时间</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>{kindLabel(r.kind)}</td>
                <td>{r.toAddress}</td>
                <td>
                  <Link to={`/admin/outbox/${r.id}`}>{r.subject}</Link>
                </td>
                <td>
                  {OUTBOX_STATUS_LABELS[r.status]}
                  {r.lastError && r.status !== "sent" ? <div className="hint">{r.lastError}</div> : null}
                </td>
                <td>{r.attempts}</td>
                <td>
                  <div>创建：{formatDateTime(r.createdAt)}</div>
                  {r.sentAt ? (
                    <div>
                      {r.status === "held" ? "保存" : "发送"}：{formatDateTime(r.sentAt)}
                    </div>
                  ) : null}
                  {r.status === "pending" && r.attempts > 0 ? <div>下次重试：{formatDateTime(r.nextAttemptAt)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
