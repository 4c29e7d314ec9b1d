// The consultations feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { ExtendSchema, LIMITS, NewVersionSchema, ReasonSchema, ReviewSchema, toShanghaiInput } from "./consultation-schema";
export { DOC_TYPE_LABELS, PHASE_LABELS, PUBLIC_PHASES, PUBLIC_STATUSES, publicPhase } from "./consultation-status";
export type { PublicPhase } from "./consultation-status";
export { parseDocumentText } from "./document-text";
export { draftDownloadHref } from "./downloads/draft-links";
export { WorkflowError } from "./workflow-error";
