import { z } from "zod";

// What a commenter may attach to a comment; the browser imports these for the form's hints and
// the server enforces them (comment-attachments.server.ts, server/body-limits.ts). See
// docs/decisions/0020-long-comments-and-attachments.md.

export const COMMENT_FILES_MAX = 5;
export const COMMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const COMMENT_FILES_TOTAL_BYTES = 20 * 1024 * 1024;
export const COMMENT_FILE_TYPES_TEXT = "PDF、Word（.docx）、PNG 或 JPEG 图片";
export const SCAN_TYPES_TEXT = "PDF、PNG 或 JPEG 图片";
// A hint for the file picker only; the server decides by content.
export const COMMENT_FILE_ACCEPT =
  ".pdf,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg";
export const SCAN_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/** A moderator's decision on one file of a comment. */
export const AttachmentReviewSchema = z.object({
  attachmentId: z.coerce.number({ error: "附件无效。" }).int("附件无效。").positive("附件无效。"),
  isPublic: z.enum(["1", "0"], { error: "请选择附件是否公开。" }).transform((v) => v === "1"),
});
