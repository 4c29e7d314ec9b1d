import { DISPOSITION_LABELS } from "~/features/comments";
import type { AnswerLink, ArticleAnswers, FeedbackTotals, PublishedAnswer } from "~/features/responses/index.server";

/** How the per-article counts add up, said in words: a comment on several articles counts under each. */
export function AnswerTotals({ t }: { t: FeedbackTotals }) {
  return (
    <p className="answer-totals">
      共收到意见 {t.comments} 条：涉及具体条款的 {t.onArticles} 条，未涉及具体条款的 {t.general} 条。
      {t.multiArticle ? `其中 ${t.multiArticle} 条意见涉及多个条款，在所涉及的每个条款下分别计数，因此下列各条款的意见数之和为 ${t.articleCountSum} 条。` : ""}
      已答复 {t.answered} 条{t.unanswered ? `，尚未答复 ${t.unanswered} 条` : ""}。
    </p>
  );
}

/** Every article (and the draft as a whole): how many comments it drew and the answer each carries, or where it is. */
export function ArticleAnswerList({ answers }: { answers: ArticleAnswers[] }) {
  return (
    <ol className="article-answers">
      {answers.map((a) => (
        <li key={a.id} className="article-answer" id={a.id}>
          <h3>{a.label}</h3>
          <p className="meta">
            <span>{a.number !== null ? `涉及本条的意见 ${a.commentCount} 条` : `未涉及具体条款的意见 ${a.commentCount} 条`}</span>
            {a.unanswered ? <span>尚未答复 {a.unanswered} 条</span> : null}
          </p>
          {a.items.length ? (
            <ul>{a.items.map((x) => (x.kind === "answer" ? <Answer key={x.anchor} x={x} /> : <Link key={x.anchor} x={x} />))}</ul>
          ) : a.commentCount === 0 ? (
            <p>未收到涉及本条的意见。</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Answer({ x }: { x: PublishedAnswer }) {
  return (
    <li id={x.anchor} className="published-answer">
      <p>
        {x.topicTitle ? <span className="answer-topic">【{x.topicTitle}】</span> : null}
        <strong>{x.subject}</strong>（{x.count === x.total ? `${x.total} 条意见` : `共答复 ${x.total} 条意见，其中涉及本条 ${x.count} 条`}
        {x.duplicates ? `，含同一提出人重复提交的 ${x.duplicates} 条` : ""}）：
        <span className={`badge disposition-${x.decision}`}>{DISPOSITION_LABELS[x.decision]}</span>
      </p>
      {x.reason ? <p>理由：{x.reason}</p> : null}
      {x.changeMade ? <p>修改情况：{x.changeMade}</p> : null}
    </li>
  );
}

function Link({ x }: { x: AnswerLink }) {
  return (
    <li className="answer-link">
      {x.count} 条意见已一并答复，见
      <a href={`#${x.anchor}`}>
        {x.homeLabel}下的“{x.subject}”
      </a>
      。
    </li>
  );
}
