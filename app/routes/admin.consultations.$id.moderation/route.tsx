import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { REJECT_REASONS } from "~db/vocabulary";
import { FormError, SelectField } from "~/ui/field";
import { Pagination } from "~/ui/pagination";
import { BulkByFilterSchema, BulkRequestSchema, parseQueueFilters, QueueFilterSchema, queueSearch, REJECT_REASON_LABELS } from "~/features/comments";
import { attachmentsByComment, attachmentSize, moderationQueue, previewBulk, runBulkByFilter } from "~/features/comments/index.server";
import { canModerate } from "~/features/accounts";
import { parseForm } from "~/platform/forms";
import { getDb } from "~/platform/db.server";
import { requireStaffConsultation } from "~/features/consultations/index.server";
import { decideFromForm, type Reply } from "./decide.server";
import { BulkByFilterForm, BulkConfirmation, describeFilters, type BulkConfirmationData } from "./bulk-by-filter";
import { ModerationCard } from "./moderation-card";
import { QueueFilterForm, StatusCounts } from "./queue-filters";
import { ShortcutHelp, useQueueShortcuts } from "./queue-shortcuts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `意见审核 - ${data?.c.title ?? "征求意见"} - 工作台` }];

/** Checked in the loader and in the action alike: the page offering a button proves nothing. */
function load(request: Request, idParam: string | undefined) {
  return requireStaffConsultation(request, idParam, canModerate);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await load(request, params.id);
  const url = new URL(request.url);
  const filters = parseQueueFilters(url.searchParams);
  const queue = await moderationQueue(getDb(), c.id, filters);
  const files = await attachmentsByComment(
    getDb(),
    queue.items.map((i) => i.id)
  );
  // A bulk action by filter asked for (the GET step): its confirmation, or why it cannot be confirmed.
  let bulk: { preview: BulkConfirmationData | null; error: string | null; values: { bulk?: string; bulkReason?: string } } | null = null;
  if (url.searchParams.has("bulk")) {
    const values = { bulk: url.searchParams.get("bulk") ?? undefined, bulkReason: url.searchParams.get("bulkReason") ?? undefined };
    const asked = BulkRequestSchema.safeParse(values);
    if (!asked.success) bulk = { preview: null, error: asked.error.issues[0]?.message ?? "请选择要执行的操作。", values };
    else {
      const request = { action: asked.data.bulk, reason: asked.data.bulkReason };
      const p = await previewBulk(getDb(), c.id, filters, request);
      const articleLabel = filters.article ? queue.articles.find((a) => a.number === filters.article)?.label ?? null : null;
      bulk = {
        preview: {
          action: request.action,
          reason: request.reason ?? null,
          count: p.count,
          token: p.token,
          unreviewed: p.unreviewed,
          filtersText: describeFilters(filters, articleLabel),
        },
        error: null,
        values,
      };
    }
  }
  return {
    bulk,
    c: { id: c.id, title: c.title, divisionName: c.divisionName },
    filters,
    selectAll: url.searchParams.get("select") === "all",
    queue,
    files: Object.fromEntries(
      [...files].map(([id, list]) => [id, list.map((f) => ({ id: f.id, filename: f.filename, size: attachmentSize(f.size), isPublic: f.isPublic }))])
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const form = await request.formData();
  if (form.get("intent") === "bulk-filter") return bulkByFilter(request, c.id, user, form);
  const outcome = await decideFromForm(getDb(), c.id, user, form);
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

/** The confirmed step of a bulk action by filter: acts on the set counted, or shows the new count. */
async function bulkByFilter(request: Request, consultationId: number, user: Awaited<ReturnType<typeof load>>["user"], form: FormData) {
  const filters = QueueFilterSchema.parse(Object.fromEntries([...form].filter(([k]) => k in QueueFilterSchema.shape)));
  const parsed = parseForm(BulkByFilterSchema, form);
  const refuse = (message: string, status: number) =>
    data<Reply>({ intent: "bulk-filter", commentId: null, errors: { form: message }, values: {}, ids: [] }, { status });
  if (!parsed.ok) return refuse(Object.values(parsed.errors)[0] ?? "确认信息无效，请重新确认。", 400);
  const { bulk: action, bulkReason: reason, token, count } = parsed.data;
  const outcome = await runBulkByFilter(getDb(), consultationId, user, filters, { action, reason, token });
  if (!outcome.ok) {
    // The page reloads with the same request, so it shows the confirmation again with the new count.
    return refuse(`筛选结果已变化：确认时为 ${count} 条，现在为 ${outcome.changed.count} 条。未执行任何操作，请核对后重新确认。`, 409);
  }
  const url = new URL(request.url);
  const search = new URLSearchParams(queueSearch(filters));
  search.set("done", `filter-${action}`);
  search.set("n", String(outcome.done));
  if (outcome.held.length) search.set("held", String(outcome.held.length));
  if (outcome.unchanged) search.set("unchanged", String(outcome.unchanged));
  return redirect(`${url.pathname}?${search}`);
}

const DONE: Record<string, (n: number) => string> = {
  approve: () => "已通过。意见将按提出人选择的方式公开。",
  reject: () => "已标记为不予公开。该意见仍计入意见总数。",
  "bulk-approve": (n) => `已通过 ${n} 条意见。`,
  "attachment-public": () => "附件已设为公开：意见通过后，附件随意见公开。",
  "attachment-private": () => "附件已设为不公开。",
  "bulk-reject": (n) => `已将 ${n} 条意见标记为不予公开，这些意见仍计入意见总数。`,
  "filter-approve": (n) => `已通过筛选出的意见 ${n} 条。`,
  "filter-reject": (n) => `已将筛选出的意见 ${n} 条标记为不予公开，这些意见仍计入意见总数。`,
  "filter-mark": (n) => `已为筛选出的意见 ${n} 条加上标记。`,
  "filter-unmark": (n) => `已取消筛选出的意见 ${n} 条的标记。`,
};

export default function ModerationQueue() {
  const { c, filters, selectAll, queue, files, bulk } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  useQueueShortcuts();
  const done = DONE[params.get("done") ?? ""]?.(Number(params.get("n") ?? 0));
  const filterReply = reply?.intent === "bulk-filter" ? reply : undefined;
  const bulkReply = reply?.intent.startsWith("bulk-") && !filterReply ? reply : undefined;
  const held = Number(params.get("held") ?? 0);
  const unchanged = Number(params.get("unchanged") ?? 0);
  const checked = new Set(bulkReply?.ids ?? []);
  // Selecting the whole page is a link, so it works without JavaScript too.
  const base = queueSearch(filters);
  return (
    <>
      <h1>意见审核</h1>
      <ConsultationMeta c={c} staffLink />
      <p>先审查、后发布：意见经审核通过后才公开，公开的是隐去个人信息后的文本，原文保留备查。不予公开的意见仍计入意见总数，任何意见都不会被删除。</p>
      {done ? (
        <div className="alert success" role="status">
          <p>{done}</p>
          {held > 0 ? (
            <p>
              另有 {held} 条含有待确认的个人信息，未予通过，仍在待审核队列中，请逐条核对后通过：
              <Link to={queueSearch({ ...filters, status: "pending", unreviewed: true, page: 1 })}>查看这 {held} 条</Link>
            </p>
          ) : null}
          {unchanged > 0 ? <p>{unchanged} 条已是该状态或在处理期间已由他人处理，未作改动。</p> : null}
        </div>
      ) : null}
      {bulk?.preview ? <BulkConfirmation filters={filters} preview={bulk.preview} error={filterReply?.errors.form} /> : null}
      {reply && !bulkReply && !(filterReply && bulk?.preview) ? <FormError message={reply.errors.form ?? reply.errors.ids ?? reply.errors.commentId} /> : null}
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
          <p className="field-error" id="bulk-error" role="alert">
            {bulkReply.errors.ids ?? bulkReply.errors.form}
          </p>
        ) : null}
        <div className="bulk-row">
          <button type="submit" name="intent" value="bulk-approve" className="button" aria-describedby="bulk-hint">
            批量通过所选
          </button>
          <SelectField
            label="批量不予公开的理由"
            name="reason"
            defaultValue={bulkReply?.values.reason ?? ""}
            error={bulkReply?.errors.reason}
            options={[{ value: "", label: "请选择理由" }, ...REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] }))]}
          />
          <button type="submit" name="intent" value="bulk-reject" className="button secondary">
            批量不予公开所选
          </button>
        </div>
      </Form>
      <div className="action-panel bulk-panel">
        <BulkByFilterForm filters={filters} total={queue.total} error={bulk?.error ?? undefined} values={bulk?.values ?? {}} />
      </div>

      <section aria-labelledby="queue-title" id="queue">
        <h2 id="queue-title" className="visually-hidden">
          意见列表
        </h2>
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
