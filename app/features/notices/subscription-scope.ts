// What a public subscription covers; shared by the form (browser) and the model (server).
import type { DocType } from "~db/vocabulary";

export const SCOPES = ["all", "division", "doc_type"] as const;

export const SCOPE_LABELS: Record<(typeof SCOPES)[number], string> = {
  all: "全部新发布的征求意见",
  division: "某个起草处室的征求意见",
  doc_type: "某类文件的征求意见",
};

/** Following one consultation: offered from its page rather than among the scopes above. */
export const FOLLOW_SCOPE = "consultation";

/** As stored in subscriptions.scope / scope_value: "all" has no value, a division or a consultation its id. */
export type Scope =
  | { scope: "all"; scopeValue: null }
  | { scope: "division"; scopeValue: string }
  | { scope: "doc_type"; scopeValue: DocType }
  | { scope: "consultation"; scopeValue: string };
