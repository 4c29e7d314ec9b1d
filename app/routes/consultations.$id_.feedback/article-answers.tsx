import { DISPOSITION_LABELS } from "~/models/comment-labels";
import type { ArticleAnswers } from "~/models/feedback-page.server";

/** Each article (and the draft as a whole): how many comments it drew and what was answered. */
export function ArticleAnswerList({ answers }: { answers: ArticleAnswers[] }) {
  return (
    <ol className="article-answers">
      {answers.map((a) => (
        <li key={a.number ?? "general"} className="article-answer" id={a.number ? `answer-article-${a.number}` : "answer-general"}>
          <h3>{a.label}</h3>
          <p className="meta">
            <span>{a.number ? `涉及本条的意见 ${a.commentCount} 条` : `未涉及具体条款的意见 ${a.commentCount} 条`}</span>
          </p>
          {a.answers.length ? (
            <ul>
              {a.answers.map((x, i) => (
                <li key={i}>
                  {x.subject}：<span className={`badge disposition-${x.decision}`}>{DISPOSITION_LABELS[x.decision]}</span>
                  {x.reason ? <p>理由：{x.reason}</p> : null}
                  {x.changeMade ? <p>修改情况：{x.changeMade}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>涉及本条的意见已按主题一并研究，答复见其他条款或总体意见。</p>
          )}
        </li>
      ))}
    </ol>
  );
}
