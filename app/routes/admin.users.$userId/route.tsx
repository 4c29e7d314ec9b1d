import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/ui/field";
import { UserProfileFields } from "~/ui/user-profile-fields";
import { EditUserSchema, ResetPasswordSchema } from "~/features/accounts";
import { getUser, listDivisions, setPassword, updateUser } from "~/features/accounts/index.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { requireRole } from "~/platform/permissions.server";
import { destroySessionsOfUser } from "~/platform/session.server";
import { idParam } from "~/platform/params";

export const meta: MetaFunction = () => [{ title: "编辑账号 - 征求意见平台" }];

async function loadTarget(params: { userId?: string }) {
  const id = idParam(params.userId) ?? NaN;
  const user = Number.isInteger(id) && id > 0 ? await getUser(getDb(), id) : undefined;
  if (!user) throw new Response("Not Found", { status: 404 });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const u = await loadTarget(params);
  return {
    user: { id: u.id, username: u.username, displayName: u.displayName, email: u.email, role: u.role, divisionId: u.divisionId, active: u.active },
    divisions: await listDivisions(getDb()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const target = await loadTarget(params);
  const actor = { id: admin.id, label: admin.displayName };
  const form = await request.formData();
  const db = getDb();

  if (form.get("intent") === "reset-password") {
    const parsed = parseForm(ResetPasswordSchema, form, { omitFromValues: ["password"] });
    if (!parsed.ok) return data({ intent: "reset-password", errors: parsed.errors, values: {}, message: null }, { status: 400 });
    await setPassword(db, target.id, parsed.data.password, actor);
    await destroySessionsOfUser(target.id);
    return { intent: "reset-password", errors: {}, values: {}, message: "密码已重置，该账号的所有登录会话已失效。" };
  }

  const parsed = parseForm(EditUserSchema, form);
  if (!parsed.ok) return data({ intent: "update", errors: parsed.errors, values: parsed.values, message: null }, { status: 400 });
  const { displayName, email, role, divisionId, active } = parsed.data;
  if (target.id === admin.id && (role !== "admin" || !active)) {
    return data({ intent: "update", errors: { role: "不能停用自己的账号或取消自己的管理员角色。" }, values: formValues(form), message: null }, { status: 400 });
  }
  await updateUser(db, target.id, { displayName, email: email || null, role, divisionId, active: active === "on" }, actor);
  if (active !== "on") await destroySessionsOfUser(target.id);
  return { intent: "update", errors: {}, values: {}, message: "账号信息已保存。" };
}

export default function EditUser() {
  const { user, divisions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values: Record<string, string | undefined> =
    result?.intent === "update" && Object.keys(result.errors).length
      ? result.values
      : { displayName: user.displayName, email: user.email ?? "", role: user.role, divisionId: user.divisionId ? String(user.divisionId) : "" };
  return (
    <div className="form">
      <h1>编辑账号：{user.username}</h1>
      {params.get("created") ? (
        <div className="alert success" role="status">
          <p>账号已创建。</p>
        </div>
      ) : null}
      {result?.message ? (
        <div className="alert success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <FormError message={Object.keys(errors).length ? "请根据提示修改后重新提交。" : undefined} />
      <Form method="post">
        <input type="hidden" name="intent" value="update" />
        <UserProfileFields values={values} errors={result?.intent === "update" ? errors : {}} divisions={divisions} />
        <div className="field">
          <label>
            <input type="checkbox" name="active" defaultChecked={user.active} /> 账号启用
          </label>
        </div>
        <button type="submit" className="button">
          保存
        </button>
      </Form>
      <h2>重置密码</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="reset-password" />
        <TextField
          label="新密码"
          name="password"
          type="password"
          required
          minLength={10}
          maxLength={128}
          autoComplete="new-password"
          error={result?.intent === "reset-password" ? errors.password : undefined}
        />
        <button type="submit" className="button secondary">
          重置密码
        </button>
      </Form>
    </div>
  );
}
