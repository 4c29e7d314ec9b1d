import { data, redirect } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm } from "~/utils/forms";
import { hit } from "~/utils/rate-limit.server";
import { STORAGE_MESSAGES, storageProblem } from "~/utils/db-errors.server";
import { CommentSchema } from "./comment-schema";
import { clientHash, submitComment } from "./comment.server";
import { receiptViewCookie } from "./receipt-view.server";

const TEN_MINUTES = 10 * 60_000;

export type CommentFormReply = { errors: Record<string, string>; values: Record<string, string> };

export type CommentFormOutcome =
  | { kind: "receipt"; location: string; setCookie: string }
  | { kind: "reply"; status: number; reply: CommentFormReply };

const fail = (status: number, errors: Record<string, string>, values: Record<string, string>): CommentFormOutcome => ({
  kind: "reply",
  status,
  reply: { errors, values },
});

/**
 * The public comment form's processing: bot trap, rate limits, validation, then one transaction
 * that stores the comment and queues its receipt. Success is the receipt page's address; every
 * failure is a message with everything the person typed. Called by the route's action, and by
 * the server's fast path for url-encoded posts (see docs/decisions/0008-intake-fast-path.md).
 */
export function processCommentForm(form: FormData | URLSearchParams, clientIp: string, consultationId: number): CommentFormOutcome {
  const values = formValues(form, ["website"]);
  const e = env();
  const ipKey = clientHash(clientIp);
  const waitIp = hit(`comment:ip:${ipKey}`, { limit: e.COMMENT_LIMIT_PER_IP, windowMs: TEN_MINUTES });
  const waitAll = hit(`comment:consultation:${consultationId}`, { limit: e.COMMENT_LIMIT_PER_CONSULTATION, windowMs: 60_000 });
  const wait = Math.max(waitIp, waitAll);
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60_000));
    return fail(429, { form: `提交过于频繁，请 ${minutes} 分钟后再提交。您填写的内容已保留在下方。` }, values);
  }
  const parsed = parseForm(CommentSchema, form, { omitFromValues: ["website"] });
  if (!parsed.ok) return fail(400, parsed.errors, values);
  let result: ReturnType<typeof submitComment>;
  try {
    result = submitComment(getDb(), consultationId, parsed.data, { ip: clientIp });
  } catch (error) {
    // The transaction rolled back: nothing was stored, and the person is told so, text in hand.
    const problem = storageProblem(error);
    if (!problem) throw error;
    console.warn(`[zhengqiu] comment not stored (${problem}): ${(error as Error).message}`);
    return fail(503, { form: STORAGE_MESSAGES[problem] }, values);
  }
  if (!result.ok) {
    // A key that is not this person's to reuse: the page renders a fresh one with their text.
    const { idempotencyKey: _taken, ...rest } = values;
    return fail(result.status, { [result.field]: result.message }, result.renewKey ? rest : values);
  }
  // The check code goes into a short-lived cookie, never into the URL (see receipt-view.server.ts).
  return { kind: "receipt", location: "/status", setCookie: receiptViewCookie({ receiptNo: result.receiptNo, code: result.checkCode, fresh: true }) };
}

/** The route's action: uses the fast path's outcome when it already processed the form. */
export async function handleCommentPost(request: Request, context: { clientIp: string; commentOutcome?: CommentFormOutcome }, consultationId: number) {
  let outcome = context.commentOutcome;
  if (!outcome) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return data<CommentFormReply>({ errors: { form: "提交的内容无法识别，请刷新页面后重新提交。" }, values: {} }, { status: 400 });
    }
    outcome = processCommentForm(form, context.clientIp, consultationId);
  }
  if (outcome.kind === "receipt") {
    return redirect(outcome.location, { status: 303, headers: { "Set-Cookie": outcome.setCookie, "Cache-Control": "private, no-store" } });
  }
  return data<CommentFormReply>(outcome.reply, { status: outcome.status });
}
