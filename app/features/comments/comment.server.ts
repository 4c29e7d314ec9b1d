import type { Db } from "~db/client.server";
import { UNIQUE_GUARDED_TRANSACTION } from "~db/dialect-sql";
import { type Channel, commentAttachments, type consultations } from "~db/schema";
import { sha256Hex } from "~/platform/crypto.server";
import { env } from "~/platform/env.server";
import { formatDateTime } from "~/platform/dates";
import { shanghaiDate } from "~/platform/periods";
import { sanitizeLine, sanitizeUserText } from "~/platform/text";
import { appendAudit } from "~/platform/audit.server";
import { hitWithin, type RateLimit } from "~/platform/rate-limit.server";
import { type CommentSchema, DEPARTMENT_IDENTITY } from "./comment-schema";
import { publicPhase } from "~/features/consultations";
import { FALLBACK_IDENTITY_CATEGORIES } from "./identity-categories.server";
import { screenComment } from "./publication-screen.server";
import { type ArticleOf, type ConsultationContext, intakeStatements, type RedactionOf, type StoredByKey } from "./comment-statements.server";
import { receiptNotice } from "~/features/notices";
import { queueNotice } from "~/features/notices/index.server";
import { checkCodeFor, hashCheckCode, newCheckCode, newReceiptNo, verificationToken } from "./receipt.server";
import type { PreparedFile } from "./comment-attachments.server";
import { staffEntryProblem, type StaffEntryProblem } from "./staff-entry-rules";
import type { z } from "zod";

type Consultation = typeof consultations.$inferSelect;

/** `notifyResult` left out means told (the default for every channel but the web form's unticked box). */
export type CommentInput = Omit<z.infer<typeof CommentSchema>, "consent" | "website" | "notifyResult"> & { notifyResult?: boolean };

export type IntakeResult =
  | { ok: true; receiptNo: string; checkCode: string; duplicate: boolean }
  | { ok: false; field: "form" | "articles" | "identityCategory" | StaffEntryProblem["field"]; message: string; status: number; renewKey?: true };

/** Who entered a comment received outside the web form, and what they recorded about its arrival. */
export interface StaffEntryMeta {
  actor: { id: number; label: string };
  postmarkedAt?: Date | null;
  lateReason?: string | null;
  /** 部门来函: the sending department, recorded as the organisation with DEPARTMENT_IDENTITY. */
  department?: string | null;
  ip?: string;
}

// A reused key is answered with the first receipt only when it is the same submission sent again.
const KEY_TAKEN = "此表单已提交过一条内容不同的意见。为保护他人的意见，请使用刷新后的表单重新提交；您填写的内容已保留在下方。";

export function clientHash(ip: string): string {
  return sha256Hex(`${env().SESSION_SECRET}:ip:${ip}`).slice(0, 32);
}

export type SubmitMeta = { now?: Date; ip?: string; channel?: Channel; receivedAt?: Date; staff?: StaffEntryMeta; files?: PreparedFile[] };

/** One submission of a batch (submitComments). */
export interface Submission {
  consultationId: number;
  input: CommentInput;
  meta?: SubmitMeta;
  /** A quota the comment spends if, and only if, it is stored: counted in the transaction that stores it. */
  quota?: { key: string; rule: RateLimit };
}

/** Over a limit: when to try again, the text kept. */
export function tooOftenMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `提交过于频繁，请 ${minutes} 分钟后再提交。您填写的内容已保留在下方。`;
}

/**
 * Stores a comment and queues its receipt in one transaction, after checking at this very instant
 * that the consultation is open (for staff entry: that the record is still open and the dates fit
 * the period, see staff-entry-rules.ts; each staff entry is audited). A form submitted twice (same
 * idempotency key, same text, same sender) gets the first receipt back instead of a second comment;
 * anyone else presenting that key gets an error, never the first person's receipt.
 */
export async function submitComment(db: Db, consultationId: number, input: CommentInput, meta: SubmitMeta = {}): Promise<IntakeResult> {
  return (await submitComments(db, [{ consultationId, input, meta }]))[0];
}

