import crypto from "node:crypto";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CHANNELS, PUBLISH_PREFERENCES } from "~db/vocabulary";
import { FormError, SelectField, TextField } from "~/ui/field";
import { TextAreaField } from "~/ui/text-area-field";
import { CHANNEL_LABELS, DEPARTMENT_IDENTITY, PUBLISH_LABELS, SCAN_ACCEPT, SCAN_TYPES_TEXT, StaffCommentSchema, staffEntryProblem } from "~/features/comments";
import { activeIdentityCategories, checkCommentFiles, chosenFiles, submitComment, writeCommentFiles } from "~/features/comments/index.server";
import { FormReadError, readForm } from "~/platform/multipart.server";
import { articleNodes, latestVersion, requireDrafterOf } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { shanghaiDate } from "~/platform/periods";
import { formatDate } from "~/platform/dates";

export const meta: MetaFunction = () => [{ title: "代录意见 - 工作台" }];

const load = requireDrafterOf;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await load(request, params.id);
  const db = getDb();
  const version = await latestVersion(db, c.id);
  const now = new Date();
  // Said before anyone types: after the hand-off (or before the start) the form is not offered.
  const problem = staffEntryProblem(c, { channel: "letter", receivedAt: now, postmarkedAt: null, lateReason: null }, now);
  return {
    closed: problem?.field === "form" ? problem.message : null,
    title: c.title,
    articles: version ? (await articleNodes(db, version.id)).map((a) => ({ number: a.number!, label: a.label ?? "" })) : [],
    identities: await activeIdentityCategories(db),
    idempotencyKey: crypto.randomBytes(16).toString("base64url"),
    today: shanghaiDate(new Date()),
    period: c.opensAt && c.closesAt ? `${formatDate(c.opensAt)} 至 ${formatDate(new Date(c.closesAt.getTime() - 1))}` : "未设定",
  };
}

