import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOutboxRow } from "~/features/notices/index.server";
import { mailDomain, rawMessage } from "~/platform/mailer.server";
import { getDb } from "~/platform/db.server";
import { requireRole } from "~/platform/permissions.server";

/** The message as the transport would send it, for an admin to open in a mail program. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const row = await getOutboxRow(getDb(), Number(params.id));
  if (!row) throw new Response("未找到该邮件。", { status: 404 });
  try {
    const raw = await rawMessage({
      id: row.id,
      kind: row.kind,
      messageId: row.messageId ?? `<zq.${row.id}.unsent@${mailDomain()}>`,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      headers: row.headers,
    });
    return new Response(new Uint8Array(raw), {
      headers: {
        "Content-Type": "message/rfc822",
        "Content-Disposition": `attachment; filename="zhengqiu-${row.id}.eml"`,
        "Cache-Control": "no-store",
      },
    });
  } catch {
    throw new Response("该邮件的收件地址无效，无法生成 .eml 文件。", { status: 422 });
  }
}
