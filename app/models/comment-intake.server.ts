import { data, redirect } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { getDb } from "~/utils/db.server";
import { formValues, parseForm } from "~/utils/forms";
import { hit } from "~/utils/rate-limit.server";
import { retryWhileBusy, STORAGE_MESSAGES, storageProblem, UNEXPECTED_STORAGE_MESSAGE } from "~/utils/db-errors.server";
import { CommentSchema } from "./comment-schema";
import { clientHash, submitComment } from "./comment.server";

const TEN_MINUTES = 10 * 60_000;

export type CommentFormReply = { errors: Record<string, string>; values: Record<string, string> };

export type CommentFormOutcome =
  | { kind: "receipt"; location: string }
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
export async function processCommentForm(form: FormData | URLSearchParams, clientIp: string, consultationId: number): Promise<CommentFormOutcome> {
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
    result = await retryWhileBusy(() => submitComment(getDb(), consultationId, parsed.data, { ip: clientIp }));
  } catch (error) {
    // The transaction rolled back: nothing was stored, and the person is told so, text in hand.
    const problem = storageProblem(error);
    if (!problem) {
      console.error("[zhengqiu] comment not stored (unexpected error):", error);
      return fail(500, { form: UNEXPECTED_STORAGE_MESSAGE }, values);
    }
    console.warn(`[zhengqiu] comment not stored (${problem}): ${(error as Error).message}`);
    return fail(503, { form: STORAGE_MESSAGES[problem] }, values);
  }
  if (!result.ok) return fail(result.status, { [result.field]: result.message }, values);
  const params = new URLSearchParams({ receipt: result.receiptNo, code: result.checkCode, new: "1" });
  return { kind: "receipt", location: `/status?${params}` };
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
    outcome = await processCommentForm(form, context.clientIp, consultationId);
  }
  if (outcome.kind === "receipt") return redirect(outcome.location, 303);
  return data<CommentFormReply>(outcome.reply, { status: outcome.status });
}
