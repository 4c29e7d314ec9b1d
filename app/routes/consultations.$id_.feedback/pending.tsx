import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { PendingFeedback } from "~/features/responses/index.server";
import { formatDate, formatDateTime, isoInstant } from "~/platform/dates";

type Pending = SerializeFrom<PendingFeedback>;

/** The feedback page before the answers are published: not a bare 404, but where things stand. */
export function PendingFeedbackPage({ pending }: { pending: Pending }) {
  const c = pending.consultation;
  const when = (v: string | Date) => <time dateTime={isoInstant(v)}>{formatDateTime(v)}</time>;
  const expected = pending.expectedBy ? <time dateTime={isoInstant(pending.expectedBy)}>{formatDate(pending.expectedBy)}</time> : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/consultations/${c.id}`}>{c.title}</Link>
      </p>
      <h1>意见采纳情况尚未公布</h1>
      <div className="period-box">
        {c.phase === "withdrawn" ? (
          <p>本次征求意见已撤回，不再公布意见采纳情况。{c.withdrawnReason ? `撤回理由：${c.withdrawnReason}` : null}</p>
        ) : (
          <>
            <p>
              {c.phase === "upcoming" && c.opensAt && c.closesAt ? (
                <>
                  征求意见将于 {when(c.opensAt)} 开始，{when(c.closesAt)} 截止（北京时间）。
                </>
              ) : c.phase === "open" && c.closesAt ? (
                <>征求意见正在进行，将于 {when(c.closesAt)} 截止（北京时间）。</>
              ) : c.closesAt ? (
                <>
                  征求意见已于 {when(c.closesAt)} 截止，{c.divisionName}正在研究收到的意见。
                </>
              ) : null}
            </p>
            {expected ? (
              pending.overdue ? (
                <p>意见采纳情况原预计于 {expected} 前公布，目前尚未公布，请稍后再来查看，或订阅通知。</p>
              ) : (
                <p>
                  截止后，起草处室将逐条研究收到的意见，意见采纳情况预计于 <strong>{expected}</strong> 前在本页公布（截止后 {pending.dueWorkingDays}{" "}
                  个工作日内）。
                </p>
              )
            ) : null}
          </>
        )}
      </div>
      <p>公布后，本页将说明收到多少意见、主要意见是什么、哪些被采纳以及不予采纳的理由。</p>
      <ul>
        <li>
          <Link to={`/consultations/${c.id}`}>返回征求意见页面</Link>
        </li>
        <li>
          <Link to="/status">提交过意见？用回执编号查询我的意见处理情况</Link>
        </li>
        <li>
          <Link to="/subscribe">订阅通知，公布时收到邮件</Link>
        </li>
      </ul>
    </>
  );
}
