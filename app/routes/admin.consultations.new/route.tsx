import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationForm } from "~/ui/consultation-form";
import { FormError } from "~/ui/field";
import { calendarForClient, createConsultation, readConsultationForm } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "新建征求意见 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "drafter");
  return { calendar: await calendarForClient(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "drafter");
  if (user.divisionId === null) throw new Response("您的账号未设置所属处室，请联系系统管理员。", { status: 403 });
  const result = await readConsultationForm(request);
  if (!result.ok) return data(result, { status: result.status });
  const id = await createConsultation(getDb(), result.data, user);
  return redirect(`/admin/consultations/${id}?saved=1`);
}

export default function NewConsultation() {
  const { calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <h1>新建征求意见</h1>
      <FormError message={errors.form ?? (hasErrors ? "请根据提示修改后重新提交。" : undefined)} />
      <ConsultationForm
        values={result?.values ?? { showComments: "on" }}
        errors={errors}
        calendar={calendar}
        preview={result?.preview ?? null}
        submitLabel="保存草稿"
      />
    </>
  );
}
