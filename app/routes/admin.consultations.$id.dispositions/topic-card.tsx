import { Form, Link } from "@remix-run/react";
import { FormError, TextField } from "~/ui/field";
import type { MatrixComment, MatrixTopic } from "~/features/responses/index.server";
import { DISPOSITION_LIMITS } from "~/features/responses";
import { DispositionFacts, DispositionForm, type Reply } from "./disposition-form";
import { OpinionCard, OpinionForm } from "./opinion-card";

type Articles = Array<{ identityId: number; label: string }>;

/** One topic of the matrix: its public title, its opinions and their answers, and its comments one by one. */
export function TopicCard({
  topic,
  articles,
  canRecord,
  reply,
  overrideId,
  expanded,
}: {
  topic: MatrixTopic;
  articles: Articles;
  canRecord: boolean;
  reply: Reply | undefined;
  overrideId: number | null;
  expanded: boolean;
}) {
  const target = `topic-${topic.id}`;
  const titleId = `${target}-title`;
  const overrideOpen = topic.comments.some((c) => c.id === overrideId || reply?.target === `comment-${c.id}`);
  const unanswered = topic.size - topic.answeredCount;
  const titleOf = new Map(topic.opinions.map((o) => [o.id, o.title]));
  return (
    <section className={`topic-card ${topic.decided ? "decided" : "undecided"}`} id={target} aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId}>
        {topic.label} <span className={`badge ${topic.decided ? "topic-decided" : "topic-undecided"}`}>{topic.decided ? "已处理" : "未处理"}</span>
      </h2>
      <p className="meta">
        <span>{topic.size} 条意见</span>
        <span>
          已答复 {topic.answeredCount} 条{unanswered > 0 ? `，尚未答复 ${unanswered} 条` : ""}
        </span>
        {topic.keywords.length ? <span>关键词：{topic.keywords.slice(0, 8).join("、")}</span> : null}
        {topic.noSubstance ? <span>无实质内容</span> : null}
        {topic.overrideCount ? <span>其中 {topic.overrideCount} 条单独处理</span> : null}
      </p>
      {topic.quotes.length ? (
        <div className="topic-quotes">
          <h3 className="visually-hidden">代表性意见</h3>
          {topic.quotes.map((q) => (
            <blockquote key={q.id}>{q.text}</blockquote>
          ))}
        </div>
      ) : null}
      <PublicTitle topic={topic} canRecord={canRecord} reply={reply} />
      <h3>意见要点（{topic.opinions.length}）</h3>
      {topic.opinions.length ? null : <p>本主题尚未作出处理。</p>}
      {topic.opinions.map((o) => (
        <OpinionCard key={o.id} topic={topic} opinion={o} articles={articles} canRecord={canRecord} reply={reply} />
      ))}
      {canRecord ? (
        <details className="disposition-editor" id={`${target}-new`} open={topic.opinions.length === 0 || reply?.target === `${target}-new`}>
          <summary>新增意见要点</summary>
          <p className="hint">一个主题可以有多个意见要点，各自答复所勾选的意见；意见的答复以其所属意见要点为准，单独处理的以单独处理为准。</p>
          <OpinionForm topic={topic} opinion={null} articles={articles} reply={reply} />
        </details>
      ) : null}
      <details className="topic-comments" open={overrideOpen || expanded}>
        <summary>逐条查看和单独处理（{topic.size} 条）</summary>
        <p className="hint">单独处理的意见以其自身的处理结果为准；其余意见适用其所属意见要点的答复，未归入意见要点的意见尚未答复。</p>
        <ol className="topic-comment-list">
          {topic.comments.map((c) => (
            <CommentRow
              key={c.id}
              c={c}
              opinionTitle={c.opinionId ? titleOf.get(c.opinionId) ?? null : null}
              articles={articles}
              canRecord={canRecord}
              reply={reply}
              open={c.id === overrideId}
              keep={expanded ? `expand=${topic.id}&` : ""}
            />
          ))}
        </ol>
        {topic.comments.length < topic.size && !expanded ? (
          <p>
            已列出 {topic.comments.length} 条。<Link to={`?expand=${topic.id}#${target}`}>列出本主题全部 {topic.size} 条意见</Link>
          </p>
        ) : null}
      </details>
    </section>
  );
}

