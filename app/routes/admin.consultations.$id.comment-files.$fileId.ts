import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDownload, attachmentNotFound, getCommentAttachmentFile } from "~/features/comments/index.server";
import { canView } from "~/features/accounts";
import { getStaffConsultation } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";
import { requireUser } from "~/platform/permissions.server";

/** Any file sent with a comment, reviewed or not, for staff who may see the consultation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const c = await getStaffConsultation(db, idParam(params.id) ?? NaN);
  if (!c || !canView(user, c)) throw attachmentNotFound();
  return attachmentDownload(await getCommentAttachmentFile(db, c.id, idParam(params.fileId) ?? NaN, false), "private, no-store");
}
