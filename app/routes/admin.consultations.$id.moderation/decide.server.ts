// Turns one POST of the moderation queue into a decision: which form was sent (intent), its
// validation, and the model call. Refusals come back as a reply the page shows beside the field.
import type { Db } from "~/platform/db.server";
import { ApproveSchema, AttachmentReviewSchema, BulkApproveSchema, BulkRejectSchema, RejectSchema } from "~/features/comments";
import { approveComment, bulkApprove, ModerationError, rejectComments, setAttachmentPublic } from "~/features/comments/index.server";
import type { SessionUser } from "~/platform/session.server";
import { formValues, parseForm, type FieldErrors } from "~/platform/forms";

export interface Reply {
  intent: string;
  /** The comment whose card shows the errors; null for the bulk form and for page-level errors. */
  commentId: number | null;
  errors: FieldErrors;
  values: Record<string, string>;
  /** Selection to keep checked, as strings like the checkboxes' values. */
  ids: string[];
}

export type Outcome = { ok: true; done: string; count: number } | { ok: false; status: number; reply: Reply };

export async function decideFromForm(db: Db, consultationId: number, user: SessionUser, form: FormData): Promise<Outcome> {
  const intent = String(form.get("intent") ?? "");
  const single = intent === "approve" || intent === "reject" || intent === "attachment-review";
  const refuse = (errors: FieldErrors, status = 400, ids = form.getAll("ids").map(String)): Outcome => ({
    ok: false,
    status,
    reply: { intent, commentId: single ? Number(form.get("commentId")) || null : null, errors, values: formValues(form, ["ids"]), ids },
  });
  try {
    switch (intent) {
      case "approve": {
        const parsed = parseForm(ApproveSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        await approveComment(db, consultationId, user, parsed.data);
        return { ok: true, done: intent, count: 1 };
      }
      case "reject": {
        const parsed = parseForm(RejectSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        const { commentId, reason, note } = parsed.data;
        return { ok: true, done: intent, count: await rejectComments(db, consultationId, user, { ids: [commentId], reason, note }) };
      }
      case "bulk-approve": {
        const parsed = parseForm(BulkApproveSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        const { approved, skipped } = await bulkApprove(db, consultationId, user, parsed.data.ids);
        if (!skipped.length) return { ok: true, done: intent, count: approved.length };
        // Partly done: say what was approved, and keep only the ones left for a person selected.
        const list = skipped.map((s) => `${s.receiptNo}（${s.found}）`).join("；");
        return refuse(
          {
            ids: `已通过 ${approved.length} 条；另有 ${skipped.length} 条含有尚未确认的疑似个人信息，未予通过，仍在待审核队列中，请逐条核对后通过：${list}。`,
          },
          200,
          skipped.map((s) => String(s.id))
        );
      }
      case "bulk-reject": {
        const parsed = parseForm(BulkRejectSchema, form);
        if (!parsed.ok) return refuse(parsed.errors);
        return { ok: true, done: intent, count: await rejectComments(db, consultationId, user, parsed.data) };
      }
      case "attachment-review": {
        const parsed = parseForm(AttachmentReviewSchema, form);
        if (!parsed.ok) return refuse({ files: Object.values(parsed.errors)[0]! });
        const found = await setAttachmentPublic(db, consultationId, parsed.data.attachmentId, parsed.data.isPublic, { id: user.id, label: user.displayName });
        if (!found) return refuse({ files: "附件不存在。" }, 404);
        return { ok: true, done: parsed.data.isPublic ? "attachment-public" : "attachment-private", count: 1 };
      }
      default:
        return refuse({ form: "未知的操作。" });
    }
  } catch (error) {
    if (error instanceof ModerationError) return refuse({ ...error.errors }, error.status);
    throw error;
  }
}
