// The consultations feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export { latestArticles } from "./article-numbers.server";
export type { ArticleNumber } from "./article-numbers.server";
export { AttachmentError, getAttachmentFile, listAttachments, removeAttachment, saveAttachment } from "./attachment.server";
export { calendarForClient, listCalendarDays, loadCalendar, removeCalendarDay, setCalendarDay } from "./calendar.server";
export { auditView, createConsultation, updateDraftConsultation } from "./consultation-editor.server";
export { readConsultationForm } from "./consultation-form.server";
export { requireDrafterOf, requireStaffConsultation } from "./consultation-guard.server";
export { findPublicConsultations, publicDivisions } from "./consultation-list.server";
export { consultationReviews, extendDeadline, notifyPublicChange, readinessProblems, review, submitForReview, withdraw } from "./consultation-workflow.server";
export { getPublicConsultation, getStaffConsultation, listExtensions, listPublicConsultations, listStaffConsultations } from "./consultation.server";
export type { ConsultationListItem } from "./consultation.server";
export { draftDownload } from "./downloads/draft-download.server";
export { articleNodes, latestVersion, loadDraftTree } from "./draft.server";
export type { StoredNode } from "./draft.server";
export { createVersion, diffVersions, listVersions } from "./versions.server";
