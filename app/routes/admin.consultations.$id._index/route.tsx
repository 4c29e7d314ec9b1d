import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuditChanges } from "~/ui/audit-changes";
import { FormError, TextField } from "~/ui/field";
import { auditActionLabel, auditChanges, canDraft, canReview, canView } from "~/features/accounts";
import { TextAreaField } from "~/ui/text-area-field";
import { ExtendSchema, publicPhase, ReasonSchema, ReviewSchema, toShanghaiInput, WorkflowError } from "~/features/consultations";
import {
  AttachmentError,
  consultationReviews,
  extendDeadline,
  getStaffConsultation,
  listAttachments,
  listVersions,
  loadCalendar,
  readinessProblems,
  removeAttachment,
  review,
  saveAttachment,
  submitForReview,
  withdraw,
} from "~/features/consultations/index.server";
import { periodAtPublication } from "~/platform/periods";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { recentAudit } from "~/platform/audit.server";
import { chosenFile, FormReadError, readForm } from "~/platform/multipart.server";
import { parseForm } from "~/platform/forms";
import { requireUser } from "~/platform/permissions.server";
import { idParam } from "~/platform/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.c.title ?? "征求意见"} - 工作台` }];

async function load(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const c = await getStaffConsultation(getDb(), idParam(rawId) ?? NaN);
  if (!c) throw new Response("Not Found", { status: 404 });
  if (!canView(user, c)) throw new Response("Forbidden", { status: 403 });
  return { user, c };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const db = getDb();
  const now = new Date();
  return {
    c,
    phase: publicPhase(c, now),
    may: {
      draft: canDraft(user, c),
      review: canReview(user, c) && c.status === "pending_review",
      selfAuthored: user.id === c.authorId,
      reviewer: user.role === "reviewer",
      legal: user.role === "legal",
    },
    problems: c.status === "draft" ? await readinessProblems(db, c, now) : [],
    // What approving now would publish: the real start and whether the period is still long enough.
    approval:
      c.status === "pending_review" && c.opensAt && c.closesAt ? periodAtPublication(c.docType, c.opensAt, c.closesAt, now, await loadCalendar(db)) : null,
    versions: await listVersions(db, c.id),
    attachments: await listAttachments(db, c.id),
    reviews: await consultationReviews(db, c.id),
    audit: (await recentAudit(db, { entityType: "consultation", entityId: String(c.id) }, 50)).map((a) => ({
      id: a.id,
      at: a.at,
      actor: a.actorLabel,
      action: auditActionLabel(a.action),
      changes: auditChanges({ entityType: a.entityType, before: a.before, after: a.after }),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const db = getDb();
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (error instanceof FormReadError)
      return data(
        { intent: "attach", errors: { form: error.message } as Record<string, string>, values: {} as Record<string, string> },
        { status: error.status }
      );
    throw error;
  }
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: Record<string, string>, status = 400) =>
    data({ intent, errors, values: Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string> }, { status });
  try {
    if (intent === "submit") {
      await submitForReview(db, c.id, user);
    } else if (intent === "review") {
      const parsed = parseForm(ReviewSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await review(db, c.id, user, parsed.data.decision, parsed.data.comment, new Date(), parsed.data.shortPeriodReason);
    } else if (intent === "extend") {
      const parsed = parseForm(ExtendSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await extendDeadline(db, c.id, user, parsed.data.closesAt, parsed.data.reason);
    } else if (intent === "withdraw") {
      const parsed = parseForm(ReasonSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await withdraw(db, c.id, user, parsed.data.reason);
    } else if (intent === "attach" || intent === "detach") {
      if (!canDraft(user, c) || c.status !== "draft") return fail({ form: "只有本处室的起草人员可以在草稿阶段管理附件。" }, 403);
      if (intent === "detach") await removeAttachment(db, c.id, Number(form.get("attachmentId")), user);
      else {
        const file = chosenFile(form, "file");
        if (!file) return fail({ file: "请选择要上传的文件。" });
        await saveAttachment(db, c.id, file, user);
      }
    } else {
      return fail({ form: "未知的操作。" });
    }
  } catch (error) {
    if (error instanceof WorkflowError) return fail({ form: error.message }, error.status);
    if (error instanceof AttachmentError) return fail({ file: error.message });
    throw error;
  }
  return redirect(`/admin/consultations/${c.id}?done=${intent}`);
}

const DONE: Record<string, string> = {
  attach: "附件已上传。",
  detach: "附件已删除。",
  submit: "已提交审核。",
  review: "审核意见已记录。",
  extend: "截止时间已延长，延期理由已向社会公开。",
  withdraw: "已撤回，撤回理由已向社会公开。",
};

export default function StaffConsultation() {
  const { c, phase, may, problems, approval, versions, attachments, reviews, audit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const done = DONE[params.get("done") ?? ""] ?? (params.get("saved") ? "已保存。" : null);
  const open = phase === "open" || phase === "upcoming";
  return (
    <>
      <h1>{c.title}</h1>
      <ConsultationMeta c={c} phase={phase} docType={c.docType}>
        {c.opensAt && c.closesAt ? (
          <span>
            征求意见期：{formatDateTime(c.opensAt)} 至 {formatDateTime(c.closesAt)}
          </span>
        ) : null}
      </ConsultationMeta>
      {done ? (
        <div className="alert success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {params.get("locked") ? (
        <div className="alert warning" role="status">
          <p>已提交审核或已发布的征求意见不能直接修改；已发布的可发布新版本。</p>
        </div>
      ) : null}
      <FormError message={errors.form} />
      <p className="button-row">
        {c.status !== "draft" && c.status !== "pending_review" ? <Link to={`/consultations/${c.id}`}>查看公开页面</Link> : null}
        {may.draft && c.status === "draft" ? (
          <Link className="button secondary" to="edit">
            修改草稿
          </Link>
        ) : null}
        {(may.draft || may.reviewer) && !["draft", "pending_review"].includes(c.status) ? (
          <Link className="button secondary" to="moderation">
            审核意见
          </Link>
        ) : null}
        {(may.draft || may.reviewer || may.legal) && !["draft", "pending_review"].includes(c.status) ? (
          <Link className="button secondary" to="analysis">
            意见分析
          </Link>
        ) : null}
        {(may.draft || may.reviewer || may.legal) && !["draft", "pending_review"].includes(c.status) ? (
          <Link className="button secondary" to="dispositions">
            意见处理表
          </Link>
        ) : null}
        {(may.draft || may.reviewer || may.legal) && !["draft", "pending_review"].includes(c.status) ? (
          <Link className="button secondary" to="summary">
            意见采纳情况说明
          </Link>
        ) : null}
        {((may.draft || may.reviewer) && !["draft", "pending_review"].includes(c.status)) ||
        (may.legal && ["legal_review", "feedback_published"].includes(c.status)) ? (
          <Link className="button secondary" to="packet">
            合法性审查材料
          </Link>
        ) : null}
        {may.draft && !["draft", "pending_review", "withdrawn"].includes(c.status) ? (
          <Link className="button secondary" to="comments/new">
            代录信函、电话、座谈会意见
          </Link>
        ) : null}
        {may.draft && !["draft", "pending_review", "withdrawn"].includes(c.status) ? (
          <Link className="button secondary" to="versions/new">
            发布新版本
          </Link>
        ) : null}
      </p>

      {may.draft && c.status === "draft" ? (
        <section className="action-panel" aria-labelledby="submit-title">
          <h2 id="submit-title">提交审核</h2>
          {problems.length ? (
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p>草稿已完整。提交后由审核人员（不能是起草人本人）审核，审核通过即按开始时间发布。</p>
          )}
          <Form method="post">
            <button className="button" name="intent" value="submit" disabled={problems.length > 0}>
              提交审核
            </button>
          </Form>
        </section>
      ) : null}

      {c.status === "pending_review" && may.selfAuthored ? <p className="alert">本征求意见由您起草，须由其他审核人员审核。</p> : null}
      {may.review ? (
        <section className="action-panel" aria-labelledby="review-title">
          <h2 id="review-title">审核</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="review" />
            <fieldset className="field">
              <legend>审核意见</legend>
              <label>
                <input type="radio" name="decision" value="approved" defaultChecked /> 同意发布
              </label>{" "}
              <label>
                <input type="radio" name="decision" value="returned" /> 退回修改
              </label>
            </fieldset>
            <TextAreaField
              label="意见说明（退回时必填）"
              name="comment"
              rows={3}
              maxLength={500}
              defaultValue={result?.intent === "review" ? result.values.comment : ""}
              error={errors.comment}
            />
            {approval?.startMoved ? (
              <p className="alert warning" role="note">
                所填开始时间（{formatDateTime(c.opensAt!)}）已过。审核通过即发布，实际开始时间为通过之时，法定最短期限从该时起重新计算： 现在通过，最早可于{" "}
                {formatDateTime(approval.earliestEnd)} 截止。
              </p>
            ) : null}
            {approval && !approval.meetsMinimum ? (
              <TextAreaField
                label={`缩短期限的理由（将向社会公开${c.shortPeriodReason ? "；不填则沿用起草人员所填理由" : "；征求意见期短于法定最短期限，同意发布时必填"}）`}
                name="shortPeriodReason"
                rows={2}
                maxLength={500}
                defaultValue={result?.intent === "review" ? result.values.shortPeriodReason : ""}
                error={errors.shortPeriodReason}
              />
            ) : null}
            <button className="button" type="submit">
              提交审核意见
            </button>
          </Form>
        </section>
      ) : null}

      {may.draft && open && c.status === "published" ? (
        <section className="action-panel" aria-labelledby="extend-title">
          <h2 id="extend-title">延长征求意见期</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="extend" />
            <TextField
              label="新的截止时间（北京时间）"
              name="closesAt"
              type="datetime-local"
              required
              defaultValue={result?.intent === "extend" ? result.values.closesAt : toShanghaiInput(c.closesAt)}
              error={result?.intent === "extend" ? errors.closesAt : undefined}
            />
            <TextAreaField
              label="延期理由（将向社会公开）"
              name="reason"
              required
              rows={2}
              maxLength={500}
              defaultValue={result?.intent === "extend" ? result.values.reason : ""}
              error={result?.intent === "extend" ? errors.reason : undefined}
            />
            <button className="button secondary" type="submit">
              延长期限
            </button>
          </Form>
        </section>
      ) : null}

      {may.draft && !["draft", "pending_review", "withdrawn"].includes(c.status) ? (
        <section className="action-panel" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">撤回</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <TextAreaField
              label="撤回理由（将向社会公开）"
              name="reason"
              required
              rows={2}
              maxLength={500}
              defaultValue={result?.intent === "withdraw" ? result.values.reason : ""}
              error={result?.intent === "withdraw" ? errors.reason : undefined}
            />
            <button className="button danger" type="submit">
              撤回征求意见
            </button>
          </Form>
        </section>
      ) : null}

      <h2>附件</h2>
      {attachments.length === 0 ? (
        <p>暂无附件。</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`/consultations/${c.id}/attachments/${a.id}`}>{a.filename}</a>（{Math.ceil(a.size / 1024)} KB）
              {may.draft && c.status === "draft" ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="detach" />
                  <input type="hidden" name="attachmentId" value={a.id} />{" "}
                  <button type="submit" className="link-button" aria-label={`删除附件 ${a.filename}`}>
                    删除
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {may.draft && c.status === "draft" ? (
        <Form method="post" encType="multipart/form-data" className="action-panel">
          <input type="hidden" name="intent" value="attach" />
          <div className="field">
            <label htmlFor="attachment-file">上传附件（PDF、Word、Excel、PNG、JPEG，不超过 20 MB）</label>
            <input
              id="attachment-file"
              name="file"
              type="file"
              required
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? "attachment-error" : undefined}
            />
            {errors.file ? (
              <p className="field-error" id="attachment-error">
                {errors.file}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button secondary">
            上传
          </button>
        </Form>
      ) : null}

      <h2>版本</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.id}>
            {v.label}（第 {v.versionNo} 版，{formatDateTime(v.createdAt)}）{v.changeNote ? `：${v.changeNote}` : ""}
          </li>
        ))}
      </ul>
      {versions.length > 1 ? <Link to={`/consultations/${c.id}/versions`}>逐条对照各版本的修改</Link> : null}

      <h2>审核记录</h2>
      {reviews.length === 0 ? (
        <p>暂无。</p>
      ) : (
        <ul>
          {reviews.map((r, i) => (
            <li key={i}>
              {formatDateTime(r.createdAt)} {r.reviewer}：{r.decision === "approved" ? "同意发布" : "退回修改"}
              {r.comment ? `（${r.comment}）` : ""}
            </li>
          ))}
        </ul>
      )}

      <h2>操作记录</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">变更</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.at)}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
                <td>
                  <AuditChanges changes={a.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
