import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { PUBLISH_PREFERENCES } from "~db/vocabulary";
import { COMMENT_MAX, PUBLISH_LABELS } from "~/features/comments";
import { AttachmentField } from "./attachment-field";
import { CommentBodyField } from "./comment-body-field";
import { ErrorSummary } from "./error-summary";
import { FormKey } from "./form-key";
import { SelectField, TextField } from "./field";
import { draftStorageKey, useSavedDraft } from "./saved-draft";

type Values = Record<string, string | undefined>;

// The fields in the order of the form, each with the id its error links to.
const FIELD_TARGETS = (firstArticle: number | undefined): Array<[string, string]> => [
  ["articles", firstArticle === undefined ? "comment-articles" : `comment-article-${firstArticle}`],
  ["body", "comment-body"],
  ["files", "comment-files"],
  ["identityCategory", "comment-identity"],
  ["name", "comment-name"],
  ["organisation", "comment-organisation"],
  ["email", "comment-email"],
  ["publishPreference", `comment-publish-${PUBLISH_PREFERENCES[0]}`],
  ["consent", "comment-consent"],
];

/**
 * The public comment form: works without JavaScript; the character counter and the draft kept
 * on this device are enhancements.
 */
export function CommentForm({
  consultationId,
  articles,
  identities,
  preselected,
  values,
  errors,
  requireEmail,
}: {
  consultationId: number;
  articles: Array<{ number: number; label: string }>;
  identities: string[];
  preselected: number[];
  values: Values;
  errors: Record<string, string | undefined>;
  requireEmail: boolean;
}) {
  // Multipart so that files can be sent without JavaScript; with it, only when a file is chosen,
  // so that a text-only comment keeps the url-encoded fast path (decision 0008).
  const [multipart, setMultipart] = useState(true);
  useEffect(() => setMultipart(false), []);
  const chosen = new Set((values.articles ?? preselected.join("\n")).split("\n").filter(Boolean).map(Number));
  const targets = FIELD_TARGETS(articles[0]?.number);
  const fieldErrors = targets.flatMap(([field, target]) => (errors[field] ? [{ message: errors[field]!, href: `#${target}` }] : []));
  // Errors no field shows (an expired form, the bot trap) are listed without a link.
  const otherErrors = Object.entries(errors).flatMap(([field, message]) =>
    message && field !== "form" && !targets.some(([f]) => f === field) ? [{ message }] : []
  );
  const failed = Boolean(errors.form) || fieldErrors.length + otherErrors.length > 0;
  const draft = useSavedDraft({ formId: "comment-form", storageKey: draftStorageKey(consultationId), tag: null, restore: values.body === undefined });
  return (
    <Form
      method="post"
      encType={multipart ? "multipart/form-data" : "application/x-www-form-urlencoded"}
      action={`/consultations/${consultationId}#comment-form-errors`}
      className="form comment-form"
      id="comment-form"
      aria-labelledby="comment-form-title"
    >
      <h2 id="comment-form-title" tabIndex={-1}>
        提出意见
      </h2>
      {failed ? (
        <ErrorSummary
          id="comment-form-errors"
          title={fieldErrors.length ? `意见未提交，请修改以下 ${fieldErrors.length + otherErrors.length} 处` : "意见未提交"}
          message={errors.form ?? "请根据提示修改后重新提交，您填写的内容已保留。"}
          entries={[...fieldErrors, ...otherErrors]}
          errors={errors}
        />
      ) : null}
      <FormKey value={values.idempotencyKey} />
      <div className="hp-field" aria-hidden="true">
        <label htmlFor="website">网站（请勿填写）</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <fieldset className="field" id="comment-articles" aria-describedby={errors.articles ? "comment-articles-error" : undefined}>
        <legend>针对的条款（不选即为对整个草案的意见，可多选）</legend>
        {errors.articles ? (
          <p className="field-error" id="comment-articles-error">
            {errors.articles}
          </p>
        ) : null}
        <div className="article-choices">
          {articles.map((a) => (
            <label key={a.number} className="article-choice">
              <input type="checkbox" name="articles" id={`comment-article-${a.number}`} value={a.number} defaultChecked={chosen.has(a.number)} /> {a.label}
            </label>
          ))}
        </div>
      </fieldset>

      <CommentBodyField
        id="comment-body"
        label="意见内容"
        hint={`请写明您的意见和理由，不超过 ${COMMENT_MAX} 字。请勿填写身份证号、电话等个人信息，如有，公开时将隐去。`}
        rows={8}
        defaultValue={values.body}
        error={errors.body}
        draft={draft}
      />

      <AttachmentField id="comment-files" error={errors.files} onCount={(n) => setMultipart(n > 0)} />

      <SelectField
        id="comment-identity"
        label="您的身份"
        name="identityCategory"
        options={[{ value: "", label: "请选择" }, ...identities.map((i) => ({ value: i, label: i }))]}
        defaultValue={values.identityCategory ?? ""}
        required
        error={errors.identityCategory}
      />
      <TextField id="comment-name" label="姓名（选填）" name="name" maxLength={50} autoComplete="name" defaultValue={values.name} error={errors.name} />
      <TextField
        id="comment-organisation"
        label="单位（选填）"
        name="organisation"
        maxLength={100}
        autoComplete="organization"
        defaultValue={values.organisation}
        error={errors.organisation}
      />
      <TextField
        id="comment-email"
        label={requireEmail ? "电子邮箱（必填，用于确认和接收回执）" : "电子邮箱（选填，用于接收回执和处理结果）"}
        name="email"
        type="email"
        maxLength={254}
        autoComplete="email"
        required={requireEmail}
        defaultValue={values.email}
        error={errors.email}
      />
      <div className="field">
        <label className="consent">
          <input
            type="checkbox"
            name="notifyResult"
            id="comment-notify-result"
            defaultChecked={values.notifyResult === undefined ? !values.body : values.notifyResult === "on"}
          />{" "}
          关注本条意见：公布意见采纳情况时，把处理结果发到上面填写的邮箱
        </label>
      </div>

      <fieldset className="field" aria-describedby={errors.publishPreference ? "comment-publish-error" : undefined}>
        <legend>是否公开</legend>
        {PUBLISH_PREFERENCES.map((p) => (
          <label key={p} className="radio-line">
            <input
              type="radio"
              name="publishPreference"
              id={`comment-publish-${p}`}
              value={p}
              defaultChecked={(values.publishPreference ?? "anonymous") === p}
            />{" "}
            {PUBLISH_LABELS[p]}
          </label>
        ))}
        {errors.publishPreference ? (
          <p className="field-error" id="comment-publish-error">
            {errors.publishPreference}
          </p>
        ) : null}
      </fieldset>

      <div className="field">
        <label className="consent">
          <input
            type="checkbox"
            name="consent"
            id="comment-consent"
            required
            defaultChecked={values.consent === "on"}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "consent-error" : undefined}
          />{" "}
          我已阅读并同意：意见经审核后按我的选择公开，个人信息依法保护、公开时隐去；意见及处理情况将作为起草部门研究和合法性审查的依据。
        </label>
        {errors.consent ? (
          <p className="field-error" id="consent-error">
            {errors.consent}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        提交意见
      </button>
    </Form>
  );
}
