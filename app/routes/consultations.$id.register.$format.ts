import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicConsultation } from "~/features/consultations/index.server";
import { publicRegisterDownload } from "~/features/packet/index.server";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";

/**
 * The public register of a consultation's comments (公开版意见登记表) as CSV or XLSX: what its page
 * already shows — approved comments, redacted, named only by choice — in a table to download.
 * Nothing where the department chose not to show comments.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const db = getDb();
  const id = idParam(params.id);
  const c = id ? await getPublicConsultation(db, id) : undefined;
  const format = params.format;
  if (!c || !c.showComments || (format !== "csv" && format !== "xlsx")) throw new Response("Not Found", { status: 404 });
  return publicRegisterDownload(db, { id: c.id, title: c.title, feedbackPublished: c.status === "feedback_published" }, format);
}