/** A comment ready to be written: its row and what goes with it. */
interface Planned {
  index: number;
  row: CommentRow;
  numbers: number[];
  identityIds: number[];
  source: "commenter" | "staff";
  pii: ReturnType<typeof screenComment>;
  checkCode: string;
  notice: Parameters<typeof queueNotice>[1] | null;
}

/**
 * Several submissions in one transaction, each answered as submitComment answers it alone: the reads and
 * writes of the batch are a handful of statements whatever its size (comment intake under a rush, see
 * comment-intake.server.ts). Two submissions of the batch with one key are one comment, as they would be
 * one after the other.
 */
export async function submitComments(db: Db, batch: Submission[]): Promise<IntakeResult[]> {
  // Quota hits counted in memory are taken back if the transaction does not commit, and before it runs again.
  let undoHits = () => {};
  try {
    return await db.transaction(
      async (tx) => {
        undoHits();
        undoHits = () => {};
        const q = intakeStatements(tx);
        const contexts = new Map<number, ConsultationContext | null>();
        let existing = new Map<string, StoredByKey>();
        // The comments already stored under the batch's keys are read with the first consultation.
        for (const id of new Set(batch.map((b) => b.consultationId))) {
          const read = await q.consultationContext(id, contexts.size ? [] : [...new Set(batch.map((b) => b.input.idempotencyKey))]);
          contexts.set(id, read.context);
          if (read.existing.size) existing = read.existing;
        }
        const results: IntakeResult[] = new Array(batch.length);
        let planned: Planned[] = [];
        // A key met again in this batch: answered once the first with that key is written.
        const firstWithKey = new Map<string, number>();
        const repeats: number[] = [];
        batch.forEach((submission, index) => {
          const key = submission.input.idempotencyKey;
          if (firstWithKey.has(key)) return repeats.push(index);
          const found = existing.get(key);
          const outcome = found ? againstStored(found, submission) : plan(contexts.get(submission.consultationId) ?? null, submission, index);
          if ("ok" in outcome) results[index] = outcome;
          else {
            planned.push(outcome);
            firstWithKey.set(key, index);
          }
        });
        // Only a comment about to be stored spends its quota, counted with it; one over its limit is not stored.
        const spending = planned.filter((p) => batch[p.index].quota);
        if (spending.length) {
          const counted = await hitWithin(
            tx,
            spending.map((p) => ({ ...batch[p.index].quota!, now: p.row.createdAt.getTime() }))
          );
          undoHits = counted.undo;
          const over = new Set<Planned>();
          spending.forEach((p, i) => {
            const wait = counted.waits[i];
            if (wait <= 0) return;
            over.add(p);
            results[p.index] = { ok: false, field: "form", message: tooOftenMessage(wait), status: 429 };
          });
          planned = planned.filter((p) => !over.has(p));
        }
        if (planned.length) {
          const ids = await q.insertComments(
            planned.map((p) => p.row),
            planned.flatMap((p) => p.identityIds.map((identity): ArticleOf => [p.row.receiptNo, identity, p.source])),
            planned.flatMap((p) => p.pii.map((m): RedactionOf => [p.row.receiptNo, m.kind, m.start, m.end, m.field]))
          );
          for (const p of planned) {
            const id = ids.get(p.row.receiptNo)!;
            const meta = batch[p.index].meta ?? {};
            // Files are already written (writeCommentFiles); each starts not public, for a moderator to decide.
            for (const f of meta.files ?? []) {
              await tx.insert(commentAttachments).values({
                commentId: id,
                filename: f.filename,
                mimeType: f.mimeType,
                size: f.size,
                sha256: f.sha256,
                storagePath: f.storagePath,
                createdAt: p.row.createdAt,
              });
            }
            if (meta.staff) await auditStaffEntry(tx, id, p, meta.staff, meta.files ?? []);
            if (p.notice) await queueNotice(tx, p.notice, p.row.createdAt);
            results[p.index] = { ok: true, receiptNo: p.row.receiptNo, checkCode: p.checkCode, duplicate: false };
          }
        }
        for (const index of repeats) {
          const first = firstWithKey.get(batch[index].input.idempotencyKey)!;
          const stored = results[first];
          results[index] = !stored.ok ? stored : againstStored(storedOf(planned.find((p) => p.index === first)!), batch[index]);
        }
        return results;
      },
      // Two submissions with one key: the second finds the first (unique key, run again on PostgreSQL).
      UNIQUE_GUARDED_TRANSACTION
    );
  } catch (error) {
    undoHits();
    throw error;
  }
}

