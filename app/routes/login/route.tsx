import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/ui/field";
import { findUserByUsername } from "~/features/accounts/index.server";
import { appendAudit } from "~/platform/audit.server";
import { getDb } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { isKnownLogin, rememberLogin } from "~/platform/known-login.server";
import { clearFailures, loginWait, recordFailure, recordSlowedAttempt, type LoginWait } from "~/platform/login-throttle.server";
import { dummyPasswordHash, verifyPassword } from "~/platform/password.server";
import { safeRedirect } from "~/platform/permissions.server";
import { createUserSession, getSessionUser } from "~/platform/session.server";
import { LoginSchema } from "./login-schema";

export const meta: MetaFunction = () => [{ title: "工作人员登录 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

const BAD_CREDENTIALS = "用户名或密码错误，请重新输入。";

export async function action({ request, context }: ActionFunctionArgs) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data({ errors: { form: "提交的内容无法识别，请刷新页面后重新登录。" }, values: { username: "" } }, { status: 400 });
  }
  const parsed = parseForm(LoginSchema, form, { omitFromValues: ["password"] });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { username, password, redirectTo } = parsed.data;
  const ip = context.clientIp;
  const values = { username };

  const wait = await loginWait(username, ip, { knownBrowser: await isKnownLogin(request, username) });
  if (wait) {
    if (wait.reason === "name") await recordSlowedAttempt(ip);
    return data({ errors: { form: waitMessage(wait) }, values }, { status: 429, headers: { "Retry-After": String(Math.ceil(wait.ms / 1000)) } });
  }

  const db = getDb();
  const user = await findUserByUsername(db, username);
  // Unknown users are checked against a dummy hash, so they are neither faster nor told apart.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || !user.active) {
    await recordFailure(username, ip);
    return data({ errors: { form: BAD_CREDENTIALS }, values }, { status: 401 });
  }

  await clearFailures(username);
  const cookie = await createUserSession(request, user.id, { ip });
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor: { id: user.id, label: user.displayName },
      action: "user.login",
      entityType: "user",
      entityId: user.id,
      ip,
    })
  );
  const headers = new Headers([
    ["Set-Cookie", cookie],
    ["Set-Cookie", await rememberLogin(request, username)],
  ]);
  return redirect(safeRedirect(redirectTo, "/admin"), { headers });
}

function waitMessage(wait: LoginWait): string {
  if (wait.reason === "address") {
    return `登录失败次数过多，您所在的网络地址已暂时锁定。请于 ${Math.ceil(wait.ms / 60_000)} 分钟后再试，或联系系统管理员。`;
  }
  return `该用户名近期登录失败次数较多，为防止密码被猜测，请于 ${Math.ceil(wait.ms / 1000)} 秒后再试。`;
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <div className="form">
      <h1>工作人员登录</h1>
      <p>本入口供起草处室、审核、法制机构和系统管理员使用。社会公众无需登录即可阅读草案、提交意见。</p>
      <FormError message={errors.form} />
      <Form method="post" noValidate={false}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          label="用户名"
          name="username"
          autoComplete="username"
          required
          maxLength={64}
          defaultValue={result?.values?.username ?? ""}
          error={errors.username}
        />
        <TextField label="密码" name="password" type="password" autoComplete="current-password" required maxLength={256} error={errors.password} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "正在登录…" : "登录"}
          </button>
        </div>
      </Form>
    </div>
  );
}
