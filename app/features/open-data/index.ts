// The open-data feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { parseConsultationListParams } from "./syndication-params";
