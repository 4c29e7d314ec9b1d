import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/ui/field";
import { CommentStatusView } from "~/ui/comment-status-view";
import { commentStatusByToken, setNotifyResult } from "~/features/comments/index.server";
import { getDb } from "~/platform/db.server";

// The link in a notice: the receipt number with a token the server signed, so the page opens with
// the status at once. It never shows the check code, and is neither cached nor passed on.
const NO_STORE = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
export const headers = () => NO_STORE;

export const meta: MetaFunction = () => [{ title: "意见处理情况 - 征求意见平台" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const status = await commentStatusByToken(getDb(), params.receiptNo ?? "", params.token ?? "");
  return { status };
}

/** Following the comment, or no longer, from the notice's link (a POST: a mail scanner's prefetch changes nothing). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => new FormData());
  const status = await commentStatusByToken(getDb(), params.receiptNo ?? "", params.token ?? "");
  const follow = form.get("follow");
  if (!status || form.get("intent") !== "follow" || (follow !== "on" && follow !== "off"))
    return data({ error: "链接无效或操作无效，未作任何处理。" }, { status: 400, headers: NO_STORE });
  await setNotifyResult(getDb(), status.receiptNo, follow === "on");
  return redirect(new URL(request.url).pathname, { status: 303, headers: NO_STORE });
}

export default function StatusFromNotice() {
  const { status } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (!status) {
    return (
      <div className="alert error" role="alert">
        <h1>链接无效</h1>
        <p>
          该查询链接不完整或已被改动。请从通知邮件中重新打开完整的链接，或凭回执编号和查询码<Link to="/status">查询处理情况</Link>。
        </p>
      </div>
    );
  }
  return (
    <>
      <FormError message={reply?.error} />
      <CommentStatusView status={status} />
    </>
  );
}