type CommentRow = {
  consultationId: number;
  versionId: number | null;
  receiptNo: string;
  checkCodeHash: string;
  body: string;
  bodyNormalized: string;
  name: string | null;
  organisation: string | null;
  identityCategory: string;
  email: string | null;
  notifyResult: boolean;
  publishPreference: CommentInput["publishPreference"];
  channel: Channel;
  enteredBy: number | null;
  receivedAt: Date;
  hasPii: boolean;
  idempotencyKey: string;
  clientHash: string | null;
  createdAt: Date;
};

const storedOf = (p: Planned): StoredByKey => ({
  receiptNo: p.row.receiptNo,
  consultationId: p.row.consultationId,
  body: p.row.body,
  name: p.row.name,
  email: p.row.email,
  clientHash: p.row.clientHash,
  enteredBy: p.row.enteredBy,
});

/** A submission whose key is already taken: the same submission again gets the first receipt, anyone else an error. */
function againstStored(existing: StoredByKey, { consultationId, input, meta = {} }: Submission): IntakeResult {
  if (existing.consultationId !== consultationId)
    return { ok: false, field: "form", message: "表单已过期，请刷新页面后重新提交。", status: 400, renewKey: true };
  const sameSubmission =
    existing.body === sanitizeUserText(input.body).trim() &&
    existing.name === (input.name ? sanitizeLine(input.name) : null) &&
    existing.email === input.email &&
    existing.clientHash === (meta.ip ? clientHash(meta.ip) : null) &&
    existing.enteredBy === (meta.staff?.actor.id ?? null);
  if (!sameSubmission) return { ok: false, field: "form", message: KEY_TAKEN, status: 409, renewKey: true };
  return { ok: true, receiptNo: existing.receiptNo, checkCode: checkCodeFor(input.idempotencyKey), duplicate: true };
}

