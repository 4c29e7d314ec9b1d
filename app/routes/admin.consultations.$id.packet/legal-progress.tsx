import { Form } from "@remix-run/react";
import { SelectField } from "~/ui/field";
import { TextAreaField } from "~/ui/text-area-field";
import { LEGAL_NOTE_MAX, LEGAL_OPINION_MAX, LEGAL_STAGE_LABELS, type LegalStage } from "~/features/packet";
import { formatDateTime } from "~/platform/dates";

export interface ReviewView {
  round: number;
  stage: LegalStage;
  submittedAt: Date;
  submittedBy: string;
  receivedAt: Date | null;
  receivedBy: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  finishedAt: Date | null;
  finishedBy: string | null;
  note: string | null;
}

export interface OpinionView {
  id: number;
  round: number;
  article: string;
  body: string;
  createdBy: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

type Reply = { intent: string; errors: Record<string, string>; values: Record<string, string> } | undefined;

function Step({ label, at, by }: { label: string; at: Date | null; by: string | null }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {at ? (
          <>
            {formatDateTime(at)}（{by}）
          </>
        ) : (
          "尚未登记"
        )}
      </dd>
    </div>
  );
}

const errorsFor = (reply: Reply, intent: string, opinionId?: number) =>
  reply?.intent === intent && (opinionId === undefined || reply.values.opinionId === String(opinionId)) ? reply.errors : {};

