import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { kindLabel, OUTBOX_STATUS_LABELS } from "~/features/notices";
import { getOutboxRow, retryOutboxRow } from "~/features/notices/index.server";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "邮件详情 - 征求意见平台" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const row = await getOutboxRow(getDb(), Number(params.id));
  if (!row) throw new Response("未找到该邮件。", { status: 404 });
  return { row };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const ok = await retryOutboxRow(getDb(), Number(params.id), user);
  if (!ok) return data({ message: "只有发送失败或已保留的邮件可以重新发送。", ok: false }, { status: 409 });
  return { message: "已重新放入发送队列，将在数秒内发送。", ok: true };
}

export default function OutboxMessage() {
  const { row } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/outbox">返回发件箱</Link>
      </p>
      <h1>{row.subject}</h1>
      {result ? (
        <div className={`alert ${result.ok ? "success" : "error"}`} role={result.ok ? "status" : "alert"}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <dl className="period-box">
        <dt>收件人</dt>
        <dd>{row.toAddress}</dd>
        <dt>类型</dt>
        <dd>{kindLabel(row.kind)}</dd>
        <dt>状态</dt>
        <dd>
          {OUTBOX_STATUS_LABELS[row.status]}（已尝试 {row.attempts} 次）
        </dd>
        {row.lastError ? (
          <>
            <dt>服务器最近的答复</dt>
            <dd>{row.lastError}</dd>
          </>
        ) : null}
        <dt>创建时间</dt>
        <dd>{formatDateTime(row.createdAt)}</dd>
        {row.sentAt ? (
          <>
            <dt>{row.status === "held" ? "保存时间" : "发送时间"}</dt>
            <dd>{formatDateTime(row.sentAt)}</dd>
          </>
        ) : null}
        {row.messageId ? (
          <>
            <dt>Message-ID</dt>
            <dd>{row.messageId}</dd>
          </>
        ) : null}
        {row.headers
          ? Object.entries(row.headers).map(([k, v]) => (
              <Fragment key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </Fragment>
            ))
          : null}
      </dl>
      <div className="button-row">
        <a className="button secondary" href={`/admin/outbox/${row.id}/eml`} download={`zhengqiu-${row.id}.eml`}>
          下载 .eml 文件
        </a>
        {row.status === "failed" || row.status === "held" ? (
          <Form method="post">
            <button type="submit" className="button">
              重新发送
            </button>
          </Form>
        ) : null}
      </div>
      <h2>正文（纯文本）</h2>
      <pre className="prose">{row.textBody}</pre>
    </>
  );
}
