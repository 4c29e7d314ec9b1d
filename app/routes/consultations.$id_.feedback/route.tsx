import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { ConsultationMeta } from "~/ui/consultation-meta";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartFigure } from "~/ui/chart-figure";
import { SummaryText } from "~/ui/summary-text";
import { CHANNEL_LABELS, DISPOSITION_LABELS } from "~/features/comments";
import { pendingFeedback, publicFeedback } from "~/features/responses/index.server";
import feedbackStyles from "~/styles/feedback.css";
import { formatDateTime, isoInstant } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { idParam } from "~/platform/params";
import { AnswerTotals, ArticleAnswerList } from "./article-answers";
import { PendingFeedbackPage } from "./pending";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: !data
      ? "页面不存在 - 征求意见平台"
      : data.published
      ? `意见采纳情况：${data.feedback.consultation.title} - 征求意见平台`
      : `意见采纳情况尚未公布：${data.pending.consultation.title} - 征求意见平台`,
  },
  { name: "description", content: data?.published ? `《${data.feedback.consultation.title}》公开征求意见的意见采纳情况说明和逐条答复。` : "" },
];

/** The answers once the summary is published; before that, where things stand. Unknown ids: 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const db = getDb();
  const e = env();
  const feedback = id ? await publicFeedback(db, id, e.DEPARTMENT_NAME) : undefined;
  if (feedback) return { published: true as const, feedback };
  const pending = id ? await pendingFeedback(db, id, e.FEEDBACK_DUE_WORKING_DAYS) : undefined;
  if (!pending) throw new Response("Not Found", { status: 404 });
  return { published: false as const, pending };
}

// Colour per answer, with enough contrast against white for the bars to be told apart.
const DISPOSITION_COLOURS = ["#176b32", "#0a4d8c", "#b3261e", "#4b5563", "#8a4b00"];

export default function FeedbackRoute() {
  const data = useLoaderData<typeof loader>();
  return data.published ? <FeedbackPage f={data.feedback} /> : <PendingFeedbackPage pending={data.pending} />;
}

type Published = Extract<SerializeFrom<typeof loader>, { published: true }>["feedback"];

function FeedbackPage({ f }: { f: Published }) {
  const c = f.consultation;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/consultations/${c.id}`}>{c.title}</Link>
      </p>
      <h1>你们说了什么，我们做了什么</h1>
      <ConsultationMeta c={c} title={<span>《{c.title.replace(/^《|》$/g, "")}》意见采纳情况</span>}>
        {f.summary.publishedAt ? (
          <span>
            发布时间：<time dateTime={isoInstant(f.summary.publishedAt)}>{formatDateTime(f.summary.publishedAt)}</time>
          </span>
        ) : null}
      </ConsultationMeta>
      <div className="period-box">
        <p>
          共收到意见 <strong>{f.facts.commentCount}</strong> 条，来自 <strong>{f.facts.commenterCount}</strong> 位提出人
          {f.facts.channels.length ? `（${f.facts.channels.map((ch) => `${CHANNEL_LABELS[ch.channel]} ${ch.count} 条`).join("，")}）` : ""}。
        </p>
        {f.facts.commentCount ? (
          <p>
            {f.perDisposition
              .filter((d) => d.count > 0)
              .map((d) => `${DISPOSITION_LABELS[d.decision]} ${d.count} 条`)
              .join("，") || "尚无处理结果"}
            {f.undecided ? `；另有 ${f.undecided} 条未逐条答复` : ""}。
          </p>
        ) : null}
      </div>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">意见采纳情况说明</h2>
        <SummaryText body={f.summary.body} />
      </section>

      {f.facts.commentCount ? (
        <section aria-labelledby="charts-title">
          <h2 id="charts-title">图表</h2>
          <div className="feedback-charts">
            <ChartFigure
              chart={{
                id: "chart-disposition",
                title: "各类处理结果的意见数",
                labelHeader: "处理结果",
                rows: f.perDisposition.map((d) => ({ label: DISPOSITION_LABELS[d.decision], value: d.count })),
                colors: DISPOSITION_COLOURS,
              }}
            />
            {f.perArticle.length ? (
              <ChartFigure
                chart={{
                  id: "chart-article",
                  title: "各条款收到的意见数",
                  labelHeader: "条款",
                  rows: f.perArticle.map((a) => ({ label: a.label, value: a.count })),
                  horizontal: true,
                }}
              />
            ) : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">逐条答复</h2>
        <AnswerTotals t={f.totals} />
        <ArticleAnswerList answers={f.answers} />
      </section>

      <p>
        <Link to={`/consultations/${c.id}`}>返回征求意见页面</Link>
        {" · "}
        <Link to="/status">查询我的意见处理情况</Link>
      </p>
    </>
  );
}
