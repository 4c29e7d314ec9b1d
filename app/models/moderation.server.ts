// Moderation decisions (先审查、后发布): approve with a public text, or reject with a reason.
// Every decision is a new moderation_decisions row and an audit entry in the same transaction;
// the comment row keeps the latest. Nothing is deleted, and a comment may be decided again.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { forget } from "~/utils/memo.server";
import { comments, moderationDecisions, redactions, type RejectReason, type Role } from "~db/schema";
import { detectPii, redact, type PiiMatch } from "~/analysis/pii";
import { appendAudit } from "~/utils/audit.server";
import { canDraft } from "./consultation-access";
import { queueModerationNotice } from "./notices/comment-status-notices.server";
import { PII_KIND_LABELS } from "./moderation-schema";

export class ModerationError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly field: "form" | "publishedBody" | "ids" = "form",
  ) {
    super(message);
  }
}

type Staff = { id: number; displayName: string; role: Role; divisionId: number | null };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Comment = typeof comments.$inferSelect;

/** The drafting division moderates its own consultations' comments; reviewers may help with any. */
export function canModerate(user: Staff, c: { divisionId: number; authorId: number }): boolean {
  return user.role === "reviewer" || canDraft(user, c);
}

/** "手机号“139 4021 7736”、邮箱“a@b.cn”": what the detector still finds, for the moderator to see. */
export function describePii(found: PiiMatch[]): string {
  return found.map((m) => `${PII_KIND_LABELS[m.kind]}“${m.text}”`).join("、");
}

function loadComments(tx: Tx, consultationId: number, ids: number[]): Comment[] {
  const unique = [...new Set(ids)];
  const rows = tx.select().from(comments).where(and(eq(comments.consultationId, consultationId), inArray(comments.id, unique))).all();
  if (rows.length !== unique.length) throw new ModerationError("未找到所选意见，或所选意见不属于本征求意见。", 404, "ids");
  return rows;
}

/** Spans still standing: a dismissed one was judged by a moderator not to be personal data. */
function liveSpans(tx: Tx, commentId: number) {
  return tx.select().from(redactions).where(eq(redactions.commentId, commentId)).all().filter((s) => s.status !== "dismissed");
}

/**
 * A detected span the moderator left standing in the public text was judged not to be personal
 * data (an office's published address, say): it is dismissed; every other span is accepted.
 */
function settleRedactions(tx: Tx, c: Comment, publishedBody: string) {
  const spans = tx.select().from(redactions).where(eq(redactions.commentId, c.id)).all();
  let accepted = 0;
  let dismissed = 0;
  for (const s of spans) {
    const kept = publishedBody.includes(c.body.slice(s.start, s.end));
    if (kept) dismissed++;
    else accepted++;
    tx.update(redactions).set({ status: kept ? "dismissed" : "accepted" }).where(eq(redactions.id, s.id)).run();
  }
  return { accepted, dismissed };
}

function decide(
  tx: Tx,
  c: Comment,
  actor: Staff,
  now: Date,
  d: { decision: "approved"; publishedBody: string; note: string | null; after: Record<string, unknown> } | { decision: "rejected"; reason: RejectReason; note: string | null },
) {
  // The public page's counts are memoised for a few seconds; a decision changes them now.
  forget(`public-comments:${c.consultationId}:`);
  const reason = d.decision === "rejected" ? d.reason : null;
  tx.insert(moderationDecisions).values({ commentId: c.id, moderatorId: actor.id, decision: d.decision, reason, note: d.note, createdAt: now }).run();
  // A rejection keeps published_body: the public listing requires approval, and a moderator's
  // edited text is still there if the comment is approved again.
  tx.update(comments)
    .set({ moderationStatus: d.decision, rejectReason: reason, moderatedAt: now, ...(d.decision === "approved" ? { publishedBody: d.publishedBody } : {}) })
    .where(eq(comments.id, c.id))
    .run();
  queueModerationNotice(tx, c, d.decision, reason, now);
  appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action: d.decision === "approved" ? "comment.approve" : "comment.reject",
    entityType: "comment",
    entityId: c.id,
    // Never the texts themselves: the log is append-only, and a text may hold personal data.
    before: { status: c.moderationStatus, rejectReason: c.rejectReason },
    after: { status: d.decision, rejectReason: reason, note: d.note, ...(d.decision === "approved" ? d.after : {}) },
    at: now,
  });
}

export function approveComment(
  db: Db,
  consultationId: number,
  actor: Staff,
  input: { commentId: number; publishedBody: string; confirmNoPii: boolean },
  now = new Date(),
): void {
  const found = detectPii(input.publishedBody);
  if (found.length && !input.confirmNoPii) {
    throw new ModerationError(`公开文本中仍有疑似个人信息：${describePii(found)}。请隐去后再通过；如确属可以公开的内容，请勾选“已核对，确认无个人信息”。`, 400, "publishedBody");
  }
  db.transaction(
    (tx) => {
      const [c] = loadComments(tx, consultationId, [input.commentId]);
      const proposed = redact(c.body, liveSpans(tx, c.id));
      const settled = settleRedactions(tx, c, input.publishedBody);
      const note = found.length ? `已核对，确认无个人信息（系统检出：${found.map((m) => PII_KIND_LABELS[m.kind]).join("、")}）` : null;
      decide(tx, c, actor, now, { decision: "approved", publishedBody: input.publishedBody, note, after: { redactions: settled, edited: input.publishedBody !== proposed } });
    },
    { behavior: "immediate" },
  );
}

export function rejectComments(
  db: Db,
  consultationId: number,
  actor: Staff,
  input: { ids: number[]; reason: RejectReason; note?: string | null },
  now = new Date(),
): number {
  return db.transaction(
    (tx) => {
      const rows = loadComments(tx, consultationId, input.ids);
      for (const c of rows) decide(tx, c, actor, now, { decision: "rejected", reason: input.reason, note: input.note ?? null });
      return rows.length;
    },
    { behavior: "immediate" },
  );
}

/**
 * Approves each selected comment with its detector's spans redacted. A comment whose redacted text
 * still trips the detector (the detector improved since intake, say) is left for a person to
 * look at, and reported back rather than published.
 */
export function bulkApprove(db: Db, consultationId: number, actor: Staff, ids: number[], now = new Date()) {
  return db.transaction(
    (tx) => {
      const approved: number[] = [];
      const skipped: Array<{ id: number; receiptNo: string; found: string }> = [];
      for (const c of loadComments(tx, consultationId, ids)) {
        const text = redact(c.body, liveSpans(tx, c.id));
        const found = detectPii(text);
        if (found.length) {
          skipped.push({ id: c.id, receiptNo: c.receiptNo, found: describePii(found) });
          continue;
        }
        const settled = settleRedactions(tx, c, text);
        decide(tx, c, actor, now, { decision: "approved", publishedBody: text, note: null, after: { redactions: settled, edited: false, bulk: true } });
        approved.push(c.id);
      }
      return { approved, skipped };
    },
    { behavior: "immediate" },
  );
}
