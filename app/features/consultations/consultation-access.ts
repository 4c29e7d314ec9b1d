import type { Role } from "~db/vocabulary";

type Staff = { id: number; role: Role; divisionId: number | null };
type Owned = { divisionId: number; authorId: number };

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