/** A new submission checked against its consultation at this instant: the refusal, or what to write. */
function plan(context: ConsultationContext | null, { consultationId, input, meta = {} }: Submission, index: number): IntakeResult | Planned {
  const now = meta.now ?? new Date();
  const channel = meta.channel ?? "web";
  const row = context?.consultation;
  if (!context || !row) return { ok: false, field: "form", message: "未找到该征求意见。", status: 404 };
  const c = {
    ...row,
    status: row.status as Consultation["status"],
    opensAt: row.opensAt === null ? null : new Date(row.opensAt),
    closesAt: row.closesAt === null ? null : new Date(row.closesAt),
  };
  if (channel === "web") {
    const phase = publicPhase(c, now);
    if (phase === "upcoming")
      return {
        ok: false,
        field: "form",
        message: `本次征求意见尚未开始，将于 ${formatDateTime(c.opensAt!)} 开始接收意见。您填写的内容已保留在下方。`,
        status: 409,
      };
    if (phase !== "open")
      return {
        ok: false,
        field: "form",
        message: `本次征求意见已于 ${c.closesAt ? formatDateTime(c.closesAt) : "此前"} 截止，网上意见未能提交。您填写的内容已保留在下方，可复制保存。`,
        status: 409,
      };
    if (row.requireEmailVerification && !input.email)
      return { ok: false, field: "form", message: "本次征求意见要求填写电子邮箱并确认后，意见方计入有效意见。", status: 400 };
  } else {
    if (!meta.staff) return { ok: false, field: "form", message: "非网上提交的意见须由工作人员录入。", status: 403 };
    const problem = staffEntryProblem(
      c,
      {
        channel,
        receivedAt: meta.receivedAt ?? now,
        postmarkedAt: meta.staff.postmarkedAt ?? null,
        lateReason: meta.staff.lateReason ?? null,
        department: meta.staff.department ?? null,
      },
      now
    );
    if (problem) return { ok: false, ...problem };
  }

  const numbers = [...new Set(input.articles)];
  const identities = context.articles;
  if (numbers.some((n) => !identities.has(n))) {
    return { ok: false, field: "articles", message: "所选条款在征求意见稿中不存在，请重新选择。", status: 400 };
  }

  // A department's letter: the department is the identity, whatever category the form sent.
  const fromDepartment = channel === "department_letter";
  const identityCategory = fromDepartment ? DEPARTMENT_IDENTITY : sanitizeLine(input.identityCategory);
  // The category is published beside anonymous comments, so only a configured one is accepted.
  const configured = context.categories;
  if (!fromDepartment && !(configured.length ? configured : FALLBACK_IDENTITY_CATEGORIES).includes(identityCategory)) {
    return { ok: false, field: "identityCategory", message: "身份类别无效，请从列表中选择。", status: 400 };
  }

  const body = sanitizeUserText(input.body).trim();
  const name = input.name ? sanitizeLine(input.name) : null;
  const department = fromDepartment && meta.staff?.department ? meta.staff.department : input.organisation;
  const organisation = department ? sanitizeLine(department) : null;
  const receivedAt = meta.receivedAt ?? now;
  const receiptNo = newReceiptNo(receivedAt);
  const checkCode = channel === "web" ? checkCodeFor(input.idempotencyKey) : newCheckCode();
  // Every field that may be published is screened; each detection waits for a moderator.
  const pii = screenComment({ body, name, organisation });
  const verifyLink = input.email && row.requireEmailVerification ? `${env().PUBLIC_URL}/verify/${receiptNo}/${verificationToken(receiptNo)}` : undefined;
  return {
    index,
    row: {
      consultationId,
      versionId: context.versionId,
      receiptNo,
      checkCodeHash: hashCheckCode(receiptNo, checkCode),
      body,
      bodyNormalized: body.normalize("NFKC"),
      name,
      organisation,
      identityCategory,
      email: input.email,
      notifyResult: input.notifyResult !== false,
      publishPreference: input.publishPreference,
      channel,
      enteredBy: meta.staff?.actor.id ?? null,
      receivedAt,
      hasPii: pii.length > 0,
      idempotencyKey: input.idempotencyKey,
      clientHash: meta.ip ? clientHash(meta.ip) : null,
      createdAt: now,
    },
    numbers,
    identityIds: numbers.map((n) => identities.get(n)!),
    source: channel === "web" ? "commenter" : "staff",
    pii,
    checkCode,
    notice: input.email
      ? {
          ...receiptNotice({ consultationTitle: c.title, receiptNo, checkCode, receivedAt, verifyLink }),
          to: input.email,
          kind: "receipt",
          dedupeKey: `receipt:${receiptNo}`,
        }
      : null,
  };
}

/** A comment entered by staff is audited in the transaction that stores it. */
function auditStaffEntry(tx: Parameters<typeof appendAudit>[0], id: number, p: Planned, staff: StaffEntryMeta, files: PreparedFile[]) {
  return appendAudit(tx, {
    actor: staff.actor,
    action: "comment.staff_entry",
    entityType: "comment",
    entityId: id,
    after: {
      consultationId: p.row.consultationId,
      receiptNo: p.row.receiptNo,
      channel: p.row.channel,
      receivedOn: shanghaiDate(p.row.receivedAt),
      postmarkedOn: staff.postmarkedAt ? shanghaiDate(staff.postmarkedAt) : null,
      lateReason: staff.lateReason ?? null,
      articles: p.numbers,
      files: files.map((f) => ({ filename: f.filename, sha256: f.sha256 })),
    },
    ip: staff.ip ?? null,
    at: p.row.createdAt,
  });
}
