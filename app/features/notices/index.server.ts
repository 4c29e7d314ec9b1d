// The notices feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export { queueModerationNotice, queueResultNotices } from "./comment-status-notices.server";
export { queueLegalProgressNotice, queuePacketArrivalNotice, queueReviewRequests } from "./handoff-notices.server";
export { getOutboxRow, listOutbox, outboxCounts, retryOutboxRow } from "./outbox-admin.server";
export { startOutboxSender } from "./outbox-sender.server";
export type { RunningSender } from "./outbox-sender.server";
export { queueNotice } from "./outbox.server";
export { NOTICE_JOBS } from "./scheduled-notices.server";
export { queueFollowNotices, queueNewConsultationNotices } from "./subscriber-notices.server";
export {
  confirmSubscription,
  findByConfirmToken,
  findForUnsubscribe,
  followableConsultation,
  subscribableDivisions,
  subscribe,
  unsubscribe,
} from "./subscription.server";
export type { ConfirmLookup } from "./subscription.server";
