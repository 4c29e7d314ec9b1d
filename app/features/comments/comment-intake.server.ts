import crypto from "node:crypto";
import { data, redirect } from "@remix-run/node";
import { env } from "~/platform/env.server";
import { shanghaiDate } from "~/platform/periods";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { hitHere, wouldExceed } from "~/platform/rate-limit.server";
import { retryWhileBusy, STORAGE_MESSAGES, storageProblem, UNEXPECTED_STORAGE_MESSAGE } from "~/platform/db-errors.server";
import { FormReadError, readForm } from "~/platform/multipart.server";
import { checkCommentFiles, writeCommentFiles } from "./comment-attachments.server";
import { CommentSchema } from "./comment-schema";
import { batcher } from "~/platform/batcher";
import { clientHash, type IntakeResult, submitComments, type Submission, tooOftenMessage } from "./comment.server";
import { receiptViewCookie } from "./receipt-view.server";

const TEN_MINUTES = 10 * 60_000;
// Attempts of any kind (refused ones included) an address may make per comment it may submit:
// room for a person's mistakes, not for a flood that costs parsing and validation. Counted by each
// instance for itself (a flood guard); the comments an address may submit are counted by all together.
const ATTEMPTS_PER_COMMENT = 5;

export type CommentFormReply = { errors: Record<string, string>; values: Record<string, string> };

export type CommentFormOutcome = { kind: "receipt"; location: string; setCookie: string } | { kind: "reply"; status: number; reply: CommentFormReply };

const fail = (status: number, errors: Record<string, string>, values: Record<string, string>): CommentFormOutcome => ({
  kind: "reply",
  status,
  reply: { errors, values },
});

/** Over a limit: when to try again, the text kept. */
const tooOften = (waitMs: number, values: Record<string, string>): CommentFormOutcome => fail(429, { form: tooOftenMessage(waitMs) }, values);

/**
 * The public comment form's processing: per-address limits, bot trap and validation, then one
 * transaction that stores the comment and queues its receipt. Success is the receipt page's
 * address; every failure is a message with everything the person typed. Called by the route's
 * action, and by the server's fast path for url-encoded posts (docs/decisions/0008-intake-fast-path.md).
 *
 * Limits are per client address only, so that nothing one sender does can refuse anyone else
 * (docs/decisions/0012-per-address-comment-limits.md): every attempt counts toward a generous
 * ceiling that stops junk floods, and only a stored comment spends the address's comment quota,
 * counted in the transaction that stores it (docs/decisions/0047).
 */
export async function processCommentForm(form: FormData | URLSearchParams, clientIp: string, consultationId: number): Promise<CommentFormOutcome> {
  // Not a submission: a link on the page, without JavaScript, carried the form's text along
  // (app/ui/keep-form.tsx). Nothing is checked, counted or stored; the text comes back.
  if (form.has("intent")) return { kind: "reply", status: 200, reply: { errors: {}, values: formValues(form, ["website", "intent"]) } };
  const values = formValues(form, ["website"]);
  const e = env();
  const ipKey = clientHash(clientIp);
  const quota = { key: `comment:accepted:${ipKey}`, rule: { limit: e.COMMENT_LIMIT_PER_IP, windowMs: TEN_MINUTES } };
  // Attempts are counted by this instance alone: no database statement for a flood to cost.
  const wait = await hitHere(`comment:attempts:${ipKey}`, { limit: e.COMMENT_LIMIT_PER_IP * ATTEMPTS_PER_COMMENT, windowMs: TEN_MINUTES });
  if (wait > 0) return tooOften(wait, values);
  if (!form.get("idempotencyKey")) form.set("idempotencyKey", derivedFormKey(form, clientIp, consultationId));
  const parsed = parseForm(CommentSchema, form, { omitFromValues: ["website"] });
  if (!parsed.ok) return fail(400, parsed.errors, values);
  const checked = await checkCommentFiles(chosenFiles(form, "files"));
  if (!checked.ok) return fail(400, { files: checked.message }, values);
  let result: IntakeResult;
  try {
    // Files are written before the comment's transaction: not for an address whose quota is already spent.
    const over = checked.files.length ? await wouldExceed(quota.key, quota.rule) : 0;
    if (over > 0) return tooOften(over, values);
    await writeCommentFiles(checked.files);
    const submission: Submission = { consultationId, input: parsed.data, meta: { ip: clientIp, files: checked.files }, quota };
    result = await retryWhileBusy(() => submitTogether(submission));
  } catch (error) {
    // The transaction rolled back: nothing was stored or counted, and the person is told so, text in hand.
    return storageFailure(error, values);
  }
  if (!result.ok) {
    // A key that is not this person's to reuse: the page renders a fresh one with their text.
    const { idempotencyKey: _taken, ...rest } = values;
    return fail(result.status, { [result.field]: result.message }, result.renewKey ? rest : values);
  }
  // The check code goes into a short-lived cookie, never into the URL (see receipt-view.server.ts).
  return { kind: "receipt", location: "/status", setCookie: receiptViewCookie({ receiptNo: result.receiptNo, code: result.checkCode, fresh: true }) };
}

