import { Form } from "@remix-run/react";

export type ReviewedFile = { id: number; filename: string; size: string; isPublic: boolean };

/**
 * The files sent with a comment, each downloadable by staff and each marked public or not on its
 * own (not public until a moderator says so). Redaction is impossible on a scan or a PDF, so the
 * rule is stated where the decision is made: only a file with no personal data may be public.
 */
export function AttachmentReview({
  consultationId,
  commentId,
  files,
  error,
}: {
  consultationId: number;
  commentId: number;
  files: ReviewedFile[];
  error?: string;
}) {
  if (!files.length) return null;
  return (
    <section className="attachment-review" aria-labelledby={`comment-${commentId}-files`}>
      <h3 className="moderation-label" id={`comment-${commentId}-files`}>
        附件（{files.length}）
      </h3>
      <p className="hint">
        附件无法自动隐去个人信息：只有确认不含姓名、电话、身份证号、住址、签名等任何个人信息的附件才可设为公开。附件默认不公开，公开的附件只在意见通过后显示。
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="attachment-list">
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/admin/consultations/${consultationId}/comment-files/${f.id}`} download>
              {f.filename}
            </a>
            （{f.size}）<strong>{f.isPublic ? "公开" : "不公开"}</strong>{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="attachment-review" />
              <input type="hidden" name="commentId" value={commentId} />
              <input type="hidden" name="attachmentId" value={f.id} />
              <input type="hidden" name="isPublic" value={f.isPublic ? "0" : "1"} />
              <button type="submit" className="button secondary">
                {f.isPublic ? "设为不公开" : "设为公开（已确认无个人信息）"}
                <span className="visually-hidden">：{f.filename}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
