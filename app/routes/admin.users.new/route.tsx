import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, TextField } from "~/ui/field";
import { UserProfileFields } from "~/ui/user-profile-fields";
import { NewUserSchema } from "~/features/accounts";
import { createUser, findUserByUsername, listDivisions } from "~/features/accounts/index.server";
import { getDb } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { requireRole } from "~/platform/permissions.server";

export const meta: MetaFunction = () => [{ title: "新建账号 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { divisions: await listDivisions(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const form = await request.formData();
  const parsed = parseForm(NewUserSchema, form, { omitFromValues: ["password"] });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const db = getDb();
  if (await findUserByUsername(db, parsed.data.username)) {
    return data({ errors: { username: "该用户名已被使用，请换一个。" }, values: Object.fromEntries(form) as Record<string, string> }, { status: 400 });
  }
  const user = await createUser(db, parsed.data, { id: admin.id, label: admin.displayName });
  return redirect(`/admin/users/${user.id}?created=1`);
}

export default function NewUser() {
  const { divisions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values: Record<string, string | undefined> = { ...result?.values, password: undefined };
  return (
    <div className="form">
      <h1>新建账号</h1>
      <FormError message={result ? "请根据提示修改后重新提交。" : undefined} />
      <Form method="post">
        <TextField
          label="用户名"
          name="username"
          required
          maxLength={32}
          autoComplete="off"
          defaultValue={values.username}
          error={errors.username}
          hint="3–32 位字母、数字、点、下划线或短横线，登录时使用。"
        />
        <TextField
          label="初始密码"
          name="password"
          type="password"
          required
          minLength={10}
          maxLength={128}
          autoComplete="new-password"
          error={errors.password}
          hint="至少 10 个字符。请通过安全渠道告知本人。"
        />
        <UserProfileFields values={values} errors={errors} divisions={divisions} />
        <div className="button-row">
          <button type="submit" className="button">
            创建账号
          </button>
        </div>
      </Form>
    </div>
  );
}
