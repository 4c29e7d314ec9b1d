import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationForm } from "~/ui/consultation-form";
import { FormError } from "~/ui/field";
import { calendarForClient, latestVersion, readConsultationForm, requireDrafterOf, updateDraftConsultation } from "~/features/consultations/index.server";
import { toShanghaiInput } from "~/features/consultations";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = () => [{ title: "修改征求意见 - 征求意见平台" }];

async function loadEditable(request: Request, rawId: string | undefined) {
  const { user, c } = await requireDrafterOf(request, rawId);
  if (c.status !== "draft") throw redirect(`/admin/consultations/${c.id}?locked=1`);
  return { user, c };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await loadEditable(request, params.id);
  const db = getDb();
  return {
    id: c.id,
    values: {
      title: c.title,
      docType: c.docType,
      summary: c.summary,
      draftText: (await latestVersion(db, c.id))?.sourceText ?? "",
      basis: c.basis,
      interpretation: c.interpretation ?? "",
      opensAt: toShanghaiInput(c.opensAt),
      closesAt: toShanghaiInput(c.closesAt),
      shortPeriodReason: c.shortPeriodReason ?? "",
      contactAddress: c.contactAddress ?? "",
      contactEmail: c.contactEmail ?? "",
      showComments: c.showComments ? "on" : "off",
    },
    calendar: await calendarForClient(db),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await loadEditable(request, params.id);
  const result = await readConsultationForm(request);
  if (!result.ok) return data(result, { status: result.status });
  await updateDraftConsultation(getDb(), c.id, result.data, user);
  return redirect(`/admin/consultations/${c.id}?saved=1`);
}

export default function EditConsultation() {
  const { values, calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <>
      <h1>修改征求意见（草稿）</h1>
      <FormError message={errors.form ?? (Object.keys(errors).length ? "请根据提示修改后重新提交。" : undefined)} />
      <ConsultationForm values={result?.values ?? values} errors={errors} calendar={calendar} preview={result?.preview ?? null} submitLabel="保存修改" />
    </>
  );
}
