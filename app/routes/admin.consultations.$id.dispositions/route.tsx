import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/ui/field";
import { WorkflowError } from "~/features/consultations";
import { canDraft, canView } from "~/features/accounts";
import { requireStaffConsultation } from "~/features/consultations/index.server";
import {
  approveTopicTitle,
  clearOverride,
  deleteOpinion,
  dispositionLock,
  dispositionMatrix,
  recordDisposition,
  recordOpinion,
  topicOfComment,
} from "~/features/responses/index.server";
import { ClearOverrideSchema, DeleteOpinionSchema, DispositionSchema, OpinionSchema, TopicTitleSchema } from "~/features/responses";
import feedbackStyles from "~/styles/feedback.css";
import { formatDateTime } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { formValues, parseForm } from "~/platform/forms";
import type { Reply } from "./disposition-form";
import { TopicCard } from "./topic-card";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `意见处理表 - ${data?.c.title ?? "征求意见"} - 工作台` }];

/** Drafters of the division record; reviewers, the legal office and admins may look. */
function load(request: Request, idParam: string | undefined) {
  return requireStaffConsultation(request, idParam, canView);
}

const positiveId = (v: string | null) => (v && /^\d{1,12}$/.test(v) ? Number(v) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, c } = await load(request, params.id);
  const db = getDb();
  const search = new URL(request.url).searchParams;
  const overrideId = positiveId(search.get("override"));
  // A comment picked for its own answer may lie past the first page of its topic: list the whole topic.
  const overrideTopic = overrideId ? await topicOfComment(db, overrideId) : null;
  const expand = positiveId(search.get("expand")) ?? overrideTopic ?? null;
  const lock = dispositionLock(c);
  return {
    c: { id: c.id, title: c.title, divisionName: c.divisionName },
    canRecord: canDraft(user, c) && !lock,
    lock,
    matrix: await dispositionMatrix(db, c.id, { expand }),
    overrideId,
    expand,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.id);
  if (!canDraft(user, c)) throw new Response("只有本处室的起草人员可以处理意见。", { status: 403 });
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const target = targetOf(intent, form);
  const fail = (errors: Record<string, string>, status = 400) => data<Reply>({ target, errors, values: formValues(form) }, { status });
  let anchor = target;
  try {
    if (intent === "record") {
      const parsed = parseForm(DispositionSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await recordDisposition(getDb(), c.id, user, parsed.data);
    } else if (intent === "opinion") {
      const parsed = parseForm(OpinionSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      anchor = `opinion-${(await recordOpinion(getDb(), c.id, user, parsed.data)).id}`;
    } else if (intent === "delete-opinion") {
      const parsed = parseForm(DeleteOpinionSchema, form);
      if (!parsed.ok) return fail({ form: "请指定一个意见要点。" });
      await deleteOpinion(getDb(), c.id, user, parsed.data.opinionId);
      anchor = "";
    } else if (intent === "title") {
      const parsed = parseForm(TopicTitleSchema, form);
      if (!parsed.ok) return fail(parsed.errors);
      await approveTopicTitle(getDb(), c.id, user, parsed.data);
    } else if (intent === "clear") {
      const parsed = parseForm(ClearOverrideSchema, form);
      if (!parsed.ok) return fail({ form: "请指定一条意见。" });
      await clearOverride(getDb(), c.id, user, parsed.data.commentId);
    } else {
      return fail({ form: "未知的操作。" });
    }
  } catch (error) {
    if (error instanceof WorkflowError) return fail({ form: error.message }, error.status);
    throw error;
  }
  const back = new URL(request.url);
  back.searchParams.delete("override");
  back.searchParams.set("done", intent);
  return redirect(`${back.pathname}${back.search}${anchor ? `#${anchor}` : ""}`);
}

/** Which form on the page answered: its errors are shown beside it, and the page returns to it. */
function targetOf(intent: string, form: FormData): string {
  const field = (name: string) => (/^\d{1,12}$/.test(String(form.get(name) ?? "")) ? String(form.get(name)) : null);
  if (intent === "opinion") return field("opinionId") ? `opinion-${field("opinionId")}` : `topic-${field("topicId")}-new`;
  if (intent === "title") return `topic-${field("topicId")}-title`;
  if (intent === "delete-opinion") return `opinion-${field("opinionId")}`;
  return field("commentId") ? `comment-${field("commentId")}` : `topic-${field("topicId")}`;
}

const DONE: Record<string, string> = {
  record: "处理结果已保存。有电子邮箱的提出人将收到处理结果通知。",
  opinion: "意见要点已保存。其答复的意见中，有电子邮箱的提出人将收到处理结果通知。",
  "delete-opinion": "意见要点已删除，其答复的意见变为尚未答复。",
  title: "公开标题已确认。",
  clear: "已撤销单独处理，该意见改用其所属意见要点的答复（未归入意见要点的，为尚未答复）。",
};

export default function DispositionMatrix() {
  const { c, canRecord, lock, matrix, overrideId, expand } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const undecided = matrix.topics.filter((t) => !t.decided);
  const total = matrix.topics.length;
  return (
    <>
      <h1>意见处理表</h1>
      <ConsultationMeta c={c} staffLink>
        {matrix.lastRunAt ? <span>主题来自 {formatDateTime(matrix.lastRunAt)} 的意见分析</span> : null}
      </ConsultationMeta>
      <p className="button-row">
        <Link to={`/admin/consultations/${c.id}/summary`}>意见采纳情况说明</Link>
      </p>
      {done ? (
        <div className="alert success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {reply && !reply.target.match(/^(topic-\d+-(new|title)|opinion-\d+|comment-\d+)$/) ? <FormError message={reply.errors.form} /> : null}
      {lock ? <p className="alert">{lock}</p> : null}
      {total === 0 ? (
        <p className="no-results">
          还没有可处理的主题：请先<Link to={`/admin/consultations/${c.id}/analysis`}>运行意见分析</Link>，分析完成后意见按主题列在这里。
        </p>
      ) : (
        <section className="action-panel" aria-labelledby="progress-title">
          <h2 id="progress-title">处理进度</h2>
          <p>
            <label htmlFor="disposition-progress">
              已处理 {matrix.decided} / {total} 个主题
            </label>{" "}
            <progress id="disposition-progress" max={total} value={matrix.decided} />
          </p>
          {undecided.length ? (
            <nav aria-label="未处理的主题" className="topic-nav">
              <p>未处理的主题：</p>
              <ul>
                {undecided.map((t) => (
                  <li key={t.id}>
                    <a href={`#topic-${t.id}`}>{t.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            <p>全部主题均已处理。</p>
          )}
        </section>
      )}
      {matrix.topics.map((t) => (
        <TopicCard key={t.id} topic={t} articles={matrix.articles} canRecord={canRecord} reply={reply} overrideId={overrideId} expanded={expand === t.id} />
      ))}
    </>
  );
}
