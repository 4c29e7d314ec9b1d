// The open-data feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export { ATOM_CONTENT_TYPE, FEED_LIMIT, renderConsultationsFeed } from "./atom-feed.server";
export { commentListBody, feedbackBody, parseCommentListParams } from "./syndication-comments.server";
export { lastPublicChange, queryPublicConsultations } from "./syndication-query.server";
export { consultationDetailBody, consultationListBody } from "./syndication.server";
