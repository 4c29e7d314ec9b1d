import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CommentStatusView, ForgetReceiptForm } from "~/ui/comment-status-view";
import { FormError, TextField } from "~/ui/field";
import { ReceiptLookupSchema } from "~/features/comments";
import {
  clearReceiptViewCookie,
  clientHash,
  type CommentStatus,
  lookupComment,
  readReceiptView,
  RECEIPT_VIEW_SECONDS,
  receiptViewCookie,
  setNotifyResult,
} from "~/features/comments/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { formValues, parseForm } from "~/platform/forms";
import { hit } from "~/platform/rate-limit.server";

// The page shows a comment's status and its check code: never cached, and its address is not passed
// to other sites. (Not `no-referrer`: with it the browser sends `Origin: null` on the page's own POST
// forms, which Remix refuses as cross-site.)
const NO_STORE = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
export const headers = () => NO_STORE;

export const meta: MetaFunction = () => [{ title: "意见处理情况查询 - 征求意见平台" }, { name: "robots", content: "noindex" }];

type Reply = { values: Record<string, string>; errors: Record<string, string> };

const PROBLEMS = {
  format: "回执编号或查询码格式不正确，请核对后重新输入。",
  notfound: "回执编号或查询码不正确，请核对后重新输入。",
  limited: "查询过于频繁，请稍后再试。",
} as const;
type Problem = keyof typeof PROBLEMS;

/** Checks a number and code; on success the Set-Cookie that shows the receipt on GET /status. */
async function check(
  receipt: string,
  code: string,
  clientIp: string
): Promise<{ cookie: string } | { problem: Problem; errors: Record<string, string>; status: number }> {
  const parsed = parseForm(ReceiptLookupSchema, new URLSearchParams({ receipt, code }));
  if (!parsed.ok) return { problem: "format", errors: parsed.errors, status: 400 };
  const wait = await hit(`lookup:${clientHash(clientIp)}`, { limit: env().LOOKUP_LIMIT_PER_IP, windowMs: 10 * 60_000 });
  if (wait > 0) return { problem: "limited", errors: { form: `查询过于频繁，请 ${Math.ceil(wait / 60_000)} 分钟后再试。` }, status: 429 };
  if (!(await lookupComment(getDb(), parsed.data.receipt, parsed.data.code))) return { problem: "notfound", errors: { form: PROBLEMS.notfound }, status: 404 };
  return { cookie: receiptViewCookie({ receiptNo: parsed.data.receipt, code: parsed.data.code, fresh: false }) };
}

const toStatusPage = (setCookie: string) => redirect("/status", { status: 303, headers: { ...NO_STORE, "Set-Cookie": setCookie } });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  // A link with the code in it (from a receipt mail sent before codes left URLs): the code moves
  // into the cookie at once, and the address the browser keeps is plain /status.
  if (params.has("code")) {
    const receipt = params.get("receipt") ?? "";
    const result = await check(receipt, params.get("code") ?? "", context.clientIp);
    if ("cookie" in result) return toStatusPage(result.cookie);
    const kept = /^ZQ\d{8}-[0-9A-Z]{6}$/i.test(receipt.trim()) ? `receipt=${encodeURIComponent(receipt.trim())}&` : "";
    return redirect(`/status?${kept}problem=${result.problem}`, { status: 303, headers: NO_STORE });
  }
  const view = readReceiptView(request.headers.get("Cookie"));
  // A mail's link for another receipt than the one on view asks for that receipt's code.
  const asked = params.get("receipt")?.trim().toUpperCase();
  const status = view && (!asked || asked === view.receiptNo) ? await lookupComment(getDb(), view.receiptNo, view.code) : null;
  if (view && status) return { status, code: view.code, fresh: view.fresh, viewMinutes: RECEIPT_VIEW_SECONDS / 60, values: {}, errors: {} };
  const problem = params.get("problem");
  const errors = problem && problem in PROBLEMS ? { form: PROBLEMS[problem as Problem] } : {};
  return { status: null, code: "", fresh: false, viewMinutes: 0, values: { receipt: params.get("receipt") ?? "" }, errors };
}

// A POST form: the code goes in the request body, never into the address the browser keeps.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => new FormData());
  if (form.get("intent") === "forget") return toStatusPage(clearReceiptViewCookie());
  if (form.get("intent") === "follow") {
    // Only for the receipt this browser has open: the cookie carries its number and code.
    const view = readReceiptView(request.headers.get("Cookie"));
    const follow = form.get("follow");
    if (!view || !(await lookupComment(getDb(), view.receiptNo, view.code))) {
      return data<Reply>({ values: {}, errors: { form: "查看已结束，请重新输入回执编号和查询码。" } }, { status: 403, headers: NO_STORE });
    }
    if (follow !== "on" && follow !== "off") return data<Reply>({ values: {}, errors: { form: "关注选项无效，请重试。" } }, { status: 400, headers: NO_STORE });
    await setNotifyResult(getDb(), view.receiptNo, follow === "on");
    return redirect("/status", { status: 303, headers: NO_STORE });
  }
  const values = formValues(form, ["intent"]);
  const result = await check(values.receipt ?? "", values.code ?? "", context.clientIp);
  if ("cookie" in result) return toStatusPage(result.cookie);
  return data<Reply>({ values, errors: result.errors }, { status: result.status, headers: NO_STORE });
}

export default function StatusPage() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (loaded.status) return <StatusView status={loaded.status} code={loaded.code} fresh={loaded.fresh} viewMinutes={loaded.viewMinutes} />;
  const values: Record<string, string | undefined> = reply?.values ?? loaded.values;
  const errors: Record<string, string | undefined> = reply?.errors ?? loaded.errors;
  return (
    <div className="form">
      <h1>意见处理情况查询</h1>
      <p>请输入提交意见后获得的回执编号和查询码（见回执页面或回执邮件）。</p>
      <FormError message={errors.form} />
      <Form method="post">
        <TextField
          label="回执编号"
          name="receipt"
          required
          maxLength={20}
          defaultValue={values.receipt}
          error={errors.receipt}
          hint="例如 ZQ20261126-7K3M9Q"
          autoComplete="off"
        />
        <TextField label="查询码" name="code" required maxLength={10} defaultValue={values.code} error={errors.code} autoComplete="off" />
        <button type="submit" className="button">
          查询
        </button>
      </Form>
    </div>
  );
}

function StatusView({ status, code, fresh, viewMinutes }: { status: CommentStatus; code: string; fresh: boolean; viewMinutes: number }) {
  return (
    <CommentStatusView status={status} code={code} fresh={fresh}>
      <h2>在公共电脑上</h2>
      <p>本页在这台电脑上只显示 {viewMinutes} 分钟，网址中不含查询码。查看完毕请点击“结束查看”，之后需重新输入回执编号和查询码才能查看。</p>
      <ForgetReceiptForm />
    </CommentStatusView>
  );
}
