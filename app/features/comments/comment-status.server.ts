import { and, eq, isNull } from "drizzle-orm";
import { first, type Db } from "~db/client.server";
import { comments, consultations, redactions } from "~db/schema";
import { detectPii, redact } from "~/engine/pii";
import { DISPOSITION_LABELS, REJECT_REASON_LABELS } from "./comment-labels";
import { answerForComment, type CommentAnswer } from "~/features/responses/index.server";
import { hashCheckCode, statusToken } from "./receipt.server";
import { timingSafeEqual } from "node:crypto";

export interface CommentStatus {
  receiptNo: string;
  consultationId: number;
  consultationTitle: string;
  receivedAt: Date;
  /** What the person wrote with its personal data redacted: the page may be read over a shoulder. */
  redactedBody: string;
  steps: Array<{ label: string; state: "done" | "current" | "todo"; detail?: string }>;
  emailVerified: boolean | null;
  /** Whether the commenter left an email, and follows the comment (hears its answer at publication). */
  follow: { email: boolean; on: boolean; open: boolean };
}

/** The answer a comment carries: its own, else its opinion's, else its first copy's (comment-answers.server.ts). */
export const dispositionFor: typeof answerForComment = (...args) => answerForComment(...args);

/** The text as moderated, or until then with every span found by the detector or staff hidden. */
async function redactedBody(db: Pick<Db, "select">, c: typeof comments.$inferSelect): Promise<string> {
  if (c.moderationStatus === "approved" && c.publishedBody !== null) return c.publishedBody;
  const marked = (await db.select().from(redactions).where(eq(redactions.commentId, c.id))).filter((s) => s.status !== "dismissed");
  return redact(c.body, [...marked, ...detectPii(c.body)]);
}

function loadByReceipt(db: Db, receiptNo: string) {
  return first(
    db
      .select({ c: comments, title: consultations.title, status: consultations.status, requireVerification: consultations.requireEmailVerification })
      .from(comments)
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .where(eq(comments.receiptNo, receiptNo))
      .limit(1)
  );
}

/**
 * The status page's content, or null when the receipt number and check code do not match —
 * the same null whether the receipt exists or not, so nothing can be learnt by guessing.
 */
export async function lookupComment(db: Db, receiptNo: string, checkCode: string): Promise<CommentStatus | null> {
  const row = await loadByReceipt(db, receiptNo);
  const expected = Buffer.from(row?.c.checkCodeHash ?? "0".repeat(64));
  const given = Buffer.from(hashCheckCode(receiptNo, checkCode));
  if (!row || !timingSafeEqual(expected, given)) return null;
  return statusOf(db, row);
}

/** The same content for a receipt whose number came with a status-link token this server signed. */
export async function commentStatusByToken(db: Db, receiptNo: string, token: string): Promise<CommentStatus | null> {
  if (!/^[0-9A-Z-]{1,40}$/.test(receiptNo)) return null;
  const expected = Buffer.from(statusToken(receiptNo));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const row = await loadByReceipt(db, receiptNo);
  return row ? statusOf(db, row) : null;
}

async function statusOf(db: Db, row: NonNullable<Awaited<ReturnType<typeof loadByReceipt>>>): Promise<CommentStatus> {
  const c = row.c;
  // The answer may still change until the feedback is published: the commenter sees it then.
  const disposition = row.status === "feedback_published" ? await dispositionFor(db, c.id) : undefined;
  const moderated = c.moderationStatus !== "pending";
  const steps: CommentStatus["steps"] = [
    { label: "已收到", state: "done" },
    { label: "审核中", state: moderated ? "done" : "current" },
  ];
  if (c.moderationStatus === "rejected") {
    steps.push({
      label: "不予公开",
      state: disposition ? "done" : "current",
      detail: c.rejectReason ? `理由：${REJECT_REASON_LABELS[c.rejectReason]}。意见仍计入征求意见记录。` : undefined,
    });
  } else {
    steps.push({
      label: "已公开",
      state: moderated ? (disposition ? "done" : "current") : "todo",
      detail: c.moderationStatus === "approved" && c.publishPreference === "private" ? "审核已通过；按您的选择，意见内容不在网上公开。" : undefined,
    });
  }
  steps.push({
    label: "已研究",
    state: disposition ? "current" : "todo",
    detail: disposition ? answerDetail(disposition) : "尚未答复",
  });
  return {
    receiptNo: c.receiptNo,
    consultationId: c.consultationId,
    consultationTitle: row.title,
    receivedAt: c.receivedAt,
    redactedBody: await redactedBody(db, c),
    steps,
    emailVerified: row.requireVerification ? c.emailVerifiedAt !== null : null,
    follow: { email: c.email !== null, on: c.notifyResult, open: row.status !== "feedback_published" && row.status !== "withdrawn" },
  };
}

/** The commenter starts or stops following the comment; only from a status view the receipt opened. */
export async function setNotifyResult(db: Db, receiptNo: string, on: boolean): Promise<void> {
  await db.update(comments).set({ notifyResult: on }).where(eq(comments.receiptNo, receiptNo));
}

/** The comment's own answer in one line; a 重复提交 says whose answer it is. */
function answerDetail(a: CommentAnswer): string {
  const text = `处理结果：${DISPOSITION_LABELS[a.decision]}${a.reason ? `。${a.reason}` : ""}${
    a.changeMade?.trim() ? `。修改情况：${a.changeMade.trim()}` : ""
  }`;
  return a.source === "duplicate" ? `${text}（您重复提交了相同内容的意见，适用对您首次提交意见的答复。）` : text;
}

/** The commenter opened the mailed link and pressed the button: their address is confirmed (once). */
export async function markEmailVerified(db: Db, receiptNo: string, now = new Date()): Promise<void> {
  await db
    .update(comments)
    .set({ emailVerifiedAt: now })
    .where(and(eq(comments.receiptNo, receiptNo), isNull(comments.emailVerifiedAt)));
}
