import { Form } from "@remix-run/react";
import { useRef } from "react";
import { CommentBodyField } from "./comment-body-field";
import { ErrorSummary } from "./error-summary";
import { FormKey } from "./form-key";
import { SelectField, TextField } from "./field";
import { draftStorageKey, useSavedDraft } from "./saved-draft";

type Values = Record<string, string | undefined>;

// No name field here, so no named publication; the wording differs from the full form's, so that
// each control on the page has a name of its own.
const COMPACT_PUBLISH = [
  ["anonymous", "公开意见内容，不署名"],
  ["private", "只供起草部门研究，不公开"],
] as const;

/** The `at` field of an article's compact form: which form a reply (errors, text) belongs to. */
export const articleFormTag = (article: number) => `article-${article}`;

/**
 * The comment control under an article: a disclosure that opens a compact form in place, with
 * the article chosen. A native <details>, so it opens without JavaScript and without leaving the
 * page (nothing typed elsewhere is lost). It posts to the same action as the full form, with its
 * own idempotency key, and shows its errors in place with the text kept. Name, organisation and
 * several articles are for the full form.
 */
export function ArticleComment({
  consultationId,
  article,
  identities,
  requireEmail,
  values,
  errors,
}: {
  consultationId: number;
  article: { number: number; label: string };
  identities: string[];
  requireEmail: boolean;
  values: Values;
  errors: Record<string, string | undefined>;
}) {
  const n = article.number;
  const id = `article-${n}-comment`;
  const p = `a${n}`;
  const replied = Object.keys(values).length > 0;
  const details = useRef<HTMLDetailsElement>(null);
  const draft = useSavedDraft({
    formId: `${id}-form`,
    storageKey: draftStorageKey(consultationId, n),
    tag: articleFormTag(n),
    restore: !replied,
    onRestored: () => details.current?.setAttribute("open", ""),
  });
  const targets: Array<[string, string]> = [
    ["body", `${p}-body`],
    ["identityCategory", `${p}-identity`],
    ["email", `${p}-email`],
    ["publishPreference", `${p}-publish-anonymous`],
    ["consent", `${p}-consent`],
  ];
  const entries = Object.entries(errors).flatMap(([field, message]) => {
    if (!message || field === "form") return [];
    const target = targets.find(([f]) => f === field)?.[1];
    return [target ? { message, href: `#${target}` } : { message }];
  });
  const failed = Boolean(errors.form) || entries.length > 0;
  return (
    <details className="article-comment" id={id} ref={details} open={replied || undefined}>
      <summary>对{article.label}提意见</summary>
      <Form
        method="post"
        action={`/consultations/${consultationId}#${id}-errors`}
        className="form compact-comment-form"
        id={`${id}-form`}
        aria-label={`对${article.label}的意见`}
      >
        {failed ? (
          <ErrorSummary
            id={`${id}-errors`}
            title={entries.length ? `意见未提交，请修改以下 ${entries.length} 处` : "意见未提交"}
            message={errors.form ?? "请根据提示修改后重新提交，您填写的内容已保留。"}
            entries={entries}
            errors={errors}
          />
        ) : null}
        <input type="hidden" name="at" value={articleFormTag(n)} />
        <input type="hidden" name="articles" value={n} />
        <FormKey value={values.idempotencyKey} />
        <div className="hp-field" aria-hidden="true">
          <label htmlFor={`${p}-website`}>网站（请勿填写）</label>
          <input id={`${p}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <CommentBodyField id={`${p}-body`} label={`对${article.label}的意见`} rows={4} defaultValue={values.body} error={errors.body} draft={draft} />
        <SelectField
          id={`${p}-identity`}
          label="身份类别"
          name="identityCategory"
          options={[{ value: "", label: "请选择" }, ...identities.map((i) => ({ value: i, label: i }))]}
          defaultValue={values.identityCategory ?? ""}
          required
          error={errors.identityCategory}
        />
        {requireEmail ? (
          <TextField
            id={`${p}-email`}
            label="电子邮箱（必填，用于确认和接收回执）"
            name="email"
            type="email"
            maxLength={254}
            autoComplete="email"
            required
            defaultValue={values.email}
            error={errors.email}
          />
        ) : null}
        <fieldset className="field" aria-describedby={errors.publishPreference ? `${p}-publish-error` : undefined}>
          <legend>是否公开</legend>
          {COMPACT_PUBLISH.map(([pref, label]) => (
            <label key={pref} className="radio-line">
              <input
                type="radio"
                name="publishPreference"
                id={`${p}-publish-${pref}`}
                value={pref}
                defaultChecked={(values.publishPreference ?? "anonymous") === pref}
              />{" "}
              {label}
            </label>
          ))}
          {errors.publishPreference ? (
            <p className="field-error" id={`${p}-publish-error`}>
              {errors.publishPreference}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label className="consent">
            <input
              type="checkbox"
              name="consent"
              id={`${p}-consent`}
              required
              defaultChecked={values.consent === "on"}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? `${p}-consent-error` : undefined}
            />{" "}
            同意：意见经审核后按我的选择公开，个人信息依法保护、公开时隐去；意见及处理情况将作为起草部门研究和合法性审查的依据。
          </label>
          {errors.consent ? (
            <p className="field-error" id={`${p}-consent-error`}>
              {errors.consent}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          提交对{article.label}的意见
        </button>
        <p className="hint">
          需要署名、填写单位或同时针对多个条款，请使用<a href="#comment-form-title">完整的意见表单</a>。
        </p>
      </Form>
    </details>
  );
}
