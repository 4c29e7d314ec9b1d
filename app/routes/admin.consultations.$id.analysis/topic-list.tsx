import { Form, Link } from "@remix-run/react";
import { TextField } from "~/ui/field";
import { groupTopicsByTheme, workspaceSearch, type WorkspaceFilters } from "~/features/analysis";
import type { TopicSummary } from "~/features/analysis/index.server";
import { Excerpt } from "./comment-text";
import type { Reply } from "./edit.server";

/**
 * The topics, largest first, each with its keywords and representative comments, grouped under their themes
 * (a heading per theme with its comments; topics in no theme after them). Checking two or more and choosing
 * which one remains merges them; the checkboxes belong to the merge form through their form attribute, so it
 * works without JavaScript.
 */
export function TopicList({
  filters,
  topics,
  canEdit,
  reply,
  filtered,
}: {
  filters: WorkspaceFilters;
  topics: TopicSummary[];
  canEdit: boolean;
  reply?: Reply;
  filtered: boolean;
}) {
  const shown = filtered ? topics.filter((t) => t.size > 0) : topics;
  const mergeReply = reply?.intent === "merge" ? reply : undefined;
  const checked = new Set((mergeReply?.values.topicIds ?? "").split("\n"));
  const { themes, unthemed } = groupTopicsByTheme(shown);
  const cards = (list: TopicSummary[], level: "h3" | "h4") => (
    <ol className="topic-list">
      {list.map((t) => (
        <TopicCard key={t.id} topic={t} filters={filters} canEdit={canEdit} checked={checked.has(String(t.id))} heading={level} />
      ))}
    </ol>
  );
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">话题（{shown.length} 个）</h2>
      {canEdit && shown.length > 1 ? (
        <Form method="post" id="merge-form" className="action-panel" aria-labelledby="merge-title">
          <h3 id="merge-title">合并话题</h3>
          <p className="hint" id="merge-hint">
            在下方勾选要合并的话题，再选择合并后保留哪个话题（保留其名称和已记录的处理意见），也可以同时改名。
          </p>
          {mergeReply?.errors.topicIds ? (
            <p className="field-error" role="alert">
              {mergeReply.errors.topicIds}
            </p>
          ) : null}
          <div className="bulk-row">
            <div className="field">
              <label htmlFor="merge-target">合并后保留的话题</label>
              <select
                id="merge-target"
                name="targetId"
                required
                defaultValue={mergeReply?.values.targetId ?? ""}
                aria-invalid={mergeReply?.errors.targetId ? true : undefined}
                aria-describedby={mergeReply?.errors.targetId ? "merge-target-error" : "merge-hint"}
              >
                <option value="">请选择</option>
                {shown.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
              {mergeReply?.errors.targetId ? (
                <p className="field-error" id="merge-target-error">
                  {mergeReply.errors.targetId}
                </p>
              ) : null}
            </div>
            <TextField
              label="合并后的名称（可选）"
              name="label"
              maxLength={40}
              defaultValue={mergeReply?.values.label ?? ""}
              error={mergeReply?.errors.label}
            />
            <input type="hidden" name="intent" value="merge" />
            <button type="submit" className="button secondary">
              合并所选话题
            </button>
          </div>
        </Form>
      ) : null}
      {shown.length === 0 ? <p className="no-results">没有符合条件的意见。</p> : null}
      {themes.length === 0 ? cards(shown, "h3") : null}
      {themes.map((theme) => (
        <section key={theme.key} className="theme-group" aria-labelledby={`theme-${theme.key}`}>
          <h3 id={`theme-${theme.key}`} className="theme-heading">
            议题：{theme.label}
            <span className="theme-size">
              （{theme.topics.length} 个话题，{theme.size} 条意见）
            </span>
          </h3>
          {cards(theme.topics, "h4")}
        </section>
      ))}
      {themes.length > 0 && unthemed.length > 0 ? (
        <section className="theme-group" aria-labelledby="theme-none">
          <h3 id="theme-none" className="theme-heading">
            未归入议题的话题
            <span className="theme-size">
              （{unthemed.length} 个话题，{unthemed.reduce((sum, t) => sum + t.size, 0)} 条意见）
            </span>
          </h3>
          {cards(unthemed, "h4")}
        </section>
      ) : null}
    </section>
  );
}

/** One topic: its name (a heading of the given level), size, keywords and representative comments. */
function TopicCard({
  topic: t,
  filters,
  canEdit,
  checked,
  heading: Heading,
}: {
  topic: TopicSummary;
  filters: WorkspaceFilters;
  canEdit: boolean;
  checked: boolean;
  heading: "h3" | "h4";
}) {
  return (
    <li className="topic-card">
      <div className="topic-card-head">
        <Heading>
          <Link to={workspaceSearch(filters, { topic: t.id, page: 1 })}>{t.label}</Link>
        </Heading>
        <span className="topic-size">{t.size} 条</span>
        {t.staffEdited ? <span className="badge staff-edited">已人工调整</span> : null}
        {canEdit ? (
          <label className="select-line">
            <input type="checkbox" name="topicIds" value={t.id} form="merge-form" defaultChecked={checked} /> 选择合并
            <span className="visually-hidden">：{t.label}</span>
          </label>
        ) : null}
      </div>
      {t.senders.dominated_by_one_sender ? (
        <p className="hint one-sender">
          本话题主要来自同一提交人（{t.size} 条中的 {t.senders.largest_sender_comments} 条）
        </p>
      ) : null}
      {t.keywords.length ? (
        <p className="keywords">
          <span className="visually-hidden">关键词：</span>
          {t.keywords.map((k) => (
            <span key={k} className="keyword">
              {k}
            </span>
          ))}
        </p>
      ) : null}
      {t.representatives.length ? (
        <ul className="representatives" aria-label={`“${t.label}”的代表性意见`}>
          {t.representatives.map((r) => (
            <li key={r.id}>
              <Excerpt body={r.body} hasPii={r.hasPii} receiptNo={r.receiptNo} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
