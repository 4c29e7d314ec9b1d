// The analysis feature as other code sees it: its shared (client-safe) modules. Generated from what other code
// imports (see docs/decisions/0036); a name missing here is internal to the feature.

export { analysisLockReason } from "./analysis-access";
export {
  ARTICLE_SOURCE_LABELS,
  ArticleCorrectionSchema,
  EXCLUDED_REJECT_REASONS,
  MergeSchema,
  MoveSchema,
  OwnTopicSchema,
  RUN_STAGE_LABELS,
  RUN_STATUS_LABELS,
  RenameSchema,
  STANCE_LABELS,
  STATUS_FILTERS,
  STATUS_FILTER_LABELS,
  SplitSchema,
  WORKSPACE_VIEWS,
  WORKSPACE_VIEW_LABELS,
  confidenceLabel,
  parseWorkspaceFilters,
  workspaceSearch,
} from "./analysis-schema";
export type { ArticleSource, WorkspaceFilters } from "./analysis-schema";
export { groupTopicsByTheme } from "./topic-themes";
export { needsTitleApproval, publishedTopicTitle } from "./topic-titles";