/** The title the topic is published under: a proposal until staff confirm it. */
function PublicTitle({ topic, canRecord, reply }: { topic: MatrixTopic; canRecord: boolean; reply: Reply | undefined }) {
  const target = `topic-${topic.id}-title`;
  const mine = reply?.target === target ? reply : undefined;
  return (
    <div className="public-title" id={target}>
      {topic.publicTitle ? (
        <p>
          公开标题：<strong>{topic.publicTitle}</strong> <span className="badge topic-decided">已确认</span>
        </p>
      ) : (
        <p>
          公开标题：<span className="badge topic-undecided">未确认</span> 未确认前，本主题的意见要点在反馈页面按条款列出，不显示主题名称。
        </p>
      )}
      {canRecord ? (
        <details open={!topic.publicTitle || mine !== undefined}>
          <summary>{topic.publicTitle ? "修改公开标题" : "确认公开标题"}</summary>
          <Form key={topic.publicTitle ?? ""} method="post" className="inline-form" aria-label={`“${topic.label}”的公开标题`}>
            <input type="hidden" name="intent" value="title" />
            <input type="hidden" name="topicId" value={topic.id} />
            <FormError message={mine?.errors.form} />
            <TextField
              label="公开标题"
              name="publicTitle"
              required
              maxLength={DISPOSITION_LIMITS.publicTitle}
              hint="系统根据主题标签生成了建议标题，请确认或改写；工作标签不会公开。"
              defaultValue={mine?.values.publicTitle ?? topic.publicTitle ?? topic.proposedTitle}
              error={mine?.errors.publicTitle}
            />
            <button type="submit" className="button secondary">
              确认公开标题
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function CommentRow(props: {
  c: MatrixComment;
  opinionTitle: string | null;
  articles: Articles;
  canRecord: boolean;
  reply: Reply | undefined;
  open: boolean;
  keep: string;
}) {
  const { c, opinionTitle, articles, canRecord, reply, open, keep } = props;
  const target = `comment-${c.id}`;
  const editing = open || reply?.target === target;
  return (
    <li id={target} className="topic-comment" tabIndex={-1}>
      <p className="meta">
        <span>{c.receiptNo}</span>
        {c.articles.length ? <span>{c.articles.join("、")}</span> : null}
        {c.own ? <span className="badge topic-decided">单独处理</span> : null}
        {!c.own && opinionTitle !== null ? <span>意见要点：{opinionTitle}</span> : null}
        {!c.own && opinionTitle === null && c.duplicateOf ? <span>重复提交：适用 {c.duplicateOf} 的答复</span> : null}
        {!c.answered ? <span className="badge topic-undecided">尚未答复</span> : null}
      </p>
      <p className="topic-comment-text">{c.text}</p>
      {c.own ? <DispositionFacts d={c.own} /> : null}
      {canRecord && editing ? (
        <DispositionForm
          target={target}
          hidden={{ commentId: c.id }}
          current={c.own}
          articles={articles}
          reply={reply}
          submitLabel={`保存意见 ${c.receiptNo} 的单独处理结果`}
        />
      ) : null}
      {canRecord && !editing ? (
        <div className="button-row">
          <Link to={`?${keep}override=${c.id}#${target}`} aria-label={`${c.own ? "修改单独处理" : "单独处理"}：意见 ${c.receiptNo}`}>
            {c.own ? "修改单独处理" : "单独处理"}
          </Link>
          {c.own ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="clear" />
              <input type="hidden" name="commentId" value={c.id} />
              <button type="submit" className="link-button" aria-label={`撤销单独处理：意见 ${c.receiptNo}（改用其所属意见要点的答复）`}>
                撤销单独处理
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
