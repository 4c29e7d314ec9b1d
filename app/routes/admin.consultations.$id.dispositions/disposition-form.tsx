import { Form } from "@remix-run/react";
import { useId } from "react";
import { DISPOSITIONS } from "~db/vocabulary";
import { FormError, SelectField } from "~/ui/field";
import { TextAreaField } from "~/ui/text-area-field";
import { DISPOSITION_LABELS } from "~/features/comments";
import type { DispositionView } from "~/features/responses/index.server";
import { DISPOSITION_LIMITS } from "~/features/responses";

export interface Reply {
  target: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * One decision, for an opinion of a topic or for a single comment. Every field stays visible, so
 * the form works the same without JavaScript; the hints say which fields each result requires.
 * `extra` holds the fields an opinion adds (its point and its comments), shown before the answer.
 */
export function DispositionForm({
  target,
  intent = "record",
  hidden,
  current,
  articles,
  reply,
  submitLabel,
  extra,
}: {
  target: string;
  intent?: string;
  hidden: Record<string, string | number>;
  current: DispositionView | null;
  articles: Array<{ identityId: number; label: string }>;
  reply: Reply | undefined;
  submitLabel: string;
  extra?: (mine: Reply | undefined) => React.ReactNode;
}) {
  const id = useId();
  const mine = reply?.target === target ? reply : undefined;
  const errors = mine?.errors ?? {};
  const value = (name: string, fallback: string) => mine?.values[name] ?? fallback;
  const decision = value("decision", current?.decision ?? "");
  return (
    <Form method="post" className="disposition-form" aria-label={submitLabel}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <FormError message={errors.form} />
      {extra?.(mine)}
      <fieldset className="field" aria-describedby={errors.decision ? `${id}-decision-error` : undefined}>
        <legend>处理结果</legend>
        <div className="decision-choices">
          {DISPOSITIONS.map((d) => (
            <label key={d} className="radio-line">
              <input type="radio" name="decision" value={d} defaultChecked={decision === d} required /> {DISPOSITION_LABELS[d]}
            </label>
          ))}
        </div>
        {errors.decision ? (
          <p className="field-error" id={`${id}-decision-error`}>
            {errors.decision}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="理由"
        name="reason"
        rows={3}
        maxLength={DISPOSITION_LIMITS.reason}
        hint="除“采纳”外必填，将写入意见采纳情况说明并向提出人公开。"
        defaultValue={value("reason", current?.reason ?? "")}
        error={errors.reason}
      />
      <SelectField
        label="涉及条款"
        name="articleIdentityId"
        defaultValue={value("articleIdentityId", current?.articleIdentityId ? String(current.articleIdentityId) : "")}
        error={errors.articleIdentityId}
        options={[{ value: "", label: "不涉及具体条款（总体意见）" }, ...articles.map((a) => ({ value: String(a.identityId), label: a.label }))]}
      />
      <TextAreaField
        label="修改情况"
        name="changeMade"
        rows={2}
        maxLength={DISPOSITION_LIMITS.changeMade}
        hint="采纳、部分采纳时必填：写明对征求意见稿作了哪些修改。"
        defaultValue={value("changeMade", current?.changeMade ?? "")}
        error={errors.changeMade}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** A recorded decision, as a definition list. */
export function DispositionFacts({ d }: { d: DispositionView }) {
  return (
    <dl className="disposition-facts">
      <div>
        <dt>处理结果</dt>
        <dd>
          <span className={`badge disposition-${d.decision}`}>{DISPOSITION_LABELS[d.decision]}</span>
        </dd>
      </div>
      {d.reason ? (
        <div>
          <dt>理由</dt>
          <dd>{d.reason}</dd>
        </div>
      ) : null}
      <div>
        <dt>涉及条款</dt>
        <dd>{d.articleLabel ?? "总体意见"}</dd>
      </div>
      {d.changeMade ? (
        <div>
          <dt>修改情况</dt>
          <dd>{d.changeMade}</dd>
        </div>
      ) : null}
      <div>
        <dt>处理人</dt>
        <dd>{d.decidedBy}</dd>
      </div>
    </dl>
  );
}
