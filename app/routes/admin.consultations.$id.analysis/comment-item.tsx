import { Form } from "@remix-run/react";
import { SelectField, TextField } from "~/ui/field";
import { toChineseNumeral } from "~/engine/chinese-numerals";
import type { WorkspaceComment } from "~/features/analysis/index.server";
import { CHANNEL_LABELS, QUEUE_STATUS_LABELS } from "~/features/comments";
import { formatDateTime, isoInstant } from "~/platform/dates";
import { ArticleTags, PiiBadge, StanceBadge } from "./comment-text";
import type { Reply } from "./edit.server";

type TopicChoice = { id: number; label: string };
type ArticleChoice = { number: number; label: string };

/**
 * Staff's verdict on each article the analysis inferred: confirm it, or say it is not about that article
 * (optionally naming the right one). The next run learns from both (article-corrections.server.ts).
 */
function InferredArticleForms({ item, articles, reply }: { item: WorkspaceComment; articles: ArticleChoice[]; reply?: Reply }) {
  const inferred = item.articles.filter((a) => a.source === "inferred");
  if (inferred.length === 0) return null;
  const own = reply?.intent === "article" ? reply : undefined;
  return (
    <details className="placement" open={Boolean(own)}>
      <summary>
        核对推断的条款<span className="visually-hidden">（意见 {item.receiptNo}）</span>
      </summary>
      {inferred.map((a) => {
        const name = `第${toChineseNumeral(a.number)}条`;
        const selectId = `replacement-${item.id}-${a.number}`;
        const mine = own && own.values.article === String(a.number) ? own : undefined;
        const error = mine?.errors.replacement ?? mine?.errors.article ?? mine?.errors.verdict;
        return (
          <div key={a.number} className="placement-form">
            <Form method="post">
              <input type="hidden" name="intent" value="article" />
              <input type="hidden" name="commentId" value={item.id} />
              <input type="hidden" name="article" value={a.number} />
              <input type="hidden" name="verdict" value="confirm" />
              <button type="submit" className="button secondary">
                确认涉及{name}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="article" />
              <input type="hidden" name="commentId" value={item.id} />
              <input type="hidden" name="article" value={a.number} />
              <input type="hidden" name="verdict" value="reject" />
              <SelectField
                id={selectId}
                label={`不涉及${name}，改为（可不选）`}
                name="replacement"
                defaultValue={mine?.values.replacement ?? ""}
                error={error}
                options={[
                  { value: "", label: "不改为其他条款" },
                  ...articles.filter((choice) => choice.number !== a.number).map((choice) => ({ value: String(choice.number), label: choice.label })),
                ]}
              />
              <button type="submit" className="button secondary">
                否定{name}
              </button>
            </Form>
          </div>
        );
      })}
    </details>
  );
}

/** Move to another topic, or make the comment a topic of its own: two small forms, each working on its own. */
function PlacementForms({ item, topics, reply }: { item: WorkspaceComment; topics: TopicChoice[]; reply?: Reply }) {
  const moveReply = reply?.intent === "move" ? reply : undefined;
  const ownReply = reply?.intent === "own-topic" ? reply : undefined;
  const selectId = `move-${item.id}`;
  const error = moveReply?.errors.toTopicId;
  return (
    <details className="placement" open={Boolean(reply)}>
      <summary>
        调整归类<span className="visually-hidden">（意见 {item.receiptNo}）</span>
      </summary>
      <Form method="post" className="placement-form">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="commentId" value={item.id} />
        <div className="field">
          <label htmlFor={selectId}>移动到话题</label>
          <select
            id={selectId}
            name="toTopicId"
            required
            defaultValue={moveReply?.values.toTopicId ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${selectId}-error` : undefined}
          >
            <option value="">请选择话题</option>
            {topics
              .filter((t) => t.id !== item.topicId)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
          </select>
          {error ? (
            <p className="field-error" id={`${selectId}-error`}>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button secondary">
          移动
        </button>
      </Form>
      <Form method="post" className="placement-form">
        <input type="hidden" name="intent" value="own-topic" />
        <input type="hidden" name="commentId" value={item.id} />
        <TextField label="单列为新话题，名称" name="label" required maxLength={40} defaultValue={ownReply?.values.label ?? ""} error={ownReply?.errors.label} />
        <button type="submit" className="button secondary">
          单列为话题
        </button>
      </Form>
    </details>
  );
}

/**
 * One comment as staff study it: the original text, who sent it and how, what the analysis found. In a topic
 * it may be ticked for a split (the checkbox belongs to the split form) and moved elsewhere.
 */
export function CommentItem({
  item,
  topics,
  canEdit,
  splitForm,
  reply,
  showTopic,
  highlightArticle,
  articles = [],
  canCorrectArticles = canEdit,
}: {
  item: WorkspaceComment;
  topics: TopicChoice[];
  /** the draft's articles, for correcting an inferred one */
  articles?: ArticleChoice[];
  /** staff may confirm or correct the inferred articles (where the placement forms are not shown too) */
  canCorrectArticles?: boolean;
  canEdit: boolean;
  splitForm?: { checked: boolean };
  reply?: Reply;
  showTopic?: boolean;
  highlightArticle?: number;
}) {
  const who = [item.name, item.organisation].filter(Boolean).join("，") || "未留姓名";
  const topicLabel = topics.find((t) => t.id === item.topicId)?.label ?? "未归入话题";
  const titleId = `comment-${item.id}-title`;
  return (
    <article className="analysis-comment" id={`comment-${item.id}`} aria-labelledby={titleId}>
      <div className="moderation-card-head">
        <h3 id={titleId}>
          意见 {item.receiptNo} <span className={`badge moderation-${item.moderationStatus}`}>{QUEUE_STATUS_LABELS[item.moderationStatus]}</span>{" "}
          <StanceBadge stance={item.stance} /> <PiiBadge hasPii={item.hasPii} />
          {item.campaignId ? <span className="badge campaign-badge">内容基本相同</span> : null}
          {item.topicSource === "staff" ? <span className="badge staff-edited">人工归类</span> : null}
        </h3>
        {splitForm ? (
          <label className="select-line">
            <input type="checkbox" name="commentIds" value={item.id} form="split-form" defaultChecked={splitForm.checked} /> 选择拆分
            <span className="visually-hidden">：意见 {item.receiptNo}</span>
          </label>
        ) : null}
      </div>
      <p className="original-text">{item.body}</p>
      <dl className="moderation-facts">
        <div>
          <dt>收到时间</dt>
          <dd>
            <time dateTime={isoInstant(item.receivedAt)}>{formatDateTime(item.receivedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>渠道</dt>
          <dd>{CHANNEL_LABELS[item.channel]}</dd>
        </div>
        <div>
          <dt>身份</dt>
          <dd>{item.identityCategory}</dd>
        </div>
        <div>
          <dt>姓名、单位</dt>
          <dd>{who}</dd>
        </div>
        <div>
          <dt>涉及条款</dt>
          <dd>
            <ArticleTags articles={item.articles} highlight={highlightArticle} />
          </dd>
        </div>
        {showTopic ? (
          <div>
            <dt>话题</dt>
            <dd>{topicLabel}</dd>
          </div>
        ) : null}
      </dl>
      {canCorrectArticles ? <InferredArticleForms item={item} articles={articles} reply={reply} /> : null}
      {canEdit ? <PlacementForms item={item} topics={topics} reply={reply} /> : null}
    </article>
  );
}
