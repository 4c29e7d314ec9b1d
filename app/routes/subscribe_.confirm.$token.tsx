import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { confirmSubscription, findByConfirmToken, type ConfirmLookup } from "~/features/notices/index.server";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = () => [{ title: "确认订阅 - 征求意见平台" }, { name: "robots", content: "noindex" }];

type View = { state: ConfirmLookup["state"]; email: string; label: string };

const view = (found: ConfirmLookup): View =>
  found.state === "pending" || found.state === "active"
    ? { state: found.state, email: found.sub.email, label: found.label }
    : { state: found.state, email: "", label: "" };

// Opening the link only shows a button: mail scanners that prefetch links must not subscribe anyone.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = view(await findByConfirmToken(getDb(), params.token));
  return data(found, { status: found.state === "invalid" ? 404 : found.state === "expired" ? 410 : 200 });
}

export async function action({ params }: ActionFunctionArgs) {
  const done = view(await confirmSubscription(getDb(), params.token));
  return data(done, { status: done.state === "active" ? 200 : 400 });
}

export default function ConfirmSubscription() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result ?? loaded;
  if (v.state === "invalid") {
    return (
      <div className="alert error" role="alert">
        <h1>链接无效</h1>
        <p>该确认链接不完整、已被改动或已失效，未作任何处理。请从确认邮件中重新打开完整的链接，或重新订阅。</p>
        <p>
          <Link to="/subscribe">重新订阅</Link>
        </p>
      </div>
    );
  }
  if (v.state === "expired") {
    return (
      <div className="alert warning" role="alert">
        <h1>链接已过期</h1>
        <p>确认链接的有效期为 7 天，该链接已过期，未作任何处理。请重新订阅，我们会发送新的确认邮件。</p>
        <p>
          <Link to="/subscribe">重新订阅</Link>
        </p>
      </div>
    );
  }
  if (v.state === "active") {
    return (
      <div className="alert success" role="status">
        <h1>订阅成功</h1>
        <p>
          {v.email} 已订阅：{v.label}。有新的征求意见发布或即将截止时，我们会邮件告知您；每封邮件都附有退订链接。
        </p>
      </div>
    );
  }
  return (
    <>
      <h1>确认订阅</h1>
      <p>
        请点击下面的按钮，确认用 {v.email} 订阅：{v.label}。
      </p>
      <Form method="post">
        <button type="submit" className="button">
          确认订阅
        </button>
      </Form>
    </>
  );
}
