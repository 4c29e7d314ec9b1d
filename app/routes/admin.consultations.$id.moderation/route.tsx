import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { REJECT_REASONS } from "~db/vocabulary";
import { FormError, SelectField } from "~/components/field";
import { Pagination } from "~/components/pagination";
import { REJECT_REASON_LABELS } from "~/models/comment-labels";
import { getStaffConsultation } from "~/models/consultation.server";
import { moderationQueue } from "~/models/moderation-queue.server";
import { parseQueueFilters, queueSearch } from "~/models/moderation-schema";
import { canModerate } from "~/models/moderation.server";
import { getDb } from "~/utils/db.server";
import { requireUser } from "~/utils/permissions.server";
import { attachmentSize, attachmentsByComment } from "~/models/comment-attachments.server";
import { decideFromForm } from "./decide.server";
import { ModerationCard } from "./moderation-card";
import { QueueFilterForm, StatusCounts } from "./queue-filters";
import { ShortcutHelp, useQueueShortcuts } from "./queue-shortcuts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `意见审核 - ${data?.c.title ?? "征求意见"} - 工作台` }];

/** Checked in the loader and in the action alike: the page offering a button proves nothing. */
async function load(request: Request, idParam: string | undefined) {
  const user = await requireUser(request);
  const c = getStaffConsultation(getDb(), Number(idParam));
  if (!c) throw new Response("Not Found", { status: 404 });
  if (!canModerate(user, c)) throw new Response("Forbidden", { status: 403 });
  return { user, c };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await load(request, params.id);
  const url = new URL(request.url);
  const filters = parseQueueFilters(url.searchParams);
  const queue = moderationQueue(getDb(), c.id, filters);
  const files = attachmentsByComment(getDb(), queue.items.map((i) => i.id));
  return {
    c: { id: c.id, title: c.title, divisionName: c.divisionName },
    filters,
    selectAll: url.searchParams.get("select") === "all",
    queue,
    files: Object.fromEntries([...files].map(([id, list]) => [id, list.map((f) => ({ id: f.id, filename: f.filename, size: attachmentSize(f.size), isPublic: f.isPublic }))])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const form = await request.formData();
  const outcome = decideFromForm(getDb(), c.id, user, form);
  if (!outcome.ok) return data(outcome.reply, { status: outcome.status });
  // Back to the same filtered page, at the comment after the one just decided.
  const url = new URL(request.url);
  url.searchParams.delete("index");
  url.searchParams.delete("select");
  url.searchParams.set("done", outcome.done);
  url.searchParams.set("n", String(outcome.count));
  const next = Number(form.get("next"));
  return redirect(`${url.pathname}${url.search}${Number.isSafeInteger(next) && next > 0 ? `#comment-${next}` : ""}`);
}

const DONE: Record<string, (n: number) => string> = {
  approve: () => "已通过。意见将按提出人选择的方式公开。",
  reject: () => "已标记为不予公开。该意见仍计入意见总数。",
  "bulk-approve": (n) => `已通过 ${n} 条意见。`,
  "attachment-public": () => "附件已设为公开：意见通过后，附件随意见公开。",
  "attachment-private": () => "附件已设为不公开。",
  "bulk-reject": (n) => `已将 ${n} 条意见标记为不予公开，这些意见仍计入意见总数。`,
};

export default function ModerationQueue() {
  const { c, filters, selectAll, queue, files } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  useQueueShortcuts();
  const done = DONE[params.get("done") ?? ""]?.(Number(params.get("n") ?? 0));
  const bulkReply = reply?.intent.startsWith("bulk-") ? reply : undefined;
  const checked = new Set(bulkReply?.ids ?? []);
  // Selecting the whole page is a link, so it works without JavaScript too.
  const base = queueSearch(filters);
  return (
    <>
      <h1>意见审核</h1>
      <p className="meta">
        <Link to={`/admin/consultations/${c.id}`}>{c.title}</Link>
        <span>起草处室：{c.divisionName}</span>
      </p>
      <p>先审查、后发布：意见经审核通过后才公开，公开的是隐去个人信息后的文本，原文保留备查。不予公开的意见仍计入意见总数，任何意见都不会被删除。</p>
      {done ? <div className="alert success" role="status"><p>{done}</p></div> : null}
      {reply && !bulkReply ? <FormError message={reply.errors.form ?? reply.errors.ids ?? reply.errors.commentId} /> : null}
      <StatusCounts filters={filters} counts={queue.counts} />
      <QueueFilterForm filters={filters} articles={queue.articles} />
      <ShortcutHelp />

      <Form method="post" id="bulk-form" className="action-panel bulk-panel" aria-labelledby="bulk-title">
        <h2 id="bulk-title">批量处理</h2>
        <p className="hint" id="bulk-hint">
          勾选下方意见后使用。批量通过只公开没有待确认个人信息的意见；意见内容、姓名或单位中检出疑似个人信息而尚未逐条确认的意见不会通过，留在待审核队列中，需逐条审核。
          {queue.items.length ? (
            <>
              {" "}
              <Link to={`${selectAll ? base : `${base}${base.length > 1 ? "&" : ""}select=all`}#bulk-title`}>{selectAll ? "取消全选" : "全选本页"}</Link>
            </>
          ) : null}
        </p>
        {bulkReply?.errors.ids || bulkReply?.errors.form ? (
          <p className="field-error" id="bulk-error" role="alert">{bulkReply.errors.ids ?? bulkReply.errors.form}</p>
        ) : null}
        <div className="bulk-row">
          <button type="submit" name="intent" value="bulk-approve" className="button" aria-describedby="bulk-hint">批量通过所选</button>
          <SelectField
            label="批量不予公开的理由"
            name="reason"
            defaultValue={bulkReply?.values.reason ?? ""}
            error={bulkReply?.errors.reason}
            options={[{ value: "", label: "请选择理由" }, ...REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] }))]}
          />
          <button type="submit" name="intent" value="bulk-reject" className="button secondary">批量不予公开所选</button>
        </div>
      </Form>

      <section aria-labelledby="queue-title" id="queue">
        <h2 id="queue-title" className="visually-hidden">意见列表</h2>
        <p>
          共 {queue.total} 条{filters.status === "pending" ? "，按收到时间从早到晚排列" : "，按收到时间从晚到早排列"}。
        </p>
        {queue.items.length === 0 ? (
          <p className="no-results">{filters.campaign ? "没有符合条件的意见。格式化意见需在运行意见分析后才能识别。" : "没有符合条件的意见。"}</p>
        ) : (
          queue.items.map((item, i) => (
            <ModerationCard
              key={item.id}
              item={item}
              consultationId={c.id}
              files={files[item.id] ?? []}
              next={queue.items[i + 1]?.id ?? queue.items[i - 1]?.id ?? null}
              selected={selectAll || checked.has(String(item.id))}
              reply={reply?.commentId === item.id ? reply : undefined}
            />
          ))
        )}
        <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => queueSearch(filters, { page: p })} />
      </section>
    </>
  );
}
