import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { ReceiptLookupSchema } from "~/models/comment-schema";
import { lookupComment, type CommentStatus } from "~/models/comment-status.server";
import { clientHash } from "~/models/comment.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { parseForm } from "~/utils/forms";
import { hit } from "~/utils/rate-limit.server";

// The page shows a comment's original text and its check code (also in the URL): never cached, and
// the URL is not passed on as a referrer.
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export const meta: MetaFunction = () => [{ title: "意见处理情况查询 - 征求意见平台" }, { name: "robots", content: "noindex" }];

const FRESH_RECEIPT_MS = 10 * 60_000;

type LoaderData = {
  values: Record<string, string>;
  errors: Record<string, string>;
  status: CommentStatus | null;
  fresh: boolean;
};

// A GET form, so that the emailed link opens the status directly; nothing here changes data.
export function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const values = { receipt: params.get("receipt") ?? "", code: params.get("code") ?? "" };
  const empty: LoaderData = { values, errors: {}, status: null, fresh: false };
  if (!params.has("receipt") && !params.has("code")) return empty;
  const parsed = parseForm(ReceiptLookupSchema, new URLSearchParams(values));
  if (!parsed.ok) return data<LoaderData>({ ...empty, errors: parsed.errors }, { status: 400 });
  const wait = hit(`lookup:${clientHash(context.clientIp)}`, { limit: env().LOOKUP_LIMIT_PER_IP, windowMs: 10 * 60_000 });
  const limited = () => data<LoaderData>({ ...empty, errors: { form: `查询过于频繁，请 ${Math.ceil(wait / 60_000)} 分钟后再试。` } }, { status: 429 });
  if (wait > 0 && params.get("new") !== "1") return limited();
  const status = lookupComment(getDb(), parsed.data.receipt, parsed.data.code);
  // The receipt page right after submitting (`new=1`) is shown past the limit, but only for a
  // comment just received: otherwise `new=1` would lift the limit for guessing codes.
  if (wait > 0 && !(status && Date.now() - status.receivedAt.getTime() < FRESH_RECEIPT_MS)) return limited();
  if (!status) {
    return data<LoaderData>({ ...empty, errors: { form: "回执编号或查询码不正确，请核对后重新输入。" } }, { status: 404 });
  }
  return { ...empty, status, fresh: params.get("new") === "1" };
}

export default function StatusPage() {
  const { values, errors, status, fresh } = useLoaderData<typeof loader>();
  if (status) return <StatusView status={status} code={values.code} fresh={fresh} />;
  return (
    <div className="form">
      <h1>意见处理情况查询</h1>
      <p>请输入提交意见后获得的回执编号和查询码。回执邮件中的链接也可直接打开本页。</p>
      <FormError message={errors.form} />
      <Form method="get">
        <TextField label="回执编号" name="receipt" required maxLength={20} defaultValue={values.receipt} error={errors.receipt} hint="例如 ZQ20261126-7K3M9Q" autoComplete="off" />
        <TextField label="查询码" name="code" required maxLength={10} defaultValue={values.code} error={errors.code} autoComplete="off" />
        <button type="submit" className="button">查询</button>
      </Form>
    </div>
  );
}

function StatusView({ status, code, fresh }: { status: CommentStatus; code: string; fresh: boolean }) {
  return (
    <>
      <h1>{fresh ? "意见已提交" : "意见处理情况"}</h1>
      <div className="receipt-box" role={fresh ? "status" : undefined}>
        {fresh ? <p><strong>我们已收到您的意见，谢谢！</strong>请记下回执编号和查询码，用于查询处理情况。</p> : null}
        <p>回执编号：<span className="receipt-no">{status.receiptNo}</span></p>
        <p>查询码：<span className="receipt-no">{code.toUpperCase()}</span></p>
        <p>征求意见：<Link to={`/consultations/${status.consultationId}`}>{status.consultationTitle}</Link></p>
        <p>收到时间：{formatDateTime(status.receivedAt)}</p>
      </div>
      {status.emailVerified === false ? <p className="alert warning">请点击回执邮件中的确认链接，确认后您的意见方计入有效意见。</p> : null}
      <h2>处理进度</h2>
      <ol className="status-steps">
        {status.steps.map((s) => (
          <li key={s.label} className={s.state} aria-current={s.state === "current" ? "step" : undefined}>
            {s.label}
            {s.state === "done" ? "（已完成）" : s.state === "current" ? "（当前）" : "（待进行）"}
            {s.detail ? <div>{s.detail}</div> : null}
          </li>
        ))}
      </ol>
      <h2>接下来</h2>
      <p>工作人员将审核您的意见，隐去其中的个人信息后，按您的选择公开。征求意见结束后，起草部门将研究全部意见，并公布意见采纳情况。处理进展会在本页更新；如您留了电子邮箱，我们也会邮件告知。</p>
      <details>
        <summary>您提交的意见原文</summary>
        <p className="prose">{status.body}</p>
      </details>
    </>
  );
}
