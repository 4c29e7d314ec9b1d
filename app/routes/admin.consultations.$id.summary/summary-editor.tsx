import { Form, Link } from "@remix-run/react";
import { TextAreaField } from "~/ui/text-area-field";
import { SUMMARY_MAX } from "~/features/responses";

export const SUMMARY_STATUS_LABELS = { draft: "草稿", pending_review: "待审核", approved: "审核通过，待发布", published: "已发布" } as const;

type Topic = { id: number; label: string; size: number };

/** Drafting: generate from the data, edit, save, submit — warning about unanswered topics first. */
export function SummaryEditor({
  hasSummary,
  body,
  errors,
  undecided,
  consultationId,
  refused,
}: {
  hasSummary: boolean;
  body: string;
  errors: Record<string, string | undefined>;
  undecided: Topic[];
  consultationId: number;
  refused: boolean;
}) {
  return (
    <>
      {undecided.length ? (
        <section className="alert warning" aria-labelledby="undecided-title">
          <h2 id="undecided-title">还有 {undecided.length} 个主题尚未处理</h2>
          <p>以下主题还没有处理结果，说明中将写为“尚未作出处理”。建议先在意见处理表中处理：</p>
          <ul>
            {undecided.map((t) => (
              <li key={t.id}>
                <Link to={`/admin/consultations/${consultationId}/dispositions#topic-${t.id}`}>{t.label}</Link>（{t.size} 条意见）
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {hasSummary ? (
        <Form method="post" className="action-panel summary-form" aria-labelledby="edit-title">
          <h2 id="edit-title">编辑说明</h2>
          <TextAreaField
            label="说明正文"
            name="body"
            rows={28}
            required
            maxLength={SUMMARY_MAX}
            defaultValue={body}
            error={errors.body}
            hint="段落之间空一行。引用的意见均为隐去个人信息后的公开文本，请勿补充提出人的姓名、电话等个人信息。"
          />
          {undecided.length ? (
            <div className="field confirm-line">
              <label>
                <input
                  type="checkbox"
                  name="confirmUndecided"
                  value="1"
                  aria-invalid={errors.confirmUndecided ? true : undefined}
                  aria-describedby={errors.confirmUndecided ? "confirm-undecided-error" : undefined}
                />{" "}
                我已知悉上述 {undecided.length} 个主题尚未处理，仍要提交审核
              </label>
              {errors.confirmUndecided ? (
                <p className="field-error" id="confirm-undecided-error" role={refused ? "alert" : undefined}>
                  {errors.confirmUndecided}
                </p>
              ) : null}
            </div>
          ) : null}
          <p className="button-row">
            <button type="submit" name="intent" value="save" className="button secondary">
              保存
            </button>
            <button type="submit" name="intent" value="submit" className="button">
              提交审核
            </button>
          </p>
        </Form>
      ) : null}

      <Form method="post" className="action-panel" aria-labelledby="generate-title">
        <h2 id="generate-title">{hasSummary ? "按最新数据重新生成" : "生成说明初稿"}</h2>
        <p>平台根据意见总数、提出人数、渠道、内容基本相同的意见、各主题的处理结果和代表性意见（仅引用隐去个人信息后的公开文本）起草说明，起草后可以修改。</p>
        <input type="hidden" name="intent" value="generate" />
        {hasSummary ? (
          <div className="field confirm-line">
            <label>
              <input
                type="checkbox"
                name="confirmOverwrite"
                value="1"
                aria-invalid={errors.confirmOverwrite ? true : undefined}
                aria-describedby={errors.confirmOverwrite ? "confirm-overwrite-error" : undefined}
              />{" "}
              重新生成将覆盖上面已修改的文本，我确认覆盖
            </label>
            {errors.confirmOverwrite ? (
              <p className="field-error" id="confirm-overwrite-error">
                {errors.confirmOverwrite}
              </p>
            ) : null}
          </div>
        ) : null}
        <button type="submit" className={hasSummary ? "button secondary" : "button"}>
          {hasSummary ? "重新生成" : "生成初稿"}
        </button>
      </Form>
    </>
  );
}
