// The accounts feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export {
  canDraft,
  canModerate,
  canOpenPacket,
  canRecordLegalProgress,
  canReview,
  canReviewSummary,
  canView,
  canViewAnalysis,
  canWorkOnAnalysis,
  isReviewer,
} from "./access";
export { auditActionLabel, auditChanges, auditEntityLabel } from "./audit-display";
export type { AuditChange } from "./audit-display";
export { ROLE_LABELS } from "./roles";
export { EditUserSchema, NewUserSchema, ResetPasswordSchema } from "./user-schema";
