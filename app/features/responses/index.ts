// The responses feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { ClearOverrideSchema, DISPOSITION_LIMITS, DeleteOpinionSchema, DispositionSchema, OpinionSchema, TopicTitleSchema } from "./disposition-schema";
export { WITHHELD_LABEL, draftSummary, topicSubject, withheldLabels } from "./summary-draft";
export { ReviewSchema, SUMMARY_MAX, SummaryTextSchema } from "./summary-schema";
export type { SummaryData } from "./summary-types";
