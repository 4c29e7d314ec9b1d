import { Form } from "@remix-run/react";
import { useState } from "react";
import { DOC_TYPES } from "~db/vocabulary";
import { DOC_TYPE_LABELS, LIMITS } from "~/features/consultations";
import { SelectField, TextField } from "./field";
import { PeriodHint } from "./period-hint";
import { TextAreaField } from "./text-area-field";

export interface DraftPreview {
  title: string | null;
  chapters: number;
  articles: number;
  outline: Array<{ kind: string; label: string | null; heading: string | null; text: string }>;
  warnings: string[];
}

type Values = Record<string, string | undefined>;

/** Create and edit a consultation: one form, with a "parse" step that shows the draft's structure. */
export function ConsultationForm({
  values,
  errors,
  calendar,
  preview,
  submitLabel,
}: {
  values: Values;
  errors: Record<string, string | undefined>;
  calendar: { holidays: string[]; workdays: string[] };
  preview: DraftPreview | null;
  submitLabel: string;
}) {
  const [docType, setDocType] = useState(values.docType ?? "rule");
  const [opensAt, setOpensAt] = useState(values.opensAt ?? "");
  return (
    <Form method="post" encType="multipart/form-data" className="form wide-form">
      <TextField label="标题" name="title" required maxLength={LIMITS.title} defaultValue={values.title} error={errors.title} />
      <SelectField
        label="文件类型"
        name="docType"
        options={DOC_TYPES.map((t) => ({ value: t, label: DOC_TYPE_LABELS[t] }))}
        value={docType}
        onChange={(e) => setDocType(e.currentTarget.value)}
        error={errors.docType}
      />
      <TextAreaField label="内容摘要（列表中显示）" name="summary" maxLength={LIMITS.summary} rows={3} defaultValue={values.summary} error={errors.summary} />

      <fieldset className="field">
        <legend>征求意见稿正文</legend>
        <p className="hint">
          粘贴正文，或上传 .docx
          文件后点击“解析正文”。系统按“第X章”“第X节”“第X条”及（一）（二）识别结构，保存前请核对下方的解析结果，如有错误直接修改正文后重新解析。
        </p>
        <div className="field">
          <label htmlFor="draftFile">上传 .docx 文件（选填，将替换下方正文）</label>
          <input
            id="draftFile"
            name="draftFile"
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={errors.draftFile ? "draftFile-error" : undefined}
            aria-invalid={errors.draftFile ? true : undefined}
          />
          {errors.draftFile ? (
            <p className="field-error" id="draftFile-error">
              {errors.draftFile}
            </p>
          ) : null}
        </div>
        <TextAreaField
          label="正文"
          name="draftText"
          required
          rows={16}
          defaultValue={values.draftText}
          error={errors.draftText}
          hint={`不超过 ${LIMITS.draftText.toLocaleString("zh-CN")} 个字符。`}
        />
        <button type="submit" name="intent" value="preview" className="button secondary" formNoValidate>
          解析正文
        </button>
      </fieldset>
      {preview ? <DraftPreviewView preview={preview} /> : null}

      <TextAreaField
        label="起草说明（决策依据）"
        name="basis"
        required
        rows={8}
        maxLength={LIMITS.basis}
        defaultValue={values.basis}
        error={errors.basis}
        hint="说明制定的必要性、法律依据、起草过程和主要内容。"
      />
      <TextAreaField
        label="政策解读（选填）"
        name="interpretation"
        rows={5}
        maxLength={LIMITS.interpretation}
        defaultValue={values.interpretation}
        error={errors.interpretation}
      />

      <fieldset className="field">
        <legend>征求意见期（北京时间）</legend>
        <PeriodHint docType={docType} opensAt={opensAt} calendar={calendar} id="period-hint" />
        <TextField
          label="开始时间"
          name="opensAt"
          type="datetime-local"
          required
          value={opensAt}
          onChange={(e) => setOpensAt(e.currentTarget.value)}
          error={errors.opensAt}
          aria-describedby="period-hint"
        />
        <TextField label="截止时间" name="closesAt" type="datetime-local" required defaultValue={values.closesAt} error={errors.closesAt} />
        <TextAreaField
          label="缩短期限的理由（征求意见期短于法定期限时必填，将向社会公开）"
          name="shortPeriodReason"
          rows={2}
          maxLength={LIMITS.reason}
          defaultValue={values.shortPeriodReason}
          error={errors.shortPeriodReason}
        />
      </fieldset>

      <TextField label="信函通信地址（选填）" name="contactAddress" maxLength={200} defaultValue={values.contactAddress} error={errors.contactAddress} />
      <TextField
        label="接收意见的电子邮箱（选填）"
        name="contactEmail"
        type="email"
        maxLength={254}
        defaultValue={values.contactEmail}
        error={errors.contactEmail}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="showComments" defaultChecked={values.showComments !== "off"} /> 审核通过的意见向社会公开展示
        </label>
      </div>
      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

function DraftPreviewView({ preview }: { preview: DraftPreview }) {
  return (
    <section className="alert" aria-labelledby="preview-title">
      <h2 id="preview-title">解析结果</h2>
      <p role="status">
        {preview.title ? `标题：${preview.title}；` : ""}共识别出 {preview.chapters} 章、{preview.articles} 条。
      </p>
      {preview.warnings.length ? (
        <ul className="field-error">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <ol className="draft-outline">
        {preview.outline.map((n, i) => (
          <li key={i} className={`outline-${n.kind}`}>
            <strong>{n.label}</strong> {n.heading ?? n.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
