import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDownload, attachmentNotFound, getCommentAttachmentFile } from "~/features/comments/index.server";
import { getPublicConsultation } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";

/** A commenter's file, for anyone: only one a moderator marked public, on an approved, shown comment. */
export async function loader({ params }: LoaderFunctionArgs) {
  const db = getDb();
  const c = await getPublicConsultation(db, idParam(params.id) ?? NaN);
  if (!c || !c.showComments) throw attachmentNotFound();
  // Not cached by shared caches: a moderator may take the file back.
  return attachmentDownload(await getCommentAttachmentFile(db, c.id, idParam(params.fileId) ?? NaN, true), "no-cache");
}
