import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { CommentStatus } from "~/features/comments/index.server";
import { formatDateTime } from "~/platform/dates";

/**
 * What the status page shows of a comment: its receipt, its steps and its redacted text. `code` is
 * shown when the person entered it (or just submitted); a notice's link shows the status only.
 */
export function CommentStatusView({ status, code, fresh = false, children }: { status: CommentStatus; code?: string; fresh?: boolean; children?: ReactNode }) {
  return (
    <>
      <h1>{fresh ? "意见已提交" : "意见处理情况"}</h1>
      <div className="receipt-box" role={fresh ? "status" : undefined}>
        {fresh ? (
          <p>
            <strong>我们已收到您的意见，谢谢！</strong>请记下回执编号和查询码，用于查询处理情况。
          </p>
        ) : null}
        <p>
          回执编号：<span className="receipt-no">{status.receiptNo}</span>
        </p>
        {code ? (
          <p>
            查询码：<span className="receipt-no">{code}</span>
          </p>
        ) : null}
        <p>
          征求意见：<Link to={`/consultations/${status.consultationId}`}>{status.consultationTitle}</Link>
        </p>
        <p>收到时间：{formatDateTime(status.receivedAt)}</p>
      </div>
      {status.emailVerified === false ? <p className="alert warning">请点击回执邮件中的确认链接，确认后您的意见方计入有效意见。</p> : null}
      <h2>处理进度</h2>
      <ol className="status-steps">
        {status.steps.map((s) => (
          <li key={s.label} className={s.state} aria-current={s.state === "current" ? "step" : undefined}>
            {s.label}
            {s.state === "done" ? "（已完成）" : s.state === "current" ? "（当前）" : "（待进行）"}
            {s.detail ? <div>{s.detail}</div> : null}
          </li>
        ))}
      </ol>
      <h2>接下来</h2>
      <p>
        工作人员将审核您的意见，隐去其中的个人信息后，按您的选择公开。征求意见结束后，起草部门将研究全部意见，并公布意见采纳情况。处理进展会在本页更新；如您留了电子邮箱，我们也会邮件告知。
      </p>
      {status.follow.email && status.follow.open ? <FollowCommentForm on={status.follow.on} /> : null}
      <details>
        <summary>您提交的意见（已隐去个人信息）</summary>
        <p className="prose">{status.redactedBody}</p>
      </details>
      {children}
    </>
  );
}

/** The button that ends the view on a shared computer. */
export function ForgetReceiptForm() {
  return (
    <Form method="post" action="/status">
      <input type="hidden" name="intent" value="forget" />
      <button type="submit" className="button secondary">
        结束查看
      </button>
    </Form>
  );
}

/** Follow the comment: its answer is mailed to the address given with it when the feedback is published. */
function FollowCommentForm({ on }: { on: boolean }) {
  return (
    <section aria-labelledby="follow-title">
      <h2 id="follow-title">关注本条意见</h2>
      <p>
        {on
          ? "您已关注本条意见：公布意见采纳情况时，我们会把处理结果发送到您提交意见时填写的电子邮箱。"
          : "您尚未关注本条意见。关注后，公布意见采纳情况时，我们会把处理结果发送到您提交意见时填写的电子邮箱。"}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="follow" />
        <input type="hidden" name="follow" value={on ? "off" : "on"} />
        <button type="submit" className="button secondary">
          {on ? "取消关注" : "关注本条意见"}
        </button>
      </Form>
    </section>
  );
}
