import { Form, Link } from "@remix-run/react";
import { REJECT_REASONS } from "~db/vocabulary";
import { SelectField, TextField } from "~/ui/field";
import { TextAreaField } from "~/ui/text-area-field";
import { toChineseNumeral } from "~/engine/chinese-numerals";
import { CHANNEL_LABELS, PUBLISH_PREFERENCE_SHORT, QUEUE_STATUS_LABELS, REJECT_REASON_LABELS } from "~/features/comments";
import type { QueueItem } from "~/features/comments/index.server";
import { formatDateTime, isoInstant } from "~/platform/dates";
import { OriginalLine, OriginalText, RedactionSummary } from "./original-text";
import { AttachmentReview, type ReviewedFile } from "./attachment-review";

/** What the action sent back for this card after a refused decision: its errors and typed values. */
export interface CardReply {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

const REASON_OPTIONS = [{ value: "", label: "请选择理由" }, ...REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] }))];

/**
 * One comment in the queue. The approve and reject forms are separate forms, so each works on its
 * own without JavaScript; the selection checkbox belongs to the bulk form through its form attribute.
 */
export function ModerationCard({
  item,
  next,
  selected,
  reply,
  consultationId,
  files = [],
}: {
  item: QueueItem;
  next: number | null;
  selected: boolean;
  reply?: CardReply;
  consultationId: number;
  files?: ReviewedFile[];
}) {
  const approveReply = reply?.intent === "approve" ? reply : undefined;
  const rejectReply = reply?.intent === "reject" ? reply : undefined;
  const titleId = `comment-${item.id}-title`;
  const spansIn = (field: "name" | "organisation") => item.redactions.filter((s) => s.field === field);
  const refused = approveReply?.errors.publishedBody ?? approveReply?.errors.publishedName ?? approveReply?.errors.publishedOrganisation;
  // The name and organisation are published only for a comment its author chose to sign.
  const signed = item.publishPreference === "named" && Boolean(item.name || item.organisation);
  const typed = (field: string, fallback: string | null) => approveReply?.values[field] ?? fallback ?? "";
  return (
    <article className={`moderation-card status-${item.moderationStatus}`} id={`comment-${item.id}`} aria-labelledby={titleId} tabIndex={-1} data-queue-card>
      <div className="moderation-card-head">
        <h2 id={titleId}>
          意见 {item.receiptNo} <span className={`badge moderation-${item.moderationStatus}`}>{QUEUE_STATUS_LABELS[item.moderationStatus]}</span>
        </h2>
        <label className="select-line">
          <input type="checkbox" name="ids" value={item.id} form="bulk-form" defaultChecked={selected} /> 选择此条
        </label>
      </div>
      <dl className="moderation-facts">
        <div>
          <dt>收到时间</dt>
          <dd>
            <time dateTime={isoInstant(item.receivedAt)}>{formatDateTime(item.receivedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>渠道</dt>
          <dd>{CHANNEL_LABELS[item.channel]}</dd>
        </div>
        <div>
          <dt>身份</dt>
          <dd>{item.identityCategory}</dd>
        </div>
        <div>
          <dt>姓名、单位</dt>
          <dd>
            {item.name || item.organisation ? (
              <>
                {item.name ? <OriginalLine text={item.name} spans={spansIn("name")} /> : null}
                {item.name && item.organisation ? "，" : null}
                {item.organisation ? <OriginalLine text={item.organisation} spans={spansIn("organisation")} /> : null}
              </>
            ) : (
              "未留姓名"
            )}
          </dd>
        </div>
        <div>
          <dt>公开方式</dt>
          <dd>{PUBLISH_PREFERENCE_SHORT[item.publishPreference]}</dd>
        </div>
        <div>
          <dt>涉及条款</dt>
          <dd>{item.articles.length ? item.articles.map((n) => `第${toChineseNumeral(n)}条`).join("、") : "整体意见"}</dd>
        </div>
      </dl>
      {item.offTopicReason || item.duplicate || item.marked ? (
        <ul className="moderation-flags" aria-label="系统提示">
          {item.marked ? <li className="badge">已标记</li> : null}
          {item.offTopicReason ? <li>可能与征求内容无关：{item.offTopicReason}。仅供参考，请阅读后决定。</li> : null}
          {item.duplicate ? (
            <li>
              可能与 <Link to={`?status=all&q=${encodeURIComponent(item.duplicate.receiptNo)}`}>#{item.duplicate.receiptNo}</Link> 重复
              {item.duplicate.sameSender ? "（同一提出人重复提交）" : "（内容几乎相同）"}
            </li>
          ) : null}
        </ul>
      ) : null}
      <h3 className="moderation-label">原文（仅工作人员可见）</h3>
      <OriginalText body={item.body} spans={item.redactions} />
      <RedactionSummary spans={item.redactions} />
      <AttachmentReview
        consultationId={consultationId}
        commentId={item.id}
        files={files}
        error={reply?.intent === "attachment-review" ? reply.errors.files : undefined}
      />
      {item.unreviewed > 0 && item.moderationStatus === "pending" ? (
        <p className="hint">有 {item.unreviewed} 处检出尚待确认：批量通过不会公开此条，请核对公开文本、姓名和单位后逐条通过。</p>
      ) : null}
      {item.rejectReason && item.moderationStatus === "rejected" ? <p>不予公开理由：{REJECT_REASON_LABELS[item.rejectReason]}</p> : null}
      {item.history.length ? (
        <details className="moderation-history">
          <summary>审核记录（{item.history.length}）</summary>
          <ul>
            {item.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)} {h.by}：{h.decision === "approved" ? "通过" : `不予公开（${h.reason ? REJECT_REASON_LABELS[h.reason] : "未注明理由"}）`}
                {h.note ? `，${h.note}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="moderation-actions">
        <Form method="post" className="approve-form" data-approve>
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="commentId" value={item.id} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <TextAreaField
            label="公开文本"
            name="publishedBody"
            rows={Math.min(10, Math.max(3, Math.ceil(item.proposedText.length / 45)))}
            required
            defaultValue={approveReply?.values.publishedBody ?? item.proposedText}
            hint={
              item.publishPreference === "private"
                ? "提出人选择不公开：通过后也不在网上显示，只计入意见总数。"
                : "检出的个人信息已替换为说明文字；公开前可修改。"
            }
            error={approveReply?.errors.publishedBody}
          />
          {signed ? (
            <>
              <TextField
                label="公开的姓名"
                name="publishedName"
                maxLength={50}
                defaultValue={typed("publishedName", item.proposedName)}
                hint="提出人选择实名公开；检出的个人信息已替换为说明文字。留空则不公开姓名。"
                error={approveReply?.errors.publishedName}
              />
              <TextField
                label="公开的单位"
                name="publishedOrganisation"
                maxLength={100}
                defaultValue={typed("publishedOrganisation", item.proposedOrganisation)}
                hint="留空则不公开单位。"
                error={approveReply?.errors.publishedOrganisation}
              />
            </>
          ) : null}
          {item.stillDetected && !refused ? <p className="alert warning">公开文本中仍检出疑似个人信息：{item.stillDetected}。</p> : null}
          {refused || item.stillDetected ? (
            <label className="confirm-line">
              <input type="checkbox" name="confirmNoPii" defaultChecked={approveReply?.values.confirmNoPii === "on"} /> 已核对，确认无个人信息
            </label>
          ) : null}
          <button type="submit" className="button">
            通过并公开<span className="visually-hidden">（意见 {item.receiptNo}）</span>
          </button>
        </Form>
        <Form method="post" className="reject-form">
          <input type="hidden" name="intent" value="reject" />
          <input type="hidden" name="commentId" value={item.id} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <SelectField
            label="不予公开的理由"
            name="reason"
            options={REASON_OPTIONS}
            required
            defaultValue={rejectReply?.values.reason ?? ""}
            error={rejectReply?.errors.reason}
          />
          <TextField
            label="补充说明（可选，仅内部可见）"
            name="note"
            maxLength={500}
            defaultValue={rejectReply?.values.note ?? ""}
            error={rejectReply?.errors.note}
          />
          <button type="submit" className="button secondary">
            不予公开<span className="visually-hidden">（意见 {item.receiptNo}）</span>
          </button>
        </Form>
      </div>
    </article>
  );
}
