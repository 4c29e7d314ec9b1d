// The comments feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export {
  attachmentDownload,
  attachmentNotFound,
  attachmentSize,
  attachmentsByComment,
  checkCommentFiles,
  getCommentAttachmentFile,
  packetFiles,
  setAttachmentPublic,
  sweepUnreferencedCommentFiles,
  writeCommentFiles,
} from "./comment-attachments.server";
export type { PacketFile } from "./comment-attachments.server";
export { duplicateCards, duplicateOf, firstCopyOf } from "./comment-duplicates.server";
export type { DuplicateCard } from "./comment-duplicates.server";
export { chosenFiles, handleCommentPost, processCommentForm } from "./comment-intake.server";
export type { CommentFormOutcome } from "./comment-intake.server";
export { commentStatusByToken, lookupComment, markEmailVerified, setNotifyResult } from "./comment-status.server";
export type { CommentStatus } from "./comment-status.server";
export { clientHash, submitComment } from "./comment.server";
export { activeIdentityCategories, ensureDefaultIdentityCategories } from "./identity-categories.server";
export { previewBulk, runBulkByFilter } from "./moderation-bulk.server";
export { moderationQueue } from "./moderation-queue.server";
export type { QueueItem, QueueRedaction } from "./moderation-queue.server";
export { ModerationError, approveComment, bulkApprove, rejectComments } from "./moderation.server";
export { participation } from "./participation.server";
export type { Participation } from "./participation.server";
export { listPublicComments, publicCountsByArticle } from "./public-comments.server";
export type { PublicCommentsPage } from "./public-comments.server";
export { describeDetections, publicIdentity, refusalFor, screenGenerated, screenText } from "./publication-screen.server";
export type { Detection } from "./publication-screen.server";
export { RECEIPT_VIEW_SECONDS, clearReceiptViewCookie, readReceiptView, receiptViewCookie } from "./receipt-view.server";
export { statusToken, verificationToken } from "./receipt.server";
