import { Link } from "@remix-run/react";
import type { PublicPhase } from "~/features/consultations";
import { formatDate, formatDateTime, isoInstant } from "~/platform/dates";

type Instant = string | Date;

export interface FeedbackExpectation {
  expectedBy: Instant | null;
  overdue: boolean;
  dueWorkingDays: number;
}

const When = ({ at, date }: { at: Instant; date?: boolean }) => <time dateTime={isoInstant(at)}>{date ? formatDate(at) : formatDateTime(at)}</time>;

/**
 * Where the comment form is while a consultation is open: once it is not, what the period's state
 * is and what happens next, so nobody fills in a form or writes a letter that can no longer count.
 */
export function CommentingClosed({
  consultationId,
  phase,
  opensAt,
  closesAt,
  divisionName,
  feedback,
  feedbackPublished,
  anchor,
}: {
  consultationId: number;
  phase: PublicPhase;
  opensAt: Instant | null;
  closesAt: Instant | null;
  divisionName: string;
  feedback: FeedbackExpectation | null;
  feedbackPublished: boolean;
  /** False when an error about a refused comment already holds the form's place (and its anchor). */
  anchor: boolean;
}) {
  if (phase === "open") return null;
  const feedbackLink = `/consultations/${consultationId}/feedback`;
  return (
    <section className="commenting-closed" id={anchor ? "comment-form" : undefined} aria-labelledby="commenting-closed-title">
      <h2 id="commenting-closed-title">{phase === "upcoming" ? "征求意见尚未开始" : phase === "withdrawn" ? "征求意见已撤回" : "征求意见已结束"}</h2>
      {phase === "upcoming" ? (
        <p>
          {opensAt ? (
            <>
              征求意见将于 <When at={opensAt} /> 开始（北京时间），届时可在本页提出意见。
            </>
          ) : (
            "征求意见期开始后，可在本页提出意见。"
          )}
        </p>
      ) : phase === "withdrawn" ? (
        <p>本次征求意见已撤回，不再接收意见。</p>
      ) : (
        <>
          <p>
            {closesAt ? (
              <>
                本次征求意见已于 <When at={closesAt} /> 截止（北京时间），不再接收意见。
              </>
            ) : (
              "本次征求意见已截止，不再接收意见。"
            )}
          </p>
          {feedbackPublished ? (
            <p>
              意见采纳情况已公布：<Link to={feedbackLink}>查看意见采纳情况说明和逐条答复</Link>
            </p>
          ) : feedback?.expectedBy ? (
            feedback.overdue ? (
              <p>
                意见采纳情况原预计于 <When at={feedback.expectedBy} date /> 前公布，目前尚未公布，请稍后<Link to={feedbackLink}>查看意见采纳情况</Link>。
              </p>
            ) : (
              <p>
                {divisionName}正在研究收到的意见，意见采纳情况预计于{" "}
                <strong>
                  <When at={feedback.expectedBy} date />
                </strong>{" "}
                前公布（截止后 {feedback.dueWorkingDays} 个工作日内），届时可在<Link to={feedbackLink}>意见采纳情况页面</Link>查看。
              </p>
            )
          ) : null}
          <p>
            已提交意见的，可<Link to="/status">用回执编号查询意见处理情况</Link>。
          </p>
        </>
      )}
    </section>
  );
}