/** The opinions of one round, each with the drafter's answer or, while the packet is returned, a form for it. */
function Round({ round, opinions, answering, reply }: { round: number; opinions: OpinionView[]; answering: boolean; reply: Reply }) {
  return (
    <section aria-labelledby={`round-${round}`}>
      <h3 id={`round-${round}`}>第 {round} 轮审查意见</h3>
      <ol className="legal-opinions">
        {opinions.map((o) => {
          const errors = errorsFor(reply, "answer", o.id);
          return (
            <li key={o.id}>
              <p>
                <strong>{o.article}</strong>：<span className="preserve-lines">{o.body}</span>（{o.createdBy}）
              </p>
              {o.answer ? (
                <p>
                  答复：<span className="preserve-lines">{o.answer}</span>（{o.answeredBy}，{o.answeredAt ? formatDateTime(o.answeredAt) : ""}）
                </p>
              ) : (
                <p>尚未答复。</p>
              )}
              {answering ? (
                <Form method="post" className="action-panel">
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="opinionId" value={o.id} />
                  <TextAreaField
                    id={`answer-${o.id}`}
                    label={`答复“${o.article}”的审查意见`}
                    name="answer"
                    rows={3}
                    required
                    maxLength={LEGAL_OPINION_MAX}
                    defaultValue={errors.answer ? reply?.values.answer : o.answer ?? ""}
                    error={errors.answer}
                  />
                  <button className="button secondary" type="submit">
                    {o.answer ? "修改答复" : "保存答复"}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What the legal office does while the packet is under review: opinions, then return or finish. */
function LegalDesk({
  review,
  draftOpinions,
  articles,
  reply,
}: {
  review: ReviewView;
  draftOpinions: OpinionView[];
  articles: Array<{ identityId: number; label: string }>;
  reply: Reply;
}) {
  const opinionErrors = errorsFor(reply, "opinion");
  const finishErrors = errorsFor(reply, "finish");
  return (
    <>
      <section className="action-panel" aria-labelledby="opinion-title">
        <h3 id="opinion-title">填写审查意见（第 {review.round} 轮）</h3>
        {draftOpinions.length ? (
          <ul>
            {draftOpinions.map((o) => (
              <li key={o.id}>
                <strong>{o.article}</strong>：<span className="preserve-lines">{o.body}</span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-opinion" />
                  <input type="hidden" name="opinionId" value={o.id} />
                  <button className="button secondary" type="submit">
                    删除
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>本轮尚未填写审查意见。需要修改的，逐条填写后退回修改；没有问题的，直接登记审查完毕。</p>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="opinion" />
          <SelectField
            label="针对条款"
            name="article"
            defaultValue={opinionErrors.body || opinionErrors.article ? reply?.values.article : ""}
            error={opinionErrors.article}
            options={[{ value: "", label: "总体意见" }, ...articles.map((a) => ({ value: String(a.identityId), label: a.label }))]}
          />
          <TextAreaField
            id="opinion-body"
            label="审查意见"
            name="body"
            rows={3}
            required
            maxLength={LEGAL_OPINION_MAX}
            defaultValue={opinionErrors.body || opinionErrors.article ? reply?.values.body : ""}
            error={opinionErrors.body}
          />
          <button className="button secondary" type="submit">
            添加审查意见
          </button>
        </Form>
        {draftOpinions.length ? (
          <Form method="post">
            <p>退回后，起草处室将收到通知，逐条答复后重新报送，进入第 {review.round + 1} 轮审查。</p>
            <button className="button" name="intent" value="return">
              退回修改
            </button>
          </Form>
        ) : null}
      </section>
      {draftOpinions.length === 0 ? (
        <Form method="post" className="action-panel">
          <input type="hidden" name="intent" value="finish" />
          <TextAreaField
            id="legal-note"
            label="审查结论"
            name="note"
            rows={4}
            required
            maxLength={LEGAL_NOTE_MAX}
            defaultValue={finishErrors.note ? reply?.values.note : ""}
            error={finishErrors.note}
            hint="合法性审查的结论，将记录在案并告知起草处室。审查完毕后方可公布意见采纳情况说明。"
          />
          <button className="button" type="submit">
            登记审查完毕
          </button>
        </Form>
      ) : null}
    </>
  );
}

/**
 * Where the packet is, round by round: sent, received, returned with opinions and answered, or
 * finished with the legal office's conclusion. The legal office records its steps here, the
 * drafting division answers the opinions and resubmits; everybody else only reads.
 */
export function LegalProgress({
  review,
  opinions,
  articles,
  legal,
  drafter,
  reply,
}: {
  review: ReviewView | null;
  opinions: OpinionView[];
  articles: Array<{ identityId: number; label: string }>;
  legal: boolean;
  drafter: boolean;
  reply: Reply;
}) {
  // The legal office's opinions on the round under review are its working notes until it returns the packet.
  const underReview = review && (review.stage === "in_review" || review.stage === "submitted") ? review.round : null;
  const shown = opinions.filter((o) => o.round !== underReview);
  const rounds = [...new Set(shown.map((o) => o.round))];
  const unanswered = review?.stage === "returned" ? opinions.filter((o) => o.round === review.round && !o.answer).length : 0;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">法制审核进度</h2>
      {review ? (
        <>
          <p>
            第 {review.round} 轮：<span className={`badge legal-${review.stage}`}>{LEGAL_STAGE_LABELS[review.stage]}</span>
          </p>
          <dl className="legal-progress">
            <Step label="报送" at={review.submittedAt} by={review.submittedBy} />
            <Step label="接收" at={review.receivedAt} by={review.receivedBy} />
            {review.returnedAt ? <Step label="退回修改" at={review.returnedAt} by={review.returnedBy} /> : null}
            <Step label="审查完毕" at={review.finishedAt} by={review.finishedBy} />
            {review.note ? (
              <div>
                <dt>审查结论</dt>
                <dd className="preserve-lines">{review.note}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : (
        <p>尚未报送法制审核。</p>
      )}
      {rounds.map((r) => (
        <Round
          key={r}
          round={r}
          opinions={shown.filter((o) => o.round === r)}
          answering={drafter && review?.stage === "returned" && r === review.round}
          reply={reply}
        />
      ))}
      {drafter && review?.stage === "returned" ? (
        <Form method="post" className="action-panel">
          <p>{unanswered ? `还有 ${unanswered} 条审查意见尚未答复。答复全部意见后才能重新报送。` : "全部审查意见均已答复，可以重新报送法制机构。"}</p>
          <button className="button" name="intent" value="resubmit">
            重新报送法制审核
          </button>
        </Form>
      ) : null}
      {legal && review?.stage === "submitted" ? (
        <Form method="post" className="action-panel">
          <p>收到材料后请登记接收，起草处室可在此看到进度。</p>
          <button className="button" name="intent" value="receive">
            登记接收
          </button>
        </Form>
      ) : null}
      {legal && review?.stage === "in_review" ? (
        <LegalDesk review={review} draftOpinions={opinions.filter((o) => o.round === review.round)} articles={articles} reply={reply} />
      ) : null}
    </section>
  );
}