/** Comments received by letter, email, phone or at a meeting, entered by staff with the same checks. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (error instanceof FormReadError)
      return data(
        { errors: { form: error.message } as Record<string, string>, values: {} as Record<string, string>, receiptNo: null },
        { status: error.status }
      );
    throw error;
  }
  const values = formValues(form);
  const parsed = parseForm(StaffCommentSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, receiptNo: null }, { status: 400 });
  const checked = await checkCommentFiles(chosenFiles(form, "scan"), { scan: true });
  if (!checked.ok) return data({ errors: { scan: checked.message } as Record<string, string>, values, receiptNo: null }, { status: 400 });
  const { channel, receivedOn, postmarkedOn, lateReason, department, ...input } = parsed.data;
  await writeCommentFiles(checked.files);
  const result = await submitComment(getDb(), c.id, input, {
    channel,
    receivedAt: receivedOn,
    staff: { actor: { id: user.id, label: user.displayName }, postmarkedAt: postmarkedOn, lateReason, department, ip: context.clientIp },
    files: checked.files,
  });
  if (!result.ok) {
    const kept = result.renewKey ? { ...values, idempotencyKey: crypto.randomBytes(16).toString("base64url") } : values;
    return data({ errors: { [result.field]: result.message } as Record<string, string>, values: kept, receiptNo: null }, { status: result.status });
  }
  return {
    errors: {} as Record<string, string>,
    values: { idempotencyKey: crypto.randomBytes(16).toString("base64url") } as Record<string, string>,
    receiptNo: result.receiptNo,
  };
}

/** The scanned letter (or its pages): stored like commenters' files, reviewed in moderation, never public by default. */
function ScanField({ error }: { error?: string }) {
  return (
    <div className="field">
      <label htmlFor="staff-scan">来函扫描件（选填）</label>
      <p className="hint" id="staff-scan-hint">
        可上传 {SCAN_TYPES_TEXT}，多页可分多个文件。扫描件在审核时逐个决定是否公开，默认不公开。提交失败时需重新选择文件。
      </p>
      <input
        type="file"
        id="staff-scan"
        name="scan"
        multiple
        accept={SCAN_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={`staff-scan-hint${error ? " staff-scan-error" : ""}`}
      />
      {error ? (
        <p className="field-error" id="staff-scan-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export default function StaffEntry() {
  const { title, articles, identities, idempotencyKey, today, period, closed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  // After a successful entry the form starts empty, with a fresh key for the next comment.
  const values: Record<string, string | undefined> = result?.values ?? {};
  const chosen = new Set((values.articles ?? "").split("\n"));
  if (closed) {
    return (
      <div className="form wide-form">
        <h1>代录意见：{title}</h1>
        <p className="alert warning" role="status">
          {closed}
        </p>
      </div>
    );
  }
  return (
    <div className="form wide-form">
      <h1>代录意见：{title}</h1>
      {result?.receiptNo ? (
        <div className="alert success" role="status">
          <p>已录入，回执编号 {result.receiptNo}。可继续录入下一条。</p>
        </div>
      ) : null}
      <FormError message={errors.form} />
      <Form method="post" encType="multipart/form-data" key={result?.receiptNo ?? "form"}>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
        <SelectField
          label="收到渠道"
          name="channel"
          options={CHANNELS.filter((ch) => ch !== "web").map((ch) => ({ value: ch, label: CHANNEL_LABELS[ch] }))}
          defaultValue={values.channel}
          error={errors.channel}
        />
        <TextField
          label="收到日期"
          name="receivedOn"
          type="date"
          required
          max={today}
          defaultValue={values.receivedOn ?? today}
          error={errors.receivedOn}
          hint={`征求意见期：${period}。期满后收到的信函，须填写邮戳日期并说明理由。`}
        />
        <TextField
          label="邮戳日期（期满后收到的信函填写）"
          name="postmarkedOn"
          type="date"
          max={today}
          defaultValue={values.postmarkedOn}
          error={errors.postmarkedOn}
        />
        <TextField
          label="期满后计入的理由（期满后收到的信函填写）"
          name="lateReason"
          maxLength={500}
          defaultValue={values.lateReason}
          error={errors.lateReason}
        />
        <TextField
          label="来函部门（部门来函必填）"
          name="department"
          maxLength={100}
          defaultValue={values.department}
          error={errors.department}
          hint={`渠道为“部门来函”时填写发函部门的全称，作为提出人单位记录，身份记为“${DEPARTMENT_IDENTITY}”。`}
        />
        <TextAreaField label="意见内容（照录原文）" name="body" required rows={8} defaultValue={values.body} error={errors.body} />
        <ScanField error={errors.scan} />
        <fieldset className="field">
          <legend>针对的条款</legend>
          {errors.articles ? <p className="field-error">{errors.articles}</p> : null}
          <div className="article-choices">
            {articles.map((a) => (
              <label key={a.number} className="article-choice">
                <input type="checkbox" name="articles" value={a.number} defaultChecked={chosen.has(String(a.number))} /> {a.label}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label="提出人身份"
          name="identityCategory"
          options={identities.map((i) => ({ value: i, label: i }))}
          defaultValue={values.identityCategory}
          error={errors.identityCategory}
        />
        <TextField label="姓名（选填）" name="name" maxLength={50} defaultValue={values.name} error={errors.name} />
        <TextField label="单位（选填）" name="organisation" maxLength={100} defaultValue={values.organisation} error={errors.organisation} />
        <TextField label="电子邮箱（选填，用于发送回执）" name="email" type="email" maxLength={254} defaultValue={values.email} error={errors.email} />
        <SelectField
          label="是否公开"
          name="publishPreference"
          options={PUBLISH_PREFERENCES.map((p) => ({ value: p, label: PUBLISH_LABELS[p] }))}
          defaultValue={values.publishPreference ?? "anonymous"}
          error={errors.publishPreference}
        />
        <button type="submit" className="button">
          录入
        </button>
      </Form>
    </div>
  );
}
