import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { Form, useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { FormError } from "~/ui/field";
import { PUBLIC_STATUSES, publicPhase, WorkflowError } from "~/features/consultations";
import { canDraft, canOpenPacket } from "~/features/accounts";
import { latestArticles, requireStaffConsultation } from "~/features/consultations/index.server";
import { LegalAnswerSchema, LegalFinishSchema, LegalOpinionSchema } from "~/features/packet";
import {
  addLegalOpinion,
  answerLegalOpinion,
  ensurePacketBuild,
  getLegalReview,
  legalOpinionsOf,
  markLegalReviewFinished,
  markLegalReviewReceived,
  maySubmitToLegal,
  packetSummary,
  registerCount,
  removeLegalOpinion,
  resubmitLegalReview,
  returnLegalReview,
  submitToLegalReview,
} from "~/features/packet/index.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import { Downloads } from "./downloads";
import { LegalProgress } from "./legal-progress";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `合法性审查材料 - ${data?.c.title ?? "征求意见"} - 工作台` }];

async function load(request: Request, id: string | undefined) {
  const db = getDb();
  const { user, c } = await requireStaffConsultation(request, id, async (user, c) => canOpenPacket(user, c, (await getLegalReview(db, c.id)) !== undefined));
  return { user, c, review: await getLegalReview(db, c.id), db };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, c, review, db } = await load(request, params.id);
  const phase = publicPhase(c);
  const summary = await packetSummary(db, c.id);
  // The files of the packet's current version: stored, or started now in the background.
  const build = await ensurePacketBuild(db, c.id, new Date(), c);
  return {
    build: {
      status: build.status,
      startedAt: build.startedAt,
      finishedAt: build.finishedAt,
      durationMs: build.durationMs,
      pdfError: build.pdfError,
      error: build.error,
    },
    c: { id: c.id, title: c.title, divisionName: c.divisionName, phase },
    review: review ?? null,
    // The legal office's opinions of a round under review are its own until it returns the packet.
    opinions: (await legalOpinionsOf(db, c.id)).filter(
      (o) => user.role === "legal" || !review || o.round !== review.round || review.stage === "returned" || review.stage === "finished"
    ),
    articles:
      user.role === "legal" && review?.stage === "in_review" ? (await latestArticles(db, c.id)).map((a) => ({ identityId: a.identityId, label: a.label })) : [],
    summary: { source: summary.source, note: summary.note },
    counts: { internal: await registerCount(db, c.id, "internal"), public: await registerCount(db, c.id, "public") },
    publicRegister: PUBLIC_STATUSES.includes(c.status) && c.showComments,
    may: {
      submit: canDraft(user, c) && !review,
      submitNow: maySubmitToLegal(c),
      legal: user.role === "legal",
      answer: canDraft(user, c) && review?.stage === "returned",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c, db } = await load(request, params.id);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: Record<string, string>, status = 400) => data({ intent, errors, values: formValues(form) }, { status });
  try {
    if (intent === "submit") await submitToLegalReview(db, c.id, user);
    else if (intent === "receive") await markLegalReviewReceived(db, c.id, user);
    else if (intent === "opinion") {
      const parsed = parseForm(LegalOpinionSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await addLegalOpinion(db, c.id, user, parsed.data);
    } else if (intent === "remove-opinion") {
      const opinionId = Number(form.get("opinionId"));
      if (!Number.isSafeInteger(opinionId)) return fail({ form: "未找到该审查意见。" }, 404);
      await removeLegalOpinion(db, c.id, user, opinionId);
    } else if (intent === "return") await returnLegalReview(db, c.id, user);
    else if (intent === "answer") {
      const parsed = parseForm(LegalAnswerSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await answerLegalOpinion(db, c.id, user, parsed.data);
    } else if (intent === "resubmit") await resubmitLegalReview(db, c.id, user);
    else if (intent === "finish") {
      const parsed = parseForm(LegalFinishSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await markLegalReviewFinished(db, c.id, user, parsed.data.note);
    } else return fail({ form: "未知的操作。" });
  } catch (error) {
    if (error instanceof WorkflowError) return fail({ form: error.message }, error.status);
    throw error;
  }
  return redirect(`/admin/consultations/${c.id}/packet?done=${intent}`);
}

const DONE: Record<string, string> = {
  submit: "已报送法制审核，法制机构将收到通知。",
  receive: "已登记接收。",
  opinion: "已添加审查意见。",
  "remove-opinion": "已删除审查意见。",
  return: "已退回修改，起草处室将收到通知。",
  answer: "已保存答复。",
  resubmit: "已重新报送法制审核，法制机构将收到通知。",
  finish: "已登记审查完毕，起草处室将收到通知。",
};

export default function PacketPage() {
  const { c, review, opinions, articles, summary, counts, publicRegister, may, build } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  // While the files are built, the page asks again every few seconds (the status region announces
  // the change); without JavaScript the 立即刷新 link does the same. No page reload: nothing moves
  // under the reader's cursor (a timed refresh fails WCAG 2.2.1).
  const revalidator = useRevalidator();
  const building = build.status === "building";
  useEffect(() => {
    if (!building) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [building, revalidator]);
  return (
    <>
      <h1>合法性审查材料</h1>
      <ConsultationMeta c={c} staffLink phase={c.phase} />
      {done ? (
        <div className="alert success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <FormError message={result?.errors.form} />

      {may.submit ? (
        <section className="action-panel" aria-labelledby="submit-title">
          <h2 id="submit-title">报送法制审核</h2>
          {may.submitNow ? (
            <>
              <p>报送后状态变为“已报送法制审核”，法制机构将收到通知并可下载以下材料。报送后不能撤回。</p>
              {summary.source === "drafted" ? (
                <p className="alert warning">意见采纳情况说明尚未保存，材料中将使用平台根据处理情况生成的初稿，并注明“平台初稿”。</p>
              ) : null}
              {summary.source === "none" ? <p className="alert warning">意见采纳情况说明尚未起草，材料中该部分将显示为“未起草”。</p> : null}
              <Form method="post">
                <button className="button" name="intent" value="submit">
                  报送法制审核
                </button>
              </Form>
            </>
          ) : (
            <p>征求意见期结束后才能报送法制审核。</p>
          )}
        </section>
      ) : null}

      <LegalProgress review={review} opinions={opinions} articles={articles} legal={may.legal} drafter={may.answer} reply={result} />

      <Downloads consultationId={c.id} counts={counts} summaryNote={summary.note} publicRegister={publicRegister} build={build} />
    </>
  );
}
