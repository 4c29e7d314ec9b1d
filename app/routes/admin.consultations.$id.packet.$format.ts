import type { LoaderFunctionArgs } from "@remix-run/node";
import { getStaffConsultation } from "~/features/consultations/index.server";
import { getLegalReview, isPacketFormat, packetDownload } from "~/features/packet/index.server";
import { canOpenPacket } from "~/features/accounts";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";
import { requireUser } from "~/platform/permissions.server";

/**
 * The packet's files, with the original comments and their authors: the same right as the packet
 * page (drafting division, reviewers, the legal office once submitted), checked on every download.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const c = await getStaffConsultation(db, idParam(params.id) ?? NaN);
  if (!c || !isPacketFormat(params.format)) throw new Response("Not Found", { status: 404 });
  if (!canOpenPacket(user, c, (await getLegalReview(db, c.id)) !== undefined)) {
    throw new Response("您没有下载该材料的权限。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return packetDownload(db, c, params.format);
}
