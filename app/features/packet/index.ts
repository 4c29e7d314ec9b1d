// The packet feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { LEGAL_NOTE_MAX, LEGAL_OPINION_MAX, LEGAL_STAGE_LABELS, LegalAnswerSchema, LegalFinishSchema, LegalOpinionSchema } from "./legal-review-schema";
export type { LegalStage } from "./legal-review-schema";
