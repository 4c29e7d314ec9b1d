// Who may do what: every permission rule of the staff pages, in one place (docs/decisions/0036). Pure: the
// routes check them on the server (through requireStaffConsultation and the features' commands), and the
// pages use the same functions to show only the actions a person may take. What a consultation's state
// allows (a locked analysis, the comment-entry period) is each feature's own rule, not a permission.
import type { Role } from "~db/vocabulary";

export type Staff = { id: number; role: Role; divisionId: number | null };
/** A consultation as the rules need it: whose division it belongs to and who wrote it. */
export type Owned = { divisionId: number; authorId: number };

/** Drafters work on their own division's consultations only. */
export function canDraft(user: Staff, c: Owned): boolean {
  return user.role === "drafter" && user.divisionId === c.divisionId;
}

/** Reviewers approve, but never what they wrote themselves. */
export function canReview(user: Staff, c: Owned): boolean {
  return user.role === "reviewer" && user.id !== c.authorId;
}

/**
 * Who may open a consultation's staff pages at all. Not admins: they manage accounts and the
 * calendar, and have no need to read comments' originals and personal data.
 */
export function canView(user: Staff, c: Owned): boolean {
  return user.role === "reviewer" || user.role === "legal" || canDraft(user, c);
}

/** The drafting division moderates its own consultations' comments; reviewers may help with any. */
export function canModerate(user: Staff, c: Owned): boolean {
  return user.role === "reviewer" || canDraft(user, c);
}

/** The drafting division works on its analysis; reviewers may help, as with moderation. */
export function canWorkOnAnalysis(user: Staff, c: Owned): boolean {
  return user.role === "reviewer" || canDraft(user, c);
}

/** The legal office reads the analysis it will be asked to review, but does not shape it. */
export function canViewAnalysis(user: Staff, c: Owned): boolean {
  return user.role === "legal" || canWorkOnAnalysis(user, c);
}

/** The packet: the drafting division and reviewers; the legal office once it has been submitted to it. */
export function canOpenPacket(user: Staff, c: Owned, submitted: boolean): boolean {
  if (user.role === "legal") return submitted;
  return user.role === "reviewer" || canDraft(user, c);
}

/** A feedback summary is approved by a reviewer who did not write it. */
export function canReviewSummary(user: Staff, summary: { authorId: number | null }): boolean {
  return user.role === "reviewer" && summary.authorId !== user.id;
}

/** Only the legal office records the progress of its own review. */
export function canRecordLegalProgress(user: Pick<Staff, "role">): boolean {
  return user.role === "legal";
}

/** Only reviewers decide on a submission (of a consultation, of a feedback summary). */
export function isReviewer(user: Pick<Staff, "role">): boolean {
  return user.role === "reviewer";
}
