import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findForUnsubscribe, unsubscribe } from "~/features/notices/index.server";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = () => [{ title: "退订征求意见通知 - 征求意见平台" }, { name: "robots", content: "noindex" }];

type View = { valid: false } | { valid: true; email: string; label: string; unsubscribed: boolean };

// GET only shows a button (a link scanner must not unsubscribe anyone); any POST unsubscribes,
// including the RFC 8058 one-click POST ("List-Unsubscribe=One-Click") that mail clients send.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findForUnsubscribe(getDb(), params.token);
  if (!found) return data<View>({ valid: false }, { status: 400 });
  return data<View>({ valid: true, email: found.sub.email, label: found.label, unsubscribed: found.sub.status === "unsubscribed" });
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await unsubscribe(getDb(), params.token);
  if (!done) return data<View>({ valid: false }, { status: 400 });
  return data<View>({ valid: true, email: done.sub.email, label: done.label, unsubscribed: true });
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result ?? loaded;
  if (!v.valid) {
    return (
      <div className="alert error" role="alert">
        <h1>链接无效</h1>
        <p>该退订链接不完整或已被改动，未作任何处理，您的订阅没有变化。请从通知邮件中重新打开完整的退订链接。</p>
      </div>
    );
  }
  if (v.unsubscribed) {
    return (
      <div className="alert success" role="status">
        <h1>已退订</h1>
        <p>
          {v.email} 已退订：{v.label}。今后不会再收到该订阅的通知邮件。
        </p>
        <p>
          <Link to="/subscribe">重新订阅</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <h1>退订征求意见通知</h1>
      <p>
        请点击下面的按钮，为 {v.email} 退订：{v.label}。
      </p>
      <Form method="post">
        <button type="submit" className="button">
          确认退订
        </button>
      </Form>
    </>
  );
}
