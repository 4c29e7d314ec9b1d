import { Form, Link } from "@remix-run/react";
import { SelectField, TextField } from "~/ui/field";
import { QUEUE_STATUSES, QUEUE_STATUS_LABELS, queueSearch, type QueueFilters, type QueueStatus } from "~/features/comments";

/**
 * The queue's filters as a plain GET form, so a filtered queue is a link that can be bookmarked,
 * shared with a colleague and used without JavaScript.
 */
export function QueueFilterForm({ filters, articles }: { filters: QueueFilters; articles: Array<{ number: number; label: string }> }) {
  return (
    <Form method="get" className="list-search queue-filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="search-label">
        筛选意见
      </h2>
      <div className="list-filters">
        <SelectField
          label="审核状态"
          name="status"
          defaultValue={filters.status}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: QUEUE_STATUS_LABELS[s] }))}
        />
        <SelectField
          label="涉及条款"
          name="article"
          defaultValue={filters.article ? String(filters.article) : ""}
          options={[{ value: "", label: "全部条款" }, ...articles.map((a) => ({ value: String(a.number), label: a.label }))]}
        />
        <TextField label="意见内容包含" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} hint="也可输入回执编号、姓名或单位" />
        <fieldset className="field queue-flags">
          <legend>只看</legend>
          <label className="radio-line">
            <input type="checkbox" name="pii" value="1" defaultChecked={filters.pii} /> 含个人信息
          </label>
          <label className="radio-line">
            <input type="checkbox" name="campaign" value="1" defaultChecked={filters.campaign} aria-describedby="campaign-hint" /> 格式化意见（同一模板）
          </label>
          <p className="hint" id="campaign-hint">
            运行意见分析后才能识别。
          </p>
          <label className="radio-line">
            <input type="checkbox" name="unreviewed" value="1" defaultChecked={filters.unreviewed} /> 含待确认的个人信息
          </label>
          <label className="radio-line">
            <input type="checkbox" name="offTopic" value="1" defaultChecked={filters.offTopic} aria-describedby="flags-hint" /> 可能与征求内容无关
          </label>
          <label className="radio-line">
            <input type="checkbox" name="duplicate" value="1" defaultChecked={filters.duplicate} aria-describedby="flags-hint" /> 可能重复
          </label>
          <label className="radio-line">
            <input type="checkbox" name="marked" value="1" defaultChecked={filters.marked} /> 已标记
          </label>
          <p className="hint" id="flags-hint">
            系统提示，仅供参考：不会自动作出任何审核决定。
          </p>
        </fieldset>
        <p className="button-row">
          <button type="submit" className="button secondary">
            筛选
          </button>
          <Link to=".">清除筛选</Link>
        </p>
      </div>
    </Form>
  );
}

/** Counts per status under the other filters, each a link to that status. */
export function StatusCounts({ filters, counts }: { filters: QueueFilters; counts: Record<QueueStatus, number> }) {
  return (
    <nav aria-label="按审核状态" className="status-counts">
      <ul>
        {QUEUE_STATUSES.map((s) => (
          <li key={s}>
            <Link to={queueSearch(filters, { status: s, page: 1 })} aria-current={filters.status === s ? "page" : undefined}>
              {QUEUE_STATUS_LABELS[s]} <strong>{counts[s]}</strong> 条
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
