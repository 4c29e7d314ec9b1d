import { Form, Link } from "@remix-run/react";
import { TextAreaField } from "~/ui/text-area-field";

/** A reviewer's decision on a submitted summary; returning it needs a comment. */
export function ReviewPanel({ errors, values }: { errors: Record<string, string | undefined>; values: Record<string, string> }) {
  const decision = values.decision ?? "approved";
  return (
    <section className="action-panel" aria-labelledby="review-title">
      <h2 id="review-title">审核</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="review" />
        <fieldset className="field" aria-describedby={errors.decision ? "decision-error" : undefined}>
          <legend>审核意见</legend>
          <label className="radio-line">
            <input type="radio" name="decision" value="approved" defaultChecked={decision === "approved"} /> 审核通过
          </label>{" "}
          <label className="radio-line">
            <input type="radio" name="decision" value="returned" defaultChecked={decision === "returned"} /> 退回修改
          </label>
          {errors.decision ? (
            <p className="field-error" id="decision-error">
              {errors.decision}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField label="意见说明（退回时必填）" name="comment" rows={3} maxLength={500} defaultValue={values.comment ?? ""} error={errors.comment} />
        <button className="button" type="submit">
          提交审核意见
        </button>
      </Form>
    </section>
  );
}

/**
 * Publication is the drafter's separate step: the approved text may wait for the legality
 * review before the department makes it public.
 */
export function ApprovedPanel({ publishBlock, consultationId }: { publishBlock: string | null; consultationId: number }) {
  return (
    <section className="action-panel" aria-labelledby="publish-title">
      <h2 id="publish-title">发布</h2>
      <p>说明已审核通过。发布后将在征求意见页面和反馈页面公开，征求意见状态改为“已公布反馈”，处理结果不能再修改；意见提出人将收到处理结果通知。</p>
      {publishBlock ? (
        <p className="alert warning" id="publish-block">
          暂不能发布：{publishBlock} <Link to={`/admin/consultations/${consultationId}/packet`}>查看法制审核进度</Link>
        </p>
      ) : null}
      <div className="button-row">
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish" />
          <button type="submit" className="button" disabled={publishBlock !== null} aria-describedby={publishBlock ? "publish-block" : undefined}>
            发布
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="reopen" />
          <button type="submit" className="button secondary">
            撤回修改
          </button>
        </Form>
      </div>
    </section>
  );
}
