// The responses feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export { DIRECT_ANSWER_JOINS, answerForComment, answersByComment, directAnswer } from "./comment-answers.server";
export type { CommentAnswer } from "./comment-answers.server";
export { dispositionMatrix } from "./disposition-matrix.server";
export type { DispositionView, MatrixComment, MatrixOpinion, MatrixTopic } from "./disposition-matrix.server";
export {
  approveTopicTitle,
  clearOverride,
  deleteOpinion,
  dispositionLock,
  recordDisposition,
  recordOpinion,
  topicOfComment,
  undecidedTopics,
} from "./dispositions.server";
export type { AnswerLink, ArticleAnswers, FeedbackTotals, PublishedAnswer } from "./feedback-answers.server";
export { pendingFeedback, publicFeedback, publishedSummary } from "./feedback-page.server";
export type { PendingFeedback } from "./feedback-page.server";
export { titleProblems, titleRefusal } from "./summary-titles.server";
export {
  SummaryTextError,
  UndecidedTopicsError,
  feedbackPublishBlock,
  generateSummary,
  getSummary,
  publishSummary,
  reopenSummary,
  reviewSummary,
  saveSummary,
  submitSummary,
  summaryLock,
} from "./summary-workflow.server";
export { summaryData } from "./summary.server";
