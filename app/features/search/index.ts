// The search feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { articleLabel, parseQuery } from "./search-terms";
export type { SearchTerm } from "./search-terms";
export { MAX_QUERY_LENGTH, MAX_TERMS, highlight } from "./search-text";
export type { Segment } from "./search-text";
