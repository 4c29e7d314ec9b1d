import { Form, Link } from "@remix-run/react";
import type { MatrixComment, MatrixTopic } from "~/models/disposition-matrix.server";
import { DispositionFacts, DispositionForm, type Reply } from "./disposition-form";

type Articles = Array<{ identityId: number; label: string }>;

/** One topic of the matrix: what it is about, its answer, and its comments answered one by one. */
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
  return (
    <section className={`topic-card ${topic.decided ? "decided" : "undecided"}`} id={target} aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId}>
        {topic.label} <span className={`badge ${topic.decided ? "topic-decided" : "topic-undecided"}`}>{topic.decided ? "已处理" : "未处理"}</span>
      </h2>
      <p className="meta">
        <span>{topic.size} 条意见</span>
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
      {topic.disposition ? <DispositionFacts d={topic.disposition} /> : <p>本主题尚未作出处理。</p>}
      {canRecord ? (
        <details className="disposition-editor" open={!topic.disposition || reply?.target === target}>
          <summary>{topic.disposition ? "修改本主题的处理结果" : "处理本主题"}</summary>
          <DispositionForm
            target={target}
            hidden={{ topicId: topic.id }}
            current={topic.disposition}
            articles={articles}
            reply={reply}
            submitLabel={`保存“${topic.label}”的处理结果`}
          />
        </details>
      ) : null}
      <details className="topic-comments" open={overrideOpen || expanded}>
        <summary>逐条查看和单独处理（{topic.size} 条）</summary>
        <p className="hint">单独处理的意见以其自身的处理结果为准，其余意见适用本主题的处理结果。</p>
        <ol className="topic-comment-list">
          {topic.comments.map((c) => (
            <CommentRow key={c.id} c={c} articles={articles} canRecord={canRecord} reply={reply} open={c.id === overrideId} keep={expanded ? `expand=${topic.id}&` : ""} />
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

function CommentRow(props: { c: MatrixComment; articles: Articles; canRecord: boolean; reply: Reply | undefined; open: boolean; keep: string }) {
  const { c, articles, canRecord, reply, open, keep } = props;
  const target = `comment-${c.id}`;
  const editing = open || reply?.target === target;
  return (
    <li id={target} className="topic-comment" tabIndex={-1}>
      <p className="meta">
        <span>{c.receiptNo}</span>
        {c.articles.length ? <span>{c.articles.join("、")}</span> : null}
        {c.own ? <span className="badge topic-decided">单独处理</span> : null}
      </p>
      <p className="topic-comment-text">{c.text}</p>
      {c.own ? <DispositionFacts d={c.own} /> : null}
      {canRecord && editing ? (
        <DispositionForm target={target} hidden={{ commentId: c.id }} current={c.own} articles={articles} reply={reply} submitLabel={`保存意见 ${c.receiptNo} 的单独处理结果`} />
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
              <button type="submit" className="link-button" aria-label={`撤销单独处理：意见 ${c.receiptNo}（改用主题的处理结果）`}>
                撤销单独处理
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
