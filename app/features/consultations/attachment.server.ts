import crypto from "node:crypto";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { attachments } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { blobStore } from "~/platform/blob-store.server";
import { ALLOWED_TYPES_TEXT, safeFilename, sniffType } from "~/platform/file-type.server";
import { MAX_FILE_BYTES } from "~/platform/multipart.server";

export class AttachmentError extends Error {}

const MAX_PER_CONSULTATION = 20;

export function listAttachments(db: Db, consultationId: number) {
  return db
    .select({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.consultationId, consultationId))
    .orderBy(asc(attachments.id));
}

/** Stores an upload outside public/, named by its content hash, after checking what it really is. */
export async function saveAttachment(db: Db, consultationId: number, file: File, actor: { id: number; displayName: string }) {
  if (file.size > MAX_FILE_BYTES) throw new AttachmentError("附件不能超过 20 MB。");
  if ((await listAttachments(db, consultationId)).length >= MAX_PER_CONSULTATION) {
    throw new AttachmentError(`每个征求意见最多 ${MAX_PER_CONSULTATION} 个附件。`);
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = sniffType(bytes);
  if (!type) throw new AttachmentError(`不支持该文件类型（系统按文件内容判断，而非扩展名）。请上传 ${ALLOWED_TYPES_TEXT}。`);
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storagePath = `${sha256}.${type.ext}`;
  await blobStore("attachments").put(storagePath, bytes);
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .insert(attachments)
        .values({
          consultationId,
          filename: safeFilename(file.name, type.ext),
          mimeType: type.mime,
          size: bytes.length,
          sha256,
          storagePath,
          uploadedBy: actor.id,
        })
        .returning()
    )[0];
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "attachment.add",
      entityType: "consultation",
      entityId: consultationId,
      after: { filename: row.filename, sha256 },
    });
    return row;
  });
}

export async function removeAttachment(db: Db, consultationId: number, attachmentId: number, actor: { id: number; displayName: string }) {
  await db.transaction(async (tx) => {
    const row = (
      await tx
        .select()
        .from(attachments)
        .where(and(eq(attachments.id, attachmentId), eq(attachments.consultationId, consultationId)))
        .limit(1)
    )[0];
    if (!row) throw new AttachmentError("附件不存在。");
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "attachment.remove",
      entityType: "consultation",
      entityId: consultationId,
      before: { filename: row.filename, sha256: row.sha256 },
    });
  });
}

export async function getAttachmentFile(db: Db, consultationId: number, attachmentId: number) {
  const row = (
    await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.consultationId, consultationId)))
      .limit(1)
  )[0];
  if (!row) return undefined;
  const blob = await blobStore("attachments").get(path.basename(row.storagePath));
  return blob ? { row, blob } : undefined;
}
