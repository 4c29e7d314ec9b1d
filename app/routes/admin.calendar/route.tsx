import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, SelectField, TextField } from "~/ui/field";
import { listCalendarDays, removeCalendarDay, setCalendarDay } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "工作日历 - 工作台" }];

function isCalendarDate(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
}

const DaySchema = z.object({
  intent: z.literal("add"),
  date: z
    .string({ error: "请填写日期。" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "请按“年-月-日”填写日期。")
    .refine(isCalendarDate, "日期无效。"),
  kind: z.enum(["holiday", "workday"], { error: "请选择类型。" }),
  note: z.string().trim().max(40, "说明不能超过 40 个字。").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { days: await listCalendarDays(getDb()) };
}

/** Admins keep the calendar of public holidays and 调休 make-up days that statutory periods count by. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const actor = { id: admin.id, label: admin.displayName };
  const form = await request.formData();
  const db = getDb();
  if (form.get("intent") === "remove") {
    const date = String(form.get("date") ?? "");
    await removeCalendarDay(db, actor, date);
    return { errors: {} as Record<string, string>, values: {} as Record<string, string>, message: `已删除 ${date}。` };
  }
  const parsed = parseForm(DaySchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 });
  const { date, kind, note } = parsed.data;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (kind === "workday" && !weekend) {
    return data({ errors: { kind: "调休上班日应为周六或周日；周一至周五本来就是工作日。" }, values: formValues(form), message: null }, { status: 400 });
  }
  await setCalendarDay(db, actor, { date, kind, note });
  return { errors: {} as Record<string, string>, values: {} as Record<string, string>, message: `已保存 ${date}。` };
}

export default function CalendarPage() {
  const { days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values: Record<string, string | undefined> = result?.values ?? {};
  return (
    <>
      <h1>工作日历</h1>
      <p>
        行政规范性文件的征求意见期按工作日计算。周一至周五为工作日、周六周日为休息日；此处登记法定节假日和调休上班日，以国务院办公厅每年发布的放假安排为准。
      </p>
      {result?.message ? (
        <div className="alert success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <FormError message={Object.keys(errors).length ? "请根据提示修改后重新提交。" : undefined} />
      <Form method="post" className="form action-panel">
        <input type="hidden" name="intent" value="add" />
        <TextField label="日期" name="date" type="date" required defaultValue={values.date} error={errors.date} />
        <SelectField
          label="类型"
          name="kind"
          options={[
            { value: "holiday", label: "法定节假日（休息）" },
            { value: "workday", label: "调休上班日" },
          ]}
          defaultValue={values.kind}
          error={errors.kind}
        />
        <TextField label="说明（选填）" name="note" maxLength={40} defaultValue={values.note} error={errors.note} hint="例如：春节、国庆节调休上班" />
        <button type="submit" className="button">
          登记
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>已登记 {days.length} 天</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">类型</th>
              <th scope="col">说明</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <td>{d.date}</td>
                <td>{d.kind === "holiday" ? "节假日" : "调休上班"}</td>
                <td>{d.note}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="date" value={d.date} />
                    <button type="submit" className="link-button" aria-label={`删除 ${d.date}`}>
                      删除
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
