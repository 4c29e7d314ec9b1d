// The notices feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { receiptNotice } from "./comment-notices";
export { OUTBOX_STATUSES, OUTBOX_STATUS_LABELS, kindLabel } from "./kinds";
export type { OutboxStatus } from "./kinds";
export { FOLLOW_SCOPE, SCOPES, SCOPE_LABELS } from "./subscription-scope";
export type { Scope } from "./subscription-scope";
