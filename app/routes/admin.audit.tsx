import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditChanges } from "~/ui/audit-changes";
import { auditActionLabel, auditChanges, auditEntityLabel } from "~/features/accounts";
import { verifyAuditChain } from "~/platform/audit.server";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { recentAudit } from "~/platform/audit.server";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "审计日志 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const db = getDb();
  const entries = (await recentAudit(db, null, 200)).map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actorLabel,
    action: auditActionLabel(e.action),
    code: e.action,
    entity: auditEntityLabel(e.entityType, e.entityId),
    ip: e.ip,
    changes: auditChanges(e),
  }));
  return { entries, verification: await verifyAuditChain(db) };
}

export default function Audit() {
  const { entries, verification } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>审计日志</h1>
      <div className={`alert ${verification.ok ? "success" : "error"}`} role="status">
        <p>
          {verification.ok
            ? `哈希链校验通过，共 ${verification.checked} 条记录，未发现篡改。`
            : `哈希链校验失败：第 ${verification.firstBadId} 条记录处${verification.problem}。`}
        </p>
      </div>
      <div className="table-wrap">
        <table>
          <caption>最近 {entries.length} 条记录</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">时间（北京时间）</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">变更</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.id}</td>
                <td>
                  <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                </td>
                <td>
                  {e.actor}
                  {e.ip ? <div className="meta">IP：{e.ip}</div> : null}
                </td>
                <td>
                  <span title={e.code}>{e.action}</span>
                </td>
                <td>{e.entity}</td>
                <td>
                  <AuditChanges changes={e.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
