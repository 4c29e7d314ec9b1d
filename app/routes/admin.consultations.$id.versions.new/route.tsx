import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, TextField } from "~/ui/field";
import { TextAreaField } from "~/ui/text-area-field";
import { LIMITS, NewVersionSchema, WorkflowError } from "~/features/consultations";
import { createVersion, latestVersion, requireDrafterOf } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { sanitizeUserText } from "~/platform/text";

export const meta: MetaFunction = () => [{ title: "发布新版本 - 工作台" }];

const load = requireDrafterOf;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await load(request, params.id);
  const latest = await latestVersion(getDb(), c.id);
  return { title: c.title, draftText: latest?.sourceText ?? "", nextNo: (latest?.versionNo ?? 0) + 1 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const form = await request.formData();
  const values = formValues(form);
  const parsed = parseForm(NewVersionSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  try {
    await createVersion(getDb(), c.id, user, { ...parsed.data, draftText: sanitizeUserText(parsed.data.draftText) });
  } catch (error) {
    if (error instanceof WorkflowError) return data({ errors: { form: error.message } as Record<string, string>, values }, { status: error.status });
    throw error;
  }
  return redirect(`/admin/consultations/${c.id}?saved=1`);
}

export default function NewVersion() {
  const { title, draftText, nextNo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="form wide-form">
      <h1>发布新版本：{title}</h1>
      <p>已发布的征求意见稿不再修改。修改后的文本作为新版本发布，原版本及其意见保留；条文按编号和内容自动对应，针对某条的意见仍归属该条。</p>
      <FormError message={errors.form} />
      <Form method="post">
        <TextField
          label="版本名称"
          name="label"
          required
          maxLength={60}
          defaultValue={values.label ?? (nextNo === 2 ? "第二次征求意见稿" : `第${nextNo}稿`)}
          error={errors.label}
        />
        <TextAreaField
          label="修改说明（将向社会公开）"
          name="changeNote"
          required
          rows={4}
          maxLength={5000}
          defaultValue={values.changeNote}
          error={errors.changeNote}
        />
        <TextAreaField
          label="新版本正文"
          name="draftText"
          required
          rows={20}
          maxLength={LIMITS.draftText}
          defaultValue={values.draftText ?? draftText}
          error={errors.draftText}
        />
        <button type="submit" className="button">
          发布新版本
        </button>
      </Form>
    </div>
  );
}
