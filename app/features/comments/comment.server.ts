import type { Db } from "~db/client.server";
import { UNIQUE_GUARDED_TRANSACTION } from "~db/dialect-sql";
import { type Channel, commentAttachments, type consultations } from "~db/schema";
import { sha256Hex } from "~/platform/crypto.server";
import { env } from "~/platform/env.server";
import { formatDateTime } from "~/platform/dates";
import { shanghaiDate } from "~/platform/periods";
import { sanitizeLine, sanitizeUserText } from "~/platform/text";
import { appendAudit } from "~/platform/audit.server";
import { type CommentSchema, DEPARTMENT_IDENTITY } from "./comment-schema";
import { publicPhase } from "~/features/consultations";
import { FALLBACK_IDENTITY_CATEGORIES } from "./identity-categories.server";
import { screenComment } from "./publication-screen.server";
import { intakeStatements } from "./comment-statements.server";
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

/**
 * Stores a comment and queues its receipt in one transaction, after checking at this very instant
 * that the consultation is open (for staff entry: that the record is still open and the dates fit
 * the period, see staff-entry-rules.ts; each staff entry is audited). A form submitted twice (same
 * idempotency key, same text, same sender) gets the first receipt back instead of a second comment;
 * anyone else presenting that key gets an error, never the first person's receipt.
 */
export function submitComment(
  db: Db,
  consultationId: number,
  input: CommentInput,
  meta: { now?: Date; ip?: string; channel?: Channel; receivedAt?: Date; staff?: StaffEntryMeta; files?: PreparedFile[] } = {}
): Promise<IntakeResult> {
  const now = meta.now ?? new Date();
  const channel = meta.channel ?? "web";
  return db.transaction(
    async (tx) => {
      const q = intakeStatements(tx);
      const context = await q.context(consultationId, input.idempotencyKey);
      const existing = context.existing;
      if (existing) {
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
      const row = context.consultation;
      if (!row) return { ok: false, field: "form", message: "未找到该征求意见。", status: 404 };
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

      const versionId = context.versionId;
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
      const { id } = await q.insertComment({
        consultationId,
        versionId,
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
      });
      if (numbers.length)
        await q.insertArticles(
          id,
          numbers.map((n) => identities.get(n)!),
          channel === "web" ? "commenter" : "staff"
        );
      for (const m of pii) await q.insertRedaction(id, m.kind, m.start, m.end, m.field);
      // Files are already written (writeCommentFiles); each starts not public, for a moderator to decide.
      for (const f of meta.files ?? []) {
        await tx
          .insert(commentAttachments)
          .values({ commentId: id, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256, storagePath: f.storagePath, createdAt: now });
      }
      if (meta.staff) {
        await appendAudit(tx, {
          actor: meta.staff.actor,
          action: "comment.staff_entry",
          entityType: "comment",
          entityId: id,
          after: {
            consultationId,
            receiptNo,
            channel,
            receivedOn: shanghaiDate(receivedAt),
            postmarkedOn: meta.staff.postmarkedAt ? shanghaiDate(meta.staff.postmarkedAt) : null,
            lateReason: meta.staff.lateReason ?? null,
            articles: numbers,
            files: (meta.files ?? []).map((f) => ({ filename: f.filename, sha256: f.sha256 })),
          },
          ip: meta.staff.ip ?? null,
          at: now,
        });
      }
      if (input.email) {
        const verifyLink = row.requireEmailVerification ? `${env().PUBLIC_URL}/verify/${receiptNo}/${verificationToken(receiptNo)}` : undefined;
        await queueNotice(
          tx,
          {
            ...receiptNotice({ consultationTitle: c.title, receiptNo, checkCode, receivedAt, verifyLink }),
            to: input.email,
            kind: "receipt",
            dedupeKey: `receipt:${receiptNo}`,
          },
          now
        );
      }
      return { ok: true, receiptNo, checkCode, duplicate: false };
    },
    // Two submissions with one key: the second finds the first (unique key, run again on PostgreSQL).
    UNIQUE_GUARDED_TRANSACTION
  );
}
