import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { timingSafeEqual } from "node:crypto";
import { markEmailVerified, verificationToken } from "~/features/comments/index.server";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = () => [{ title: "确认电子邮箱 - 征求意见平台" }, { name: "robots", content: "noindex" }];

function valid(receiptNo: string | undefined, token: string | undefined): receiptNo is string {
  if (!receiptNo || !token || !/^ZQ\d{8}-[0-9A-Z]{6}$/.test(receiptNo)) return false;
  const expected = Buffer.from(verificationToken(receiptNo));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// Opening the link only shows a button: mail scanners that prefetch links must not confirm anything.
export function loader({ params }: LoaderFunctionArgs) {
  return { ok: valid(params.receiptNo, params.token), receiptNo: params.receiptNo ?? "" };
}

export async function action({ params }: ActionFunctionArgs) {
  if (!valid(params.receiptNo, params.token)) return data({ confirmed: false }, { status: 400 });
  await markEmailVerified(getDb(), params.receiptNo);
  return { confirmed: true };
}

export default function Verify() {
  const { ok, receiptNo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!ok || result?.confirmed === false) {
    return (
      <div className="alert error" role="alert">
        <h1>链接无效</h1>
        <p>该确认链接不完整或已被改动，未作任何处理。请从回执邮件中重新打开完整的链接。</p>
      </div>
    );
  }
  if (result?.confirmed) {
    return (
      <div className="alert success" role="status">
        <h1>电子邮箱已确认</h1>
        <p>回执编号 {receiptNo} 的意见已计入有效意见。谢谢您的参与！</p>
      </div>
    );
  }
  return (
    <>
      <h1>确认电子邮箱</h1>
      <p>请点击下面的按钮，确认回执编号 {receiptNo} 的意见由您本人提交。</p>
      <Form method="post">
        <button type="submit" className="button">
          确认
        </button>
      </Form>
    </>
  );
}
