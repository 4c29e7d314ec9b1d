import { Form } from "@remix-run/react";
import { TextAreaField } from "~/components/text-area-field";
import { LEGAL_NOTE_MAX } from "~/models/legal-review-schema";
import { formatDateTime } from "~/utils/dates";

export interface ReviewView {
  submittedAt: Date;
  submittedBy: string;
  receivedAt: Date | null;
  receivedBy: string | null;
  finishedAt: Date | null;
  finishedBy: string | null;
  note: string | null;
}

function Step({ label, at, by }: { label: string; at: Date | null; by: string | null }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{at ? <>{formatDateTime(at)}（{by}）</> : "尚未登记"}</dd>
    </div>
  );
}

/**
 * Where the packet is: sent, received, reviewed, each with who and when. The legal office records
 * the last two here; everybody else only reads them.
 */
export function LegalProgress({ review, legal, errors, note }: { review: ReviewView | null; legal: boolean; errors: Record<string, string>; note: string }) {
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">法制审核进度</h2>
      {review ? (
        <dl className="legal-progress">
          <Step label="报送" at={review.submittedAt} by={review.submittedBy} />
          <Step label="接收" at={review.receivedAt} by={review.receivedBy} />
          <Step label="审查完成" at={review.finishedAt} by={review.finishedBy} />
          {review.note ? (
            <div>
              <dt>审查意见</dt>
              <dd className="preserve-lines">{review.note}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>尚未报送法制审核。</p>
      )}
      {legal && review && !review.receivedAt ? (
        <Form method="post" className="action-panel">
          <p>收到材料后请登记接收，起草处室可在此看到进度。</p>
          <button className="button" name="intent" value="receive">登记接收</button>
        </Form>
      ) : null}
      {legal && review?.receivedAt && !review.finishedAt ? (
        <Form method="post" className="action-panel">
          <input type="hidden" name="intent" value="finish" />
          <TextAreaField
            label="审查意见（可选）"
            name="note"
            rows={4}
            maxLength={LEGAL_NOTE_MAX}
            defaultValue={note}
            error={errors.note}
            hint="合法性审查的结论或需起草处室修改的事项，将记录在案。"
          />
          <button className="button" type="submit">登记审查完成</button>
        </Form>
      ) : null}
    </section>
  );
}
