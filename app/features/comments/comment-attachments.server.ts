import crypto from "node:crypto";
import path from "node:path";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { raw, type Db } from "~db/client.server";
import { commentAttachments, comments } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { blobStore, type StoredBlob } from "~/platform/blob-store.server";
import { fileDownloadResponse } from "~/platform/file-download.server";
import { safeFilename, sniffType } from "~/platform/file-type.server";
import { boundedZip } from "~/platform/zip-bounds.server";
import { COMMENT_FILE_MAX_BYTES, COMMENT_FILES_MAX, COMMENT_FILES_TOTAL_BYTES, COMMENT_FILE_TYPES_TEXT, SCAN_TYPES_TEXT } from "./comment-attachment-rules";

/** A checked file, ready to be written and recorded with its comment. */
export interface PreparedFile {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  storagePath: string;
  bytes: Buffer;
}

export type FileCheck = { ok: true; files: PreparedFile[] } | { ok: false; message: string };

const AGAIN = "您填写的文字已保留，但出于安全原因，浏览器不会保留已选的文件：请重新选择要上传的文件。";
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks the files sent with a comment: how many, how large, and what they are by their content
 * (magic bytes; a DOCX must also be a zip within bounds), never by their name or declared type.
 * `scan` is the staff's scanned letter: PDF or an image only.
 */
export async function checkCommentFiles(files: File[], options: { scan?: boolean } = {}): Promise<FileCheck> {
  if (files.length > COMMENT_FILES_MAX) return { ok: false, message: `最多上传 ${COMMENT_FILES_MAX} 个附件，您选择了 ${files.length} 个。${AGAIN}` };
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > COMMENT_FILES_TOTAL_BYTES) return { ok: false, message: `附件合计不能超过 ${mb(COMMENT_FILES_TOTAL_BYTES)}。${AGAIN}` };
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const shown = safeFilename(file.name, "").replace(/\.$/, "");
    if (file.size > COMMENT_FILE_MAX_BYTES)
      return { ok: false, message: `“${shown}”超过 ${mb(COMMENT_FILE_MAX_BYTES)}，每个附件不能超过 ${mb(COMMENT_FILE_MAX_BYTES)}。${AGAIN}` };
    const bytes = Buffer.from(await file.arrayBuffer());
    const type = sniffType(bytes);
    const allowed = options.scan ? ["pdf", "png", "jpg"] : ["pdf", "docx", "png", "jpg"];
    let ok = type !== null && allowed.includes(type.ext);
    if (ok && type!.ext === "docx") {
      try {
        boundedZip(bytes);
      } catch {
        ok = false;
      }
    }
    if (!ok || !type) {
      return {
        ok: false,
        message: `“${shown}”不是可接受的文件类型（系统按文件内容判断，而非扩展名）。请上传 ${
          options.scan ? SCAN_TYPES_TEXT : COMMENT_FILE_TYPES_TEXT
        }。${AGAIN}`,
      };
    }
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    prepared.push({
      filename: safeFilename(file.name, type.ext),
      mimeType: type.mime,
      size: bytes.length,
      sha256,
      storagePath: `${sha256}.${type.ext}`,
      bytes,
    });
  }
  return { ok: true, files: prepared };
}

/**
 * Writes the files outside public/, named by content hash, before the comment's transaction (which
 * holds database statements only). A file whose comment is then not stored is an unreferenced blob,
 * reused if the same file is sent again and otherwise removed by sweepUnreferencedCommentFiles.
 */
export async function writeCommentFiles(files: PreparedFile[]): Promise<void> {
  const store = blobStore("comment-attachments");
  for (const f of files) await store.put(f.storagePath, f.bytes);
}

/** A written file no comment refers to is kept this long, so that a comment still being stored keeps its files. */
export const UNREFERENCED_FILE_GRACE_MS = 24 * 3_600_000;

/**
 * Deletes stored files that no comment refers to (their comment failed to save, or a `.part` left
 * by a crash), once older than the grace period. Run daily by the scheduler; returns how many went.
 */
export async function sweepUnreferencedCommentFiles(db: Pick<Db, "select">, now = new Date()): Promise<number> {
  const store = blobStore("comment-attachments");
  const referenced = new Set((await db.select({ p: commentAttachments.storagePath }).from(commentAttachments)).map((r) => r.p));
  let removed = 0;
  for await (const blob of store.list()) {
    if (referenced.has(blob.key) || now.getTime() - blob.modifiedAt.getTime() < UNREFERENCED_FILE_GRACE_MS) continue;
    await store.delete(blob.key);
    removed++;
  }
  return removed;
}

export type CommentAttachmentRow = { id: number; commentId: number; filename: string; mimeType: string; size: number; isPublic: boolean };

const listColumns = {
  id: commentAttachments.id,
  commentId: commentAttachments.commentId,
  filename: commentAttachments.filename,
  mimeType: commentAttachments.mimeType,
  size: commentAttachments.size,
  isPublic: commentAttachments.isPublic,
};

/** Every attachment of these comments (staff views: moderation, register, packet), by comment. */
export async function attachmentsByComment(db: Db, commentIds: number[]): Promise<Map<number, CommentAttachmentRow[]>> {
  const out = new Map<number, CommentAttachmentRow[]>();
  for (let i = 0; i < commentIds.length; i += 500) {
    const rows = await db
      .select(listColumns)
      .from(commentAttachments)
      .where(inArray(commentAttachments.commentId, commentIds.slice(i, i + 500)))
      .orderBy(asc(commentAttachments.id));
    for (const r of rows) out.set(r.commentId, [...(out.get(r.commentId) ?? []), r]);
  }
  return out;
}

