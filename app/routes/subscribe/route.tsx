import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DOC_TYPES } from "~db/vocabulary";
import { FormError, SelectField, TextField } from "~/ui/field";
import { clientHash } from "~/features/comments/index.server";
import { DOC_TYPE_LABELS } from "~/features/consultations";
import { followableConsultation, subscribableDivisions, subscribe } from "~/features/notices/index.server";
import { idParam } from "~/platform/params";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { hit } from "~/platform/rate-limit.server";
import { FOLLOW_SCOPE, SCOPE_LABELS, SCOPES } from "~/features/notices";
import { SubscribeSchema } from "./subscribe-schema";

export const meta: MetaFunction = () => [{ title: "订阅征求意见通知 - 征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  // /subscribe?consultation=<id>, linked from a consultation's page: follow that one consultation.
  const id = idParam(new URL(request.url).searchParams.get("consultation") ?? undefined);
  const follow = id ? await followableConsultation(db, id) : null;
  return { divisions: await subscribableDivisions(db), follow, followMissing: new URL(request.url).searchParams.has("consultation") && !follow };
}

type Reply = { errors: Record<string, string>; values: Record<string, string>; sentTo?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(SubscribeSchema, form);
  if (!parsed.ok) return data<Reply>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { email, subscription } = parsed.data;
  const values = formValues(form);
  const db = getDb();
  if (subscription.scope === "division" && !(await subscribableDivisions(db)).some((d) => String(d.id) === subscription.scopeValue)) {
    return data<Reply>({ errors: { division: "请选择起草处室。" }, values }, { status: 400 });
  }
  if (subscription.scope === FOLLOW_SCOPE && !(await followableConsultation(db, Number(subscription.scopeValue)))) {
    return data<Reply>({ errors: { form: "该征求意见不存在，或意见采纳情况已经公布，无需再关注。" }, values }, { status: 400 });
  }
  // Per sender, then per mailbox: the form must not become a way to flood someone's mailbox. A
  // request the sender's own limit refuses spends nothing of the mailbox's quota.
  const waitSender = await hit(`subscribe:${clientHash(context.clientIp)}`, { limit: 10, windowMs: 10 * 60_000 });
  const wait = waitSender > 0 ? waitSender : await hit(`subscribe-address:${email}`, { limit: 3, windowMs: 60 * 60_000 });
  if (wait > 0) {
    return data<Reply>({ errors: { form: `操作过于频繁，请 ${Math.ceil(wait / 60_000)} 分钟后再试。` }, values }, { status: 429 });
  }
  await subscribe(db, email, subscription);
  return { errors: {}, values: {}, sentTo: email } satisfies Reply;
}

function SentNotice({ to }: { to: string }) {
  return (
    <div className="alert success" role="status">
      <p>
        <strong>确认邮件已发送至 {to}。</strong>
      </p>
      <p>请在 7 天内点击邮件中的链接确认订阅；确认之前，我们不会向您发送任何通知。如未收到，请检查垃圾邮件文件夹。</p>
    </div>
  );
}

/** Following one consultation: the same double opt-in, for the events of its life. */
function FollowForm({ follow, reply, busy }: { follow: { id: number; title: string }; reply: Reply | undefined; busy: boolean }) {
  const errors: Record<string, string | undefined> = reply?.errors ?? {};
  return (
    <div className="form">
      <h1>关注征求意见进展</h1>
      <p>
        关注《{follow.title.replace(/^《|》$/g, "")}
        》后，该征求意见延长期限、截止征求意见、公布意见采纳情况时，我们会发送邮件告知您。每封邮件都附有退订链接，可随时退订。
      </p>
      {reply?.sentTo ? <SentNotice to={reply.sentTo} /> : null}
      <FormError message={errors.form} />
      <Form method="post">
        <input type="hidden" name="scope" value={FOLLOW_SCOPE} />
        <input type="hidden" name="consultation" value={follow.id} />
        <TextField
          label="电子邮箱"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          defaultValue={reply?.values.email ?? ""}
          error={errors.email}
          hint="例如 name@example.com"
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "正在提交…" : "关注"}
          </button>
        </div>
      </Form>
    </div>
  );
}

export default function Subscribe() {
  const { divisions, follow, followMissing } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (follow) return <FollowForm follow={follow} reply={reply} busy={busy} />;
  const errors: Record<string, string | undefined> = reply?.errors ?? {};
  const values: Record<string, string | undefined> = reply?.values ?? {};
  const scope = values.scope ?? "all";
  return (
    <div className="form">
      <h1>订阅征求意见通知</h1>
      <p>订阅后，有新的征求意见发布、征求意见即将截止（截止前三天）时，我们会发送邮件告知您。每封邮件都附有退订链接，可随时退订。</p>
      {reply?.sentTo ? <SentNotice to={reply.sentTo} /> : null}
      {followMissing ? <p className="alert warning">未找到要关注的征求意见，或其意见采纳情况已经公布。您可以在下面订阅新征求意见的通知。</p> : null}
      <FormError message={errors.form} />
      <Form method="post">
        <TextField
          label="电子邮箱"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          defaultValue={values.email ?? ""}
          error={errors.email}
          hint="例如 name@example.com"
        />
        <fieldset className="field" aria-describedby={errors.scope ? "scope-error" : undefined}>
          <legend>订阅范围</legend>
          {SCOPES.map((s) => (
            <label key={s} className="radio-line">
              <input type="radio" name="scope" value={s} defaultChecked={scope === s} /> {SCOPE_LABELS[s]}
            </label>
          ))}
          {errors.scope ? (
            <p className="field-error" id="scope-error">
              {errors.scope}
            </p>
          ) : null}
        </fieldset>
        <SelectField
          label="起草处室（订阅某个处室时选择）"
          name="division"
          defaultValue={values.division ?? ""}
          error={errors.division}
          options={[{ value: "", label: "请选择" }, ...divisions.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        <SelectField
          label="文件类型（订阅某类文件时选择）"
          name="docType"
          defaultValue={values.docType ?? ""}
          error={errors.docType}
          options={[{ value: "", label: "请选择" }, ...DOC_TYPES.map((t) => ({ value: t, label: DOC_TYPE_LABELS[t] }))]}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "正在提交…" : "订阅"}
          </button>
        </div>
      </Form>
    </div>
  );
}
