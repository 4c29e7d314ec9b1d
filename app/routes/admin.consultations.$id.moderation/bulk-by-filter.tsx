import { Form, Link } from "@remix-run/react";
import { REJECT_REASONS, type RejectReason } from "~db/vocabulary";
import { SelectField } from "~/ui/field";
import {
  BULK_ACTION_LABELS,
  BULK_ACTIONS,
  type BulkAction,
  QUEUE_STATUS_LABELS,
  type QueueFilters,
  queueSearch,
  REJECT_REASON_LABELS,
} from "~/features/comments";

/** The filters as hidden fields, so each form of the two steps carries the set it means. */
function FilterFields({ filters }: { filters: QueueFilters }) {
  const params = new URLSearchParams(queueSearch({ ...filters, page: 1 }));
  return (
    <>
      {[...params].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {filters.status === "pending" ? <input type="hidden" name="status" value="pending" /> : null}
    </>
  );
}

/** "待审核、含个人信息、意见内容包含“贷款”": the filters in words, for the confirmation. */
export function describeFilters(f: QueueFilters, articleLabel: string | null): string {
  const parts = [QUEUE_STATUS_LABELS[f.status]];
  if (articleLabel) parts.push(`涉及${articleLabel}`);
  if (f.pii) parts.push("含个人信息");
  if (f.unreviewed) parts.push("含待确认的个人信息");
  if (f.campaign) parts.push("格式化意见");
  if (f.offTopic) parts.push("可能与征求内容无关");
  if (f.duplicate) parts.push("可能重复");
  if (f.marked) parts.push("已标记");
  if (f.q) parts.push(`内容包含“${f.q}”`);
  return parts.join("、");
}

const REASON_OPTIONS = [{ value: "", label: "请选择理由（不予公开时必选）" }, ...REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] }))];

/** Step one, a GET form: asks for the confirmation page of an action on everything the filters match. */
export function BulkByFilterForm({
  filters,
  total,
  error,
  values,
}: {
  filters: QueueFilters;
  total: number;
  error?: string;
  values: { bulk?: string; bulkReason?: string };
}) {
  return (
    <Form method="get" className="bulk-filter" aria-labelledby="bulk-filter-title">
      <h3 id="bulk-filter-title">对筛选出的全部意见</h3>
      <FilterFields filters={filters} />
      <div className="bulk-row">
        <SelectField
          label="对筛选结果的操作"
          name="bulk"
          defaultValue={values.bulk ?? "approve"}
          options={BULK_ACTIONS.map((a) => ({ value: a, label: BULK_ACTION_LABELS[a] }))}
        />
        <SelectField label="按筛选不予公开的理由" name="bulkReason" defaultValue={values.bulkReason ?? ""} error={error} options={REASON_OPTIONS} />
        <button type="submit" className="button secondary" disabled={total === 0}>
          对筛选出的全部 {total} 条意见执行…
        </button>
      </div>
      <p className="hint">下一步显示条数和将要执行的操作，确认后才会执行。</p>
    </Form>
  );
}

export interface BulkConfirmationData {
  action: BulkAction;
  reason: RejectReason | null;
  count: number;
  token: string;
  unreviewed: number;
  filtersText: string;
}

function consequence(p: BulkConfirmationData): string {
  switch (p.action) {
    case "approve":
      return `这些意见将按检出的个人信息隐去后公开（已由工作人员修改过的，按修改后的文本公开）。${
        p.unreviewed ? `其中 ${p.unreviewed} 条含有待确认的个人信息，不会公开，仍留在待审核队列中，需逐条核对。` : ""
      }已公开的意见不变。`;
    case "reject":
      return `这些意见将标记为不予公开（理由：${p.reason ? REJECT_REASON_LABELS[p.reason] : ""}），已公开的将撤下；它们仍计入意见总数，不会被删除。`;
    case "mark":
      return "这些意见将加上标记，便于之后筛选；不改变审核状态。";
    case "unmark":
      return "这些意见的标记将被取消；不改变审核状态。";
  }
}

/** Step two, a POST form: the count and what will happen; the server acts only on the set counted here. */
export function BulkConfirmation({ filters, preview, error }: { filters: QueueFilters; preview: BulkConfirmationData; error?: string }) {
  const cancel = queueSearch(filters);
  return (
    <section className="alert warning bulk-confirm" role="region" aria-labelledby="bulk-confirm-title" id="bulk-confirm">
      <h2 id="bulk-confirm-title">
        确认：对筛选出的全部 {preview.count} 条意见执行“{BULK_ACTION_LABELS[preview.action]}”
      </h2>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p>筛选条件：{preview.filtersText}。</p>
      <p>{consequence(preview)}</p>
      {preview.count === 0 ? <p>没有符合条件的意见，无需处理。</p> : null}
      <Form method="post" action={`${cancel}${cancel.length > 1 ? "&" : ""}bulk=${preview.action}${preview.reason ? `&bulkReason=${preview.reason}` : ""}`}>
        <input type="hidden" name="intent" value="bulk-filter" />
        <FilterFields filters={filters} />
        <input type="hidden" name="bulk" value={preview.action} />
        {preview.reason ? <input type="hidden" name="bulkReason" value={preview.reason} /> : null}
        <input type="hidden" name="count" value={preview.count} />
        <input type="hidden" name="token" value={preview.token} />
        <p className="button-row">
          <button type="submit" className="button" disabled={preview.count === 0}>
            确认执行（{preview.count} 条）
          </button>
          <Link to={cancel}>取消</Link>
        </p>
      </Form>
    </section>
  );
}
