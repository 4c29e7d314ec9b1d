import { data, redirect } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm } from "~/utils/forms";
import { hit } from "~/utils/rate-limit.server";
import { CommentSchema } from "./comment-schema";
import { clientHash, submitComment } from "./comment.server";

const TEN_MINUTES = 10 * 60_000;

export type CommentFormReply = { errors: Record<string, string>; values: Record<string, string> };

const reply = (status: number, errors: Record<string, string>, values: Record<string, string>) =>
  data<CommentFormReply>({ errors, values }, { status });

/**
 * The public comment form's POST: bot trap, rate limits, validation, then one transaction that
 * stores the comment and queues its receipt. Success redirects to the receipt page; every
 * failure answers with a message and everything the person typed.
 */
export async function handleCommentPost(request: Request, clientIp: string, consultationId: number) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply(400, { form: "提交的内容无法识别，请刷新页面后重新提交。" }, {});
  }
  const values = formValues(form, ["website"]);
  const e = env();
  const ipKey = clientHash(clientIp);
  const waitIp = hit(`comment:ip:${ipKey}`, { limit: e.COMMENT_LIMIT_PER_IP, windowMs: TEN_MINUTES });
  const waitAll = hit(`comment:consultation:${consultationId}`, { limit: e.COMMENT_LIMIT_PER_CONSULTATION, windowMs: 60_000 });
  const wait = Math.max(waitIp, waitAll);
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60_000));
    return reply(429, { form: `提交过于频繁，请 ${minutes} 分钟后再提交。您填写的内容已保留在下方。` }, values);
  }
  const parsed = parseForm(CommentSchema, form, { omitFromValues: ["website"] });
  if (!parsed.ok) return reply(400, parsed.errors, values);
  const result = submitComment(getDb(), consultationId, parsed.data, { ip: clientIp });
  if (!result.ok) return reply(result.status, { [result.field]: result.message }, values);
  const params = new URLSearchParams({ receipt: result.receiptNo, code: result.checkCode, new: "1" });
  return redirect(`/status?${params}`, 303);
}
