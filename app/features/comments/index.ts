// The comments feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export {
  AttachmentReviewSchema,
  COMMENT_FILES_MAX,
  COMMENT_FILES_TOTAL_BYTES,
  COMMENT_FILE_ACCEPT,
  COMMENT_FILE_MAX_BYTES,
  COMMENT_FILE_TYPES_TEXT,
  SCAN_ACCEPT,
  SCAN_TYPES_TEXT,
} from "./comment-attachment-rules";
export { COMMENT_FORM_PATH } from "./comment-form-path";
export { CHANNEL_LABELS, DISPOSITION_LABELS, REJECT_REASON_LABELS } from "./comment-labels";
export { COMMENT_MAX, DEPARTMENT_IDENTITY, PUBLISH_LABELS, ReceiptLookupSchema, StaffCommentSchema } from "./comment-schema";
export { countDistinctCommenters } from "./distinct-commenters";
export type { CommenterIdentity } from "./distinct-commenters";
export {
  ApproveSchema,
  BULK_ACTIONS,
  BULK_ACTION_LABELS,
  BulkApproveSchema,
  BulkByFilterSchema,
  BulkRejectSchema,
  BulkRequestSchema,
  FIELD_LABELS,
  PII_KIND_LABELS,
  PUBLISH_PREFERENCE_SHORT,
  QUEUE_STATUSES,
  QUEUE_STATUS_LABELS,
  QueueFilterSchema,
  REDACTION_STATUS_LABELS,
  RejectSchema,
  parseQueueFilters,
  queueSearch,
} from "./moderation-schema";
export type { BulkAction, QueueFilters, QueueStatus } from "./moderation-schema";
export {
  COMMENTS_ARTICLE_PARAM,
  COMMENTS_IDENTITY_PARAM,
  COMMENTS_QUERY_PARAM,
  COMMENTS_SEARCH_FLAG,
  MAX_COMMENTS_QUERY_LENGTH,
  publicCommentsHref,
  readCommentsFilter,
} from "./public-comments-filter";
export { staffEntryProblem } from "./staff-entry-rules";
