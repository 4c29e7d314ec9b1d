import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachmentFile, getStaffConsultation } from "~/features/consultations/index.server";
import { PUBLIC_STATUSES } from "~/features/consultations";
import { canView } from "~/features/accounts";
import { getDb } from "~/platform/db.server";
import { getSessionUser } from "~/platform/session.server";
import { fileDownloadResponse } from "~/platform/file-download.server";
import { idParam } from "~/platform/params";

/** Serves an attachment as a download that the browser may neither sniff nor render in our origin. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const c = await getStaffConsultation(db, idParam(params.id) ?? NaN);
  if (!c) throw new Response("未找到该附件。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const isPublic = PUBLIC_STATUSES.includes(c.status);
  if (!isPublic) {
    const user = await getSessionUser(request);
    if (!user || !canView(user, c)) throw new Response("未找到该附件。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const found = await getAttachmentFile(db, c.id, idParam(params.attachmentId) ?? NaN);
  if (!found) throw new Response("未找到该附件。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return fileDownloadResponse(found, isPublic ? "public, max-age=3600" : "private, no-store");
}
