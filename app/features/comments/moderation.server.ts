// Moderation decisions (先审查、后发布): approve with a public text, or reject with a reason.
// Every decision is a new moderation_decisions row and an audit entry in the same transaction;
// the comment row keeps the latest. Nothing is deleted, and a comment may be decided again.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { forget } from "~/platform/memo.server";
import { comments, moderationDecisions, redactions, type RejectReason, type Role } from "~db/schema";
import { redact } from "~/engine/pii";
import type { ScreenedField } from "~db/vocabulary";
import { appendAudit } from "~/platform/audit.server";
import { canDraft } from "~/features/accounts";
import { queueModerationNotice } from "~/features/notices/index.server";
import { describeByField, describeDetections, FIELD_LABELS, kindLabel, screenComment, screenText, type Detection } from "./publication-screen.server";

export type ModerationField = "form" | "publishedBody" | "publishedName" | "publishedOrganisation" | "ids";

export class ModerationError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly field: ModerationField = "form",
    /** One message per field, where more than one field is refused at once. */
    readonly errors: Partial<Record<ModerationField, string>> = { [field]: message }
  ) {
    super(message);
  }
}

type Staff = { id: number; displayName: string; role: Role; divisionId: number | null };
type Comment = typeof comments.$inferSelect;

/** "手机号“139 4021 7736”、邮箱“a@b.cn”": what the detector still finds, for the moderator to see. */
export function describePii(found: Array<Pick<Detection, "kind" | "text">>): string {
  return describeDetections(found);
}

/** What may be published of a comment: its text, and its name and organisation where it has them. */
export interface PublishedFields {
  body: string;
  name: string | null;
  organisation: string | null;
}

type Span = typeof redactions.$inferSelect;
type SpanLike = Pick<Span, "kind" | "start" | "end" | "status" | "field">;

/** The detector's proposal for each published field: every span still standing, redacted. */
export function proposedFields(c: Pick<Comment, "body" | "name" | "organisation">, spans: SpanLike[]): PublishedFields {
  const live = (field: ScreenedField) => spans.filter((s) => s.field === field && s.status !== "dismissed");
  return {
    body: redact(c.body, live("body")),
    name: c.name ? redact(c.name, live("name")) : null,
    organisation: c.organisation ? redact(c.organisation, live("organisation")) : null,
  };
}

/** The original words a span covers, in the field it was found in. */
export function spanText(c: Pick<Comment, "body" | "name" | "organisation">, s: Pick<Span, "field" | "start" | "end">): string {
  return (c[s.field] ?? "").slice(s.start, s.end);
}

async function loadComments(tx: Tx, consultationId: number, ids: number[]): Promise<Comment[]> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.consultationId, consultationId), inArray(comments.id, unique)));
  if (rows.length !== unique.length) throw new ModerationError("未找到所选意见，或所选意见不属于本征求意见。", 404, "ids");
  return rows;
}

const spansOf = (tx: Tx, commentId: number) => tx.select().from(redactions).where(eq(redactions.commentId, commentId));

/**
 * A detected span the moderator left standing in the public field was judged not to be personal
 * data (an office's published address, say): it is dismissed; every other span is accepted. A
 * field that is not published (no name given for publication) accepts its spans.
 */
async function settleRedactions(tx: Tx, c: Comment, published: PublishedFields) {
  const spans = await spansOf(tx, c.id);
  let accepted = 0;
  let dismissed = 0;
  for (const s of spans) {
    const kept = published[s.field]?.includes(spanText(c, s)) ?? false;
    if (kept) dismissed++;
    else accepted++;
    await tx
      .update(redactions)
      .set({ status: kept ? "dismissed" : "accepted" })
      .where(eq(redactions.id, s.id));
  }
  return { accepted, dismissed };
}

