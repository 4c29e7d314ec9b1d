// The analysis feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export type { CampaignCard } from "./analysis-campaigns.server";
export type { ChartSeries } from "./analysis-charts.server";
export type { WorkspaceComment } from "./analysis-comments.server";
export { AnalysisRunError, latestRun, startAnalysisRun, startAnalysisRunner } from "./analysis-runs.server";
export type { RunningAnalysisRunner } from "./analysis-runs.server";
export { correctInferredArticle } from "./article-corrections.server";
export { viewData } from "./analysis-view.server";
export type { ViewData } from "./analysis-view.server";
export { runOverview } from "./analysis-workspace.server";
export type { RunView, TopicSummary } from "./analysis-workspace.server";
export { TopicEditError, makeOwnTopic, mergeTopics, moveComment, renameTopic, splitTopic } from "./topic-edits.server";
export { proposedPublicTitle } from "./topic-title-proposal.server";