/** The public rule: only files a moderator marked public, on comments that were approved. */
export async function publicAttachmentsByComment(db: Db, commentIds: number[]): Promise<Map<number, CommentAttachmentRow[]>> {
  const out = new Map<number, CommentAttachmentRow[]>();
  for (let i = 0; i < commentIds.length; i += 500) {
    const rows = await db
      .select(listColumns)
      .from(commentAttachments)
      .innerJoin(comments, eq(comments.id, commentAttachments.commentId))
      .where(
        and(
          inArray(commentAttachments.commentId, commentIds.slice(i, i + 500)),
          eq(commentAttachments.isPublic, true),
          eq(comments.moderationStatus, "approved"),
          ne(comments.publishPreference, "private")
        )
      )
      .orderBy(asc(commentAttachments.id));
    for (const r of rows) out.set(r.commentId, [...(out.get(r.commentId) ?? []), r]);
  }
  return out;
}

/** A moderator's decision on one file; audited. The comment's own approval is decided apart. */
export function setAttachmentPublic(
  db: Db,
  consultationId: number,
  attachmentId: number,
  isPublic: boolean,
  actor: { id: number; label: string },
  now = new Date()
) {
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .select({
          id: commentAttachments.id,
          commentId: commentAttachments.commentId,
          filename: commentAttachments.filename,
          isPublic: commentAttachments.isPublic,
        })
        .from(commentAttachments)
        .innerJoin(comments, eq(comments.id, commentAttachments.commentId))
        .where(and(eq(commentAttachments.id, attachmentId), eq(comments.consultationId, consultationId)))
        .limit(1)
    )[0];
    if (!row) return false;
    await tx.update(commentAttachments).set({ isPublic, reviewedBy: actor.id, reviewedAt: now }).where(eq(commentAttachments.id, attachmentId));
    await appendAudit(tx, {
      actor,
      action: "comment.attachment_review",
      entityType: "comment",
      entityId: row.commentId,
      before: { attachment: row.filename, isPublic: row.isPublic },
      after: { attachment: row.filename, isPublic },
      at: now,
    });
    return true;
  });
}

/**
 * A comment attachment's file. `publicOnly`: only a public file of an approved comment (anyone);
 * otherwise any file of the consultation (staff who may see the consultation).
 */
export async function getCommentAttachmentFile(db: Db, consultationId: number, attachmentId: number, publicOnly: boolean) {
  if (!Number.isSafeInteger(attachmentId) || attachmentId <= 0) return undefined;
  const row = (
    await db
      .select({
        ...listColumns,
        sha256: commentAttachments.sha256,
        storagePath: commentAttachments.storagePath,
        status: comments.moderationStatus,
        preference: comments.publishPreference,
      })
      .from(commentAttachments)
      .innerJoin(comments, eq(comments.id, commentAttachments.commentId))
      .where(and(eq(commentAttachments.id, attachmentId), eq(comments.consultationId, consultationId)))
      .limit(1)
  )[0];
  if (!row) return undefined;
  if (publicOnly && !(row.isPublic && row.status === "approved" && row.preference !== "private")) return undefined;
  const blob = await blobStore("comment-attachments").get(path.basename(row.storagePath));
  return blob ? { row, blob } : undefined;
}

export const attachmentSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const NOT_FOUND = () => new Response("未找到该附件。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A download the browser may neither sniff nor render in our origin (as consultation attachments). */
export function attachmentDownload(found: Awaited<ReturnType<typeof getCommentAttachmentFile>>, cacheControl: string): Response {
  if (!found) throw NOT_FOUND();
  return fileDownloadResponse(found, cacheControl);
}

export { NOT_FOUND as attachmentNotFound };

export interface PacketFile {
  /** The comment's 序号 in the register (received order), so the legal office can find it. */
  no: number;
  receiptNo: string;
  filename: string;
  size: number;
  isPublic: boolean;
  /** The stored file; null when it is missing (reported in the list, not hidden). */
  blob: StoredBlob | null;
}

/** Every file of every comment of a consultation, numbered as the internal register numbers comments. */
export async function packetFiles(db: Db, consultationId: number): Promise<PacketFile[]> {
  const rows = (await raw(db).all(
    `SELECT r.no, r.receipt_no AS "receiptNo", f.filename, f.size, f.is_public AS "isPublic", f.storage_path AS "storagePath"
       FROM (SELECT c.id, c.receipt_no, ROW_NUMBER() OVER (ORDER BY c.received_at, c.id) AS no FROM comments c WHERE c.consultation_id = ?) r
       JOIN comment_attachments f ON f.comment_id = r.id
       ORDER BY r.no, f.id`,
    consultationId
  )) as Array<{ no: number; receiptNo: string; filename: string; size: number; isPublic: number; storagePath: string }>;
  const store = blobStore("comment-attachments");
  const files: PacketFile[] = [];
  for (const r of rows) {
    const blob = await store.get(path.basename(r.storagePath));
    files.push({ no: r.no, receiptNo: r.receiptNo, filename: r.filename, size: r.size, isPublic: r.isPublic === 1, blob });
  }
  return files;
}
