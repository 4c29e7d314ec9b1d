import { Form, Link } from "@remix-run/react";
import { SelectField, TextField } from "~/ui/field";
import { Pagination } from "~/ui/pagination";
import { workspaceSearch, type WorkspaceFilters } from "~/features/analysis";
import { CommentItem } from "./comment-item";
import { Excerpt } from "./comment-text";
import { TopicSummaryList } from "./topic-summary";
import type { Reply } from "./edit.server";
import type { ViewData } from "~/features/analysis/index.server";

type TopicView = Extract<ViewData, { kind: "topic" }>;

/** Rename the topic, merge it into another, split chosen comments out of it. */
function TopicEdits({ view, reply }: { view: TopicView; reply?: Reply }) {
  const { topic } = view;
  const r = (intent: string) => (reply?.intent === intent ? reply : undefined);
  const others = view.topics.filter((t) => t.id !== topic.id);
  return (
    <div className="topic-edits">
      <Form method="post" className="action-panel" aria-labelledby="rename-title">
        <h3 id="rename-title">重命名</h3>
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="topicId" value={topic.id} />
        <TextField
          label="话题名称"
          name="label"
          required
          maxLength={40}
          defaultValue={r("rename")?.values.label ?? topic.label}
          error={r("rename")?.errors.label}
        />
        <button type="submit" className="button secondary">
          保存名称
        </button>
      </Form>
      {others.length ? (
        <Form method="post" className="action-panel" aria-labelledby="merge-into-title">
          <h3 id="merge-into-title">并入其他话题</h3>
          <input type="hidden" name="intent" value="merge" />
          <input type="hidden" name="topicIds" value={topic.id} />
          <SelectField
            label="并入"
            name="targetId"
            required
            defaultValue={r("merge")?.values.targetId ?? ""}
            error={r("merge")?.errors.targetId ?? r("merge")?.errors.topicIds}
            options={[{ value: "", label: "请选择话题" }, ...others.map((t) => ({ value: String(t.id), label: t.label }))]}
          />
          <button type="submit" className="button secondary">
            并入所选话题
          </button>
        </Form>
      ) : null}
      <Form method="post" id="split-form" className="action-panel" aria-labelledby="split-title">
        <h3 id="split-title">拆分</h3>
        <p className="hint" id="split-hint">
          在下方意见中勾选要拆分出去的意见，为新话题命名。
        </p>
        {r("split")?.errors.commentIds ? (
          <p className="field-error" role="alert">
            {r("split")?.errors.commentIds}
          </p>
        ) : null}
        <input type="hidden" name="intent" value="split" />
        <input type="hidden" name="topicId" value={topic.id} />
        <TextField label="新话题名称" name="label" required maxLength={40} defaultValue={r("split")?.values.label ?? ""} error={r("split")?.errors.label} />
        <button type="submit" className="button secondary" aria-describedby="split-hint">
          拆分所选意见
        </button>
      </Form>
    </div>
  );
}

export function TopicDetail({ filters, view, canEdit, reply }: { filters: WorkspaceFilters; view: TopicView; canEdit: boolean; reply?: Reply }) {
  const { topic, comments } = view;
  const splitChecked = new Set(reply?.intent === "split" ? (reply.values.commentIds ?? "").split("\n") : []);
  return (
    <section aria-labelledby="topic-title">
      <p className="breadcrumbs">
        <Link to={workspaceSearch(filters, { topic: undefined, view: "topics", page: 1 })}>返回话题列表</Link>
      </p>
      <h2 id="topic-title">
        话题：{topic.label} {topic.staffEdited ? <span className="badge staff-edited">已人工调整</span> : null}
      </h2>
      {topic.keywords.length ? (
        <p className="keywords">
          关键词：
          {topic.keywords.map((k) => (
            <span key={k} className="keyword">
              {k}
            </span>
          ))}
        </p>
      ) : null}
      <TopicSummaryList summary={topic.summary} onPage={new Set(comments.items.map((c) => c.id))} />
      {topic.representatives.length ? (
        <>
          <h3>代表性意见</h3>
          <ul className="representatives">
            {topic.representatives.map((c) => (
              <li key={c.id}>
                <Excerpt body={c.body} hasPii={c.hasPii} receiptNo={c.receiptNo} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? <TopicEdits view={view} reply={reply} /> : null}
      <h3 id="topic-comments-title">本话题的意见（{comments.total} 条）</h3>
      {comments.items.length === 0 ? <p className="no-results">没有符合条件的意见。</p> : null}
      {comments.items.map((item) => (
        <CommentItem
          key={item.id}
          item={item}
          topics={view.topics}
          canEdit={canEdit}
          articles={view.options.articles}
          splitForm={canEdit ? { checked: splitChecked.has(String(item.id)) } : undefined}
          reply={reply?.commentId === item.id ? reply : undefined}
        />
      ))}
      <Pagination page={comments.page} pageCount={comments.pageCount} href={(p) => workspaceSearch(filters, { page: p })} />
    </section>
  );
}