export async function decide(
  tx: Tx,
  c: Comment,
  actor: Staff,
  now: Date,
  d:
    | { decision: "approved"; published: PublishedFields; note: string | null; after: Record<string, unknown> }
    | { decision: "rejected"; reason: RejectReason; note: string | null },
  /** A bulk action by filter writes one audit entry for the whole set instead (moderation-bulk.server.ts). */
  options: { audit: boolean } = { audit: true }
) {
  // The public page's counts are memoised for a few seconds; a decision changes them now.
  forget(`public-comments:${c.consultationId}:`);
  const reason = d.decision === "rejected" ? d.reason : null;
  await tx.insert(moderationDecisions).values({ commentId: c.id, moderatorId: actor.id, decision: d.decision, reason, note: d.note, createdAt: now });
  // A rejection keeps published_body: the public listing requires approval, and a moderator's
  // edited text is still there if the comment is approved again.
  await tx
    .update(comments)
    .set({
      moderationStatus: d.decision,
      rejectReason: reason,
      moderatedAt: now,
      ...(d.decision === "approved"
        ? { publishedBody: d.published.body, publishedName: d.published.name, publishedOrganisation: d.published.organisation }
        : {}),
    })
    .where(eq(comments.id, c.id));
  await queueModerationNotice(tx, c, d.decision, reason, now);
  if (!options.audit) return;
  await appendAudit(tx, {
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

const PUBLISHED_LABELS = { body: "公开文本", name: "公开的姓名", organisation: "公开的单位" } as const;
const FIELD_INPUTS = { body: "publishedBody", name: "publishedName", organisation: "publishedOrganisation" } as const;

export async function approveComment(
  db: Db,
  consultationId: number,
  actor: Staff,
  input: { commentId: number; publishedBody: string; publishedName?: string | null; publishedOrganisation?: string | null; confirmNoPii: boolean },
  now = new Date()
): Promise<void> {
  await db.transaction(
    async (tx) => {
      const [c] = await loadComments(tx, consultationId, [input.commentId]);
      const spans = await spansOf(tx, c.id);
      const proposed = proposedFields(c, spans);
      // A name or organisation not sent (a caller that edits only the text) is the detector's proposal.
      const published: PublishedFields = {
        body: input.publishedBody,
        name: input.publishedName === undefined ? proposed.name : input.publishedName,
        organisation: input.publishedOrganisation === undefined ? proposed.organisation : input.publishedOrganisation,
      };
      const found = screenComment(published);
      if (found.length && !input.confirmNoPii) {
        const errors: Partial<Record<ModerationField, string>> = {};
        for (const field of ["body", "name", "organisation"] as const) {
          const own = found.filter((m) => m.field === field);
          if (own.length) {
            errors[FIELD_INPUTS[field]] = `${PUBLISHED_LABELS[field]}中仍有疑似个人信息：${describeDetections(
              own
            )}。请隐去后再通过；如确属可以公开的内容，请勾选“已核对，确认无个人信息”。`;
          }
        }
        const first = FIELD_INPUTS[found[0].field];
        throw new ModerationError(errors[first]!, 400, first, errors);
      }
      const settled = await settleRedactions(tx, c, published);
      const note = found.length
        ? `已核对，确认无个人信息（系统检出：${[...new Set(found.map((m) => `${FIELD_LABELS[m.field]}${kindLabel(m.kind)}`))].join("、")}）`
        : null;
      const edited = (["body", "name", "organisation"] as const).filter((f) => published[f] !== proposed[f]);
      await decide(tx, c, actor, now, {
        decision: "approved",
        published,
        note,
        after: { redactions: settled, edited: edited.length > 0, editedFields: edited },
      });
    },
    { behavior: "immediate" }
  );
}

export function rejectComments(
  db: Db,
  consultationId: number,
  actor: Staff,
  input: { ids: number[]; reason: RejectReason; note?: string | null },
  now = new Date()
): Promise<number> {
  return db.transaction(
    async (tx) => {
      const rows = await loadComments(tx, consultationId, input.ids);
      for (const c of rows) await decide(tx, c, actor, now, { decision: "rejected", reason: input.reason, note: input.note ?? null });
      return rows.length;
    },
    { behavior: "immediate" }
  );
}

export interface HeldBack {
  id: number;
  receiptNo: string;
  /** Why it stays in the queue, for the moderator: the fields and what was found in them. */
  found: string;
}

/**
 * Why a comment may not be approved without a person looking at it, or null: a detection nobody
 * has reviewed yet (in the text, the name or the organisation, whatever its kind or confidence),
 * or anything the screen still finds in what would be published.
 */
export function holdReason(c: Comment, spans: SpanLike[], published: PublishedFields): string | null {
  const unreviewed = spans.filter((s) => s.status === "proposed").map((s) => ({ field: s.field, kind: s.kind, text: spanText(c, s) }));
  if (unreviewed.length) return `待确认的${describeByField(unreviewed)}`;
  const still = screenComment(published);
  const identity = screenText(c.identityCategory).map((m) => `身份类别：${describeDetections([m])}`);
  if (still.length || identity.length) return `仍检出${[describeByField(still), ...identity].filter(Boolean).join("；")}`;
  return null;
}

/**
 * Approves one comment as proposed (the detector's redactions; a moderator's earlier public text, name and
 * organisation where there are some), unless a person must look at it first: then nothing changes and the
 * reason comes back.
 */
export async function approveAsProposed(
  tx: Tx,
  c: Comment,
  actor: Staff,
  now: Date,
  options: { audit: boolean; note: string | null }
): Promise<HeldBack | null> {
  const spans = await spansOf(tx, c.id);
  const proposed = proposedFields(c, spans);
  // A moderator's earlier edit stands on re-approval, as the queue shows it: the text, the name and the organisation.
  const published = c.publishedBody !== null ? { body: c.publishedBody, name: c.publishedName, organisation: c.publishedOrganisation } : proposed;
  const held = holdReason(c, spans, published);
  if (held) return { id: c.id, receiptNo: c.receiptNo, found: held };
  const settled = await settleRedactions(tx, c, published);
  const edited = (["body", "name", "organisation"] as const).filter((f) => published[f] !== proposed[f]);
  await decide(
    tx,
    c,
    actor,
    now,
    { decision: "approved", published, note: options.note, after: { redactions: settled, edited: edited.length > 0, editedFields: edited, bulk: true } },
    options
  );
  return null;
}

/**
 * Approves each selected comment as the detector proposes it, but only a comment with nothing for
 * a person to judge: one with an unreviewed detection in any published field, or whose proposal
 * still trips the screen, stays in the queue and is reported back rather than published.
 */
export function bulkApprove(db: Db, consultationId: number, actor: Staff, ids: number[], now = new Date()) {
  return db.transaction(
    async (tx) => {
      const approved: number[] = [];
      const skipped: HeldBack[] = [];
      for (const c of await loadComments(tx, consultationId, ids)) {
        const held = await approveAsProposed(tx, c, actor, now, { audit: true, note: null });
        if (held) skipped.push(held);
        else approved.push(c.id);
      }
      return { approved, skipped };
    },
    { behavior: "immediate" }
  );
}