/**
 * Comments sent at the same moment are stored together, a batch per transaction (group commit, decision
 * 0042): each is checked and answered as if alone. When the database is in trouble the batch fails, and
 * each person is told with their text kept; any other failure is run again comment by comment, so it is
 * only the one comment's. One batch in flight per instance: the next gathers while it is written, and
 * under a rush for 3 ms more (decision 0047), so that instances sharing a rush still make batches worth a
 * transaction. A comment that arrives alone goes at once.
 */
const submitTogether = batcher((batch: Submission[]) => submitComments(getDb(), batch), {
  maxItems: 32,
  concurrency: 1,
  gatherMs: 3,
  // A comment the database refuses for itself fails alone; a database in trouble fails the batch at once.
  isolate: (error) => storageProblem(error) === null,
});

/**
 * The key of a form sent without one: a page without JavaScript, whose HTML (shared by a cache) carries
 * no key of its own (docs/decisions/0041). Made from what was sent and who sent it, on this day: a double
 * click or a resubmission of the same form gives the same key, so one comment and the same receipt; two
 * people, or one person's two different comments, give two keys. Keyed with the server's secret.
 */
function derivedFormKey(form: FormData | URLSearchParams, clientIp: string, consultationId: number): string {
  const field = (name: string) =>
    String(form.get(name) ?? "")
      .normalize("NFKC")
      .trim();
  const sent = [
    consultationId,
    clientIp,
    shanghaiDate(new Date()),
    field("body"),
    field("name"),
    field("organisation"),
    field("email").toLowerCase(),
    form.getAll("articles").join(","),
  ];
  return `f${crypto.createHmac("sha256", env().SESSION_SECRET).update(JSON.stringify(sent)).digest("base64url").slice(0, 40)}`;
}

/** Nothing was stored: 503 for the database's trouble (full, busy, unreachable), 500 for anything else; the text kept either way. */
function storageFailure(error: unknown, values: Record<string, string>): CommentFormOutcome {
  const problem = storageProblem(error);
  if (!problem) {
    console.error("[zhengqiu] comment not stored (unexpected error):", error);
    return fail(500, { form: UNEXPECTED_STORAGE_MESSAGE }, values);
  }
  console.warn(`[zhengqiu] comment not stored (${problem}): ${(error as Error).message}`);
  return fail(503, { form: STORAGE_MESSAGES[problem] }, values);
}

/** The files chosen in a multiple file input (browsers send one empty part when none was chosen). */
export function chosenFiles(form: FormData | URLSearchParams, name: string): File[] {
  if (form instanceof URLSearchParams) return [];
  return form.getAll(name).filter((v): v is File => v instanceof File && v.size > 0 && v.name !== "");
}

/** The route's action: uses the fast path's outcome when it already processed the form. */
export async function handleCommentPost(request: Request, context: { clientIp: string; commentOutcome?: CommentFormOutcome }, consultationId: number) {
  let outcome = context.commentOutcome;
  if (!outcome) {
    let form: FormData;
    try {
      // Multipart when files are attached; the fast path has already handled url-encoded posts.
      form = await readForm(request);
    } catch (error) {
      if (error instanceof FormReadError) return data<CommentFormReply>({ errors: { form: error.message }, values: {} }, { status: error.status });
      return data<CommentFormReply>({ errors: { form: "提交的内容无法识别，请刷新页面后重新提交。" }, values: {} }, { status: 400 });
    }
    outcome = await processCommentForm(form, context.clientIp, consultationId);
  }
  if (outcome.kind === "receipt") {
    return redirect(outcome.location, { status: 303, headers: { "Set-Cookie": outcome.setCookie, "Cache-Control": "private, no-store" } });
  }
  return data<CommentFormReply>(outcome.reply, { status: outcome.status });
}
