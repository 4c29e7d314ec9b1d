import { Form } from "@remix-run/react";
import { TextField } from "~/ui/field";
import type { MatrixOpinion, MatrixTopic } from "~/features/responses/index.server";
import { DISPOSITION_LIMITS } from "~/features/responses";
import { DispositionFacts, DispositionForm, type Reply } from "./disposition-form";

type Articles = Array<{ identityId: number; label: string }>;

/** One opinion (意见要点) of a topic: its point, its answer, how many comments it answers; editable. */
export function OpinionCard({
  topic,
  opinion,
  articles,
  canRecord,
  reply,
}: {
  topic: MatrixTopic;
  opinion: MatrixOpinion;
  articles: Articles;
  canRecord: boolean;
  reply: Reply | undefined;
}) {
  const target = `opinion-${opinion.id}`;
  return (
    <article className="opinion-card" id={target} aria-labelledby={`${target}-title`} tabIndex={-1}>
      <h4 id={`${target}-title`}>意见要点：{opinion.title || "（未写明要点）"}</h4>
      <p className="meta">
        <span>答复 {opinion.memberCount} 条意见</span>
      </p>
      <DispositionFacts d={opinion} />
      {canRecord ? (
        <>
          <details className="disposition-editor" open={reply?.target === target}>
            <summary>修改本意见要点</summary>
            <OpinionForm topic={topic} opinion={opinion} articles={articles} reply={reply} />
          </details>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="delete-opinion" />
            <input type="hidden" name="opinionId" value={opinion.id} />
            <button type="submit" className="link-button" aria-label={`删除意见要点：${opinion.title}（其答复的意见变为尚未答复）`}>
              删除本意见要点
            </button>
          </Form>
        </>
      ) : null}
    </article>
  );
}

/** The form for a new opinion of the topic, or for revising one. */
export function OpinionForm({
  topic,
  opinion,
  articles,
  reply,
}: {
  topic: MatrixTopic;
  opinion: MatrixOpinion | null;
  articles: Articles;
  reply: Reply | undefined;
}) {
  const target = opinion ? `opinion-${opinion.id}` : `topic-${topic.id}-new`;
  const label = opinion ? `保存意见要点“${opinion.title}”` : `保存“${topic.label}”的新意见要点`;
  // Keyed by what was saved: after a save the page is re-rendered in place, and an uncontrolled
  // checkbox ticked for the last opinion would otherwise stay ticked for the next one.
  const saved = opinion ? `${opinion.id}-${String(opinion.at)}` : `new-${topic.opinions.map((o) => o.id).join("-")}-${topic.answeredCount}`;
  return (
    <DispositionForm
      key={saved}
      target={target}
      intent="opinion"
      hidden={{ topicId: topic.id, ...(opinion ? { opinionId: opinion.id } : {}) }}
      current={opinion}
      articles={articles}
      reply={reply}
      submitLabel={label}
      extra={(mine) => <OpinionFields topic={topic} opinion={opinion} target={target} mine={mine} />}
    />
  );
}

function OpinionFields({ topic, opinion, target, mine }: { topic: MatrixTopic; opinion: MatrixOpinion | null; target: string; mine: Reply | undefined }) {
  const errors = mine?.errors ?? {};
  const ticked = mine ? new Set((mine.values.commentIds ?? "").split("\n").map(Number)) : null;
  const titleOf = new Map(topic.opinions.map((o) => [o.id, o.title]));
  const errorId = `${target}-comments-error`;
  return (
    <>
      <TextField
        label="意见要点"
        name="title"
        required
        maxLength={DISPOSITION_LIMITS.title}
        hint="用一句话概括这组意见，例如“建议放宽第四条的年龄限制”。将在反馈页面公开，请勿写入姓名等个人信息。"
        defaultValue={mine?.values.title ?? opinion?.title ?? ""}
        error={errors.title}
      />
      <fieldset className="field" aria-describedby={errors.commentIds ? errorId : undefined}>
        <legend>本意见要点答复的意见</legend>
        <p className="hint">只有勾选的意见适用本意见要点的答复；未勾选的意见不受影响。</p>
        <label className="radio-line">
          <input type="checkbox" name="includeUnanswered" defaultChecked={mine?.values.includeUnanswered === "on"} /> 本主题中尚未答复的全部意见
        </label>
        <ul className="opinion-comment-choices">
          {topic.comments.map((c) => {
            const elsewhere = c.opinionId !== null && c.opinionId !== opinion?.id ? titleOf.get(c.opinionId) : undefined;
            const checked = ticked ? ticked.has(c.id) : opinion !== null && c.opinionId === opinion.id;
            return (
              <li key={c.id}>
                <input type="hidden" name="listedIds" value={c.id} />
                <label className="radio-line">
                  <input type="checkbox" name="commentIds" value={c.id} defaultChecked={checked} /> {c.receiptNo}
                  {c.articles.length ? `（${c.articles.join("、")}）` : ""}：{c.text.slice(0, 60)}
                  {elsewhere !== undefined ? `〔现属意见要点“${elsewhere}”〕` : ""}
                  {c.own ? "〔已单独处理〕" : ""}
                </label>
              </li>
            );
          })}
        </ul>
        {errors.commentIds ? (
          <p className="field-error" id={errorId}>
            {errors.commentIds}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
