import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/ui/field";
import { WorkflowError } from "~/features/consultations";
import { canDraft, canReviewSummary, canView } from "~/features/accounts";
import { requireStaffConsultation } from "~/features/consultations/index.server";
import {
  feedbackPublishBlock,
  generateSummary,
  getSummary,
  publishSummary,
  reopenSummary,
  reviewSummary,
  saveSummary,
  submitSummary,
  summaryData,
  summaryLock,
  SummaryTextError,
  titleProblems,
  titleRefusal,
  undecidedTopics,
  UndecidedTopicsError,
} from "~/features/responses/index.server";
import { describeDetections, screenText } from "~/features/comments/index.server";
import { ReviewSchema, SummaryTextSchema, WITHHELD_LABEL, withheldLabels } from "~/features/responses";
import feedbackStyles from "~/styles/feedback.css";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { formValues, parseForm } from "~/platform/forms";
import { SummaryText } from "~/ui/summary-text";
import { SUMMARY_STATUS_LABELS, SummaryEditor } from "./summary-editor";
import { ApprovedPanel, ReviewPanel } from "./summary-panels";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `意见采纳情况说明 - ${data?.c.title ?? "征求意见"} - 工作台` }];

function load(request: Request, idParam: string | undefined) {
  return requireStaffConsultation(request, idParam, canView);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const db = getDb();
  const { summary, author, history } = await getSummary(db, c.id);
  const lock = summaryLock(c);
  const drafter = canDraft(user, c) && !lock;
  // What the publication screen holds back, said to staff before anyone submits or approves.
  const facts = drafter || summary ? await summaryData(db, c.id, env().DEPARTMENT_NAME) : undefined;
  const screen = {
    withheldLabels: facts ? withheldLabels(facts).map((w) => ({ label: w.label, found: describeDetections(w.found) })) : [],
    inBody: summary ? describeDetections(screenText(summary.body)) : "",
    // Said before anyone submits: approval waits for approved topic titles (topic-titles.ts).
    titles:
      summary && summary.status !== "published"
        ? titleRefusal(await titleProblems(db, c.id, summary.body))?.replace(/^不能审核通过：/, "审核通过前须处理：") ?? ""
        : "",
  };
  return {
    c: { id: c.id, title: c.title, divisionName: c.divisionName, status: c.status },
    summary: summary
      ? {
          status: summary.status,
          body: summary.body,
          version: (summary.updatedAt ?? summary.createdAt).getTime(),
          submittedAt: summary.submittedAt,
          approvedAt: summary.approvedAt,
          publishedAt: summary.publishedAt,
        }
      : null,
    author,
    history,
    lock,
    screen,
    may: {
      draft: drafter,
      review: summary?.status === "pending_review" && canReviewSummary(user, summary),
      selfAuthored: summary?.authorId === user.id,
    },
    publishBlock: drafter && summary?.status === "approved" ? await feedbackPublishBlock(db, c) : null,
    undecided:
      drafter && (!summary || summary.status === "draft") ? (await undecidedTopics(db, c.id)).map((t) => ({ id: t.id, label: t.label, size: t.size })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const db = getDb();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: Record<string, string>, status = 400, undecided: Array<{ id: number; label: string; size: number }> = []) =>
    data({ intent, errors, values: formValues(form), undecided }, { status });
  try {
    if (intent === "generate") {
      const exists = (await getSummary(db, c.id)).summary;
      if (exists && form.get("confirmOverwrite") !== "1") return fail({ confirmOverwrite: "重新生成会覆盖当前文本，请勾选确认。" });
      const { redacted } = await generateSummary(db, c.id, user, env().DEPARTMENT_NAME);
      if (redacted.length) return redirect(`/admin/consultations/${c.id}/summary?done=generate&redacted=${redacted.length}`);
    } else if (intent === "save" || intent === "submit") {
      const parsed = parseForm(SummaryTextSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      if (intent === "save") await saveSummary(db, c.id, user, parsed.data.body);
      else await submitSummary(db, c.id, user, parsed.data.body, parsed.data.confirmUndecided);
    } else if (intent === "review") {
      const parsed = parseForm(ReviewSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await reviewSummary(db, c.id, user, parsed.data.decision, parsed.data.comment);
    } else if (intent === "reopen") {
      await reopenSummary(db, c.id, user);
    } else if (intent === "publish") {
      await publishSummary(db, c.id, user);
    } else {
      return fail({ form: "未知的操作。" });
    }
  } catch (error) {
    if (error instanceof UndecidedTopicsError) {
      return fail(
        { confirmUndecided: "仍有主题尚未处理。请先处理，或勾选确认后再提交。" },
        409,
        error.topics.map((t) => ({ id: t.id, label: t.label, size: t.size }))
      );
    }
    if (error instanceof SummaryTextError) return fail({ body: error.message });
    if (error instanceof WorkflowError) return fail({ form: error.message }, error.status);
    throw error;
  }
  return redirect(`/admin/consultations/${c.id}/summary?done=${intent}`);
}

const DONE: Record<string, string> = {
  generate: "已按最新数据生成说明初稿，请核对修改。",
  save: "已保存。",
  submit: "已提交审核。审核人员（不能是起草人本人）审核通过后即可发布。",
  review: "审核意见已记录。",
  reopen: "已撤回修改，修改后须重新提交审核。",
  publish: "意见采纳情况说明已发布，征求意见状态已改为“已公布反馈”。",
};

export default function SummaryPage() {
  const { c, summary, author, history, lock, may, undecided, screen, publishBlock } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const errors: Record<string, string | undefined> = reply?.errors ?? {};
  const editing = may.draft && (!summary || summary.status === "draft");
  return (
    <>
      <h1>意见采纳情况说明</h1>
      <ConsultationMeta c={c} staffLink>
        {summary ? <span className="badge">{SUMMARY_STATUS_LABELS[summary.status]}</span> : <span>尚未起草</span>}
        {author ? <span>起草人：{author}</span> : null}
      </ConsultationMeta>
      <p className="button-row">
        <Link to={`/admin/consultations/${c.id}/dispositions`}>意见处理表</Link>
        {summary?.status === "published" ? <Link to={`/consultations/${c.id}/feedback`}>查看公开的反馈页面</Link> : null}
      </p>
      {done ? (
        <div className="alert success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <FormError message={errors.form} />
      {Number(params.get("redacted")) > 0 ? (
        <p className="alert warning" role="status">
          生成的文本中检出 {Number(params.get("redacted"))} 处疑似个人信息（可能来自处理理由或修改情况），已替换为说明文字，请核对。
        </p>
      ) : null}
      {screen.withheldLabels.length ? (
        <div className="alert warning">
          <p>以下主题名称含疑似个人信息，公开的说明和反馈页面中以“{WITHHELD_LABEL}”代替。请在意见分析中重命名这些主题后重新生成：</p>
          <ul>
            {screen.withheldLabels.map((w) => (
              <li key={w.label}>
                “{w.label}”（{w.found}）
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {screen.inBody && summary?.status !== "published" ? (
        <p className="alert warning">说明正文中检出疑似个人信息：{screen.inBody}。说明将向社会公开，删除前不能提交、审核通过或发布。</p>
      ) : null}
      {screen.titles ? <p className="alert warning">{screen.titles}</p> : null}
      {lock && summary?.status !== "published" ? <p className="alert">{lock}</p> : null}
      {editing ? (
        <SummaryEditor
          // A new stored text (saved, redrafted) replaces what the textarea shows; a refused one keeps what was typed.
          key={summary?.version ?? 0}
          hasSummary={summary !== null}
          body={reply?.values.body ?? summary?.body ?? ""}
          errors={errors}
          undecided={reply?.undecided?.length ? reply.undecided : undecided}
          consultationId={c.id}
          refused={Boolean(reply?.undecided?.length)}
        />
      ) : summary ? (
        <section aria-labelledby="text-title">
          <h2 id="text-title">说明正文</h2>
          <SummaryText body={summary.body} />
        </section>
      ) : (
        <p>尚未起草意见采纳情况说明。</p>
      )}
      {summary?.status === "pending_review" && may.selfAuthored ? <p className="alert">本说明由您起草，须由其他审核人员审核。</p> : null}
      {may.review ? <ReviewPanel errors={errors} values={reply?.intent === "review" ? reply.values : {}} /> : null}
      {may.draft && summary?.status === "approved" ? <ApprovedPanel publishBlock={publishBlock} consultationId={c.id} /> : null}
      {summary?.publishedAt ? <p>已于 {formatDateTime(summary.publishedAt)} 发布。</p> : null}

      <h2>审核记录</h2>
      {history.length === 0 ? (
        <p>暂无。</p>
      ) : (
        <ul>
          {history.map((r, i) => (
            <li key={i}>
              {formatDateTime(r.createdAt)} {r.reviewer}：{r.decision === "approved" ? "审核通过" : "退回修改"}
              {r.comment ? `（${r.comment}）` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
