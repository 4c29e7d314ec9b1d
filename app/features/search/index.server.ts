// The search feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export { describeHit, searchConsultations, suggestedKeywords } from "./search-query.server";
export type { SearchHit, SearchMatch, SearchOutcome } from "./search-query.server";
export { searchSuggestions } from "./search-suggestions.server";
export { ensureSearchIndex, reindexConsultation } from "./search.server";
