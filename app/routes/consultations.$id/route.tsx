import { ConsultationMeta } from "~/ui/consultation-meta";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArticleComment, articleFormTag } from "~/ui/article-comment";
import { CommentEntry } from "~/ui/comment-entry";
import { CommentForm } from "~/ui/comment-form";
import type { KeepFormHandle } from "~/ui/keep-form";
import { activeIdentityCategories, handleCommentPost, listPublicComments, participation, publicCountsByArticle } from "~/features/comments/index.server";
import { DraftView } from "~/ui/draft-view";
import { PublicComments } from "~/ui/public-comments";
import { COMMENTS_SEARCH_FLAG, readCommentsFilter } from "~/features/comments";

import {
  articleNodes,
  getPublicConsultation,
  latestVersion,
  listAttachments,
  listExtensions,
  listVersions,
  loadDraftTree,
} from "~/features/consultations/index.server";
import { formatDateTime, isoInstant, timeLeft, shownNow } from "~/platform/dates";
import { getDb } from "~/platform/db.server";
import { pendingFeedback, publishedSummary } from "~/features/responses/index.server";
import { idParam } from "~/platform/params";
import { env } from "~/platform/env.server";
import { CommentingClosed } from "~/ui/commenting-closed";
import { DocumentText } from "~/ui/document-text";
import { DraftDownloads } from "~/ui/draft-downloads";
import { OtherChannels, ParticipationCounts } from "~/ui/participation-counts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} - 征求意见平台` : "页面不存在 - 征求意见平台" },
  { name: "description", content: data?.consultation.summary ?? "" },
];

// Without JavaScript, links on the page carry the comment form's text (ui/keep-form.tsx).
export const handle: KeepFormHandle = {
  keepForm: (data) => (data && typeof data === "object" && "commenting" in data && data.commenting ? "comment-form" : null),
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = idParam(params.id) ?? NaN;
  const db = getDb();
  const now = new Date();
  const consultation = Number.isSafeInteger(id) && id > 0 ? await getPublicConsultation(db, id, now) : undefined;
  if (!consultation) throw new Response("Not Found", { status: 404 });
  const version = await latestVersion(db, consultation.id);
  const search = new URL(request.url).searchParams;
  const open = consultation.phase === "open";
  // The page's reads do not depend on each other: on PostgreSQL they go to the pool together rather than
  // one round trip after another (SQLite runs them in turn on its one connection).
  const [draft, versions, summary, participants, due, extensions, attachments, publicComments, publicCounts, articles, identities] = await Promise.all([
    version ? loadDraftTree(db, version.id) : [],
    listVersions(db, consultation.id),
    publishedSummary(db, consultation.id),
    open ? participation(db, consultation.id) : null,
    ["closed", "processing", "legal_review"].includes(consultation.phase)
      ? pendingFeedback(db, consultation.id, env().FEEDBACK_DUE_WORKING_DAYS, now)
      : undefined,
    listExtensions(db, consultation.id),
    listAttachments(db, consultation.id),
    // Approved comments only, as published (redacted); none at all where the department chose so.
    consultation.showComments ? publicCommentsFor(consultation.id, (k) => search.get(k)) : null,
    consultation.showComments ? publicCountsByArticle(db, consultation.id) : null,
    open && version ? articleNodes(db, version.id) : null,
    open && version ? activeIdentityCategories(db) : null,
  ]);
  return {
    consultation,
    version: version ? { label: version.label, changeNote: version.changeNote } : null,
    draft,
    versionCount: versions.length,
    // Once the summary is published, the page points to the answers.
    feedbackPublishedAt: summary?.publishedAt ?? null,
    // While open, how many took part; once closed, when the answers are due (as the feedback page says).
    participation: participants,
    feedbackDue: due ? { expectedBy: due.expectedBy, overdue: due.overdue, dueWorkingDays: due.dueWorkingDays } : null,
    extensions,
    attachments,
    publicComments,
    publicCounts: publicCounts ? Object.fromEntries(publicCounts) : {},
    commenting:
      articles && identities
        ? {
            articles: articles.map((a) => ({ number: a.number!, label: a.label ?? `第${a.number}条` })),
            identities,
            preselected: search.getAll("article").map(Number).filter(Number.isInteger),
          }
        : null,
    now: shownNow(now),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = idParam(params.id) ?? NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not Found", { status: 404 });
  const result = await handleCommentPost(request, context, id);
  // Without JavaScript the comment search posts the comment form's text along (intent=keep): the
  // words are in the form, not the URL, so the answer carries the list they filter.
  const search = new URL(request.url).searchParams;
  if (!search.has(COMMENTS_SEARCH_FLAG) || !("data" in result)) return result;
  const { values } = result.data;
  const consultation = await getPublicConsultation(getDb(), id, new Date());
  if (!consultation?.showComments) return result;
  // The address names the article and identity (the button posts there); the words are the box's.
  return data(
    { ...result.data, publicComments: await publicCommentsFor(id, (k) => (k === "cq" ? values.cq ?? null : search.get(k))) },
    result.init ?? undefined
  );
}

/** The published comments under the filters of a query string or a kept form. */
async function publicCommentsFor(consultationId: number, get: (key: string) => string | null) {
  const { filter, typed, error } = readCommentsFilter(get);
  return { ...(await listPublicComments(getDb(), consultationId, filter)), typed, error };
}

export default function ConsultationPage() {
  const {
    consultation: c,
    version,
    draft,
    versionCount,
    extensions,
    attachments,
    commenting,
    publicComments,
    publicCounts,
    now,
    feedbackPublishedAt,
    participation,
    feedbackDue,
  } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // A reply belongs to the form it came from: an article's compact form names itself in `at`.
  const replyAt = reply?.values.at ?? null;
  const mainReply = replyAt ? undefined : reply;
  // The action's list (a kept comment search) has the loader's shape; Remix's inferred types lose it.
  const shownComments = reply && "publicComments" in reply ? (reply.publicComments as typeof publicComments) : publicComments;
  return (
    <>
      <h1>{c.title}</h1>
      <ConsultationMeta c={c} phase={c.phase} docType={c.docType} />
      {commenting ? <CommentEntry /> : null}
      {feedbackPublishedAt ? (
        <div className="alert success">
          <p>
            意见采纳情况已公布：<Link to={`/consultations/${c.id}/feedback`}>你们说了什么，我们做了什么——查看意见采纳情况说明和逐条答复</Link>
          </p>
        </div>
      ) : null}
      {c.opensAt && c.closesAt ? (
        <div className="period-box">
          <p>
            征求意见期：<time dateTime={isoInstant(c.opensAt)}>{formatDateTime(c.opensAt)}</time> 至{" "}
            <time dateTime={isoInstant(c.closesAt)}>{formatDateTime(c.closesAt)}</time>（北京时间）
          </p>
          {c.phase === "open" ? (
            <p>
              <strong>{timeLeft(c.closesAt, now)}</strong>
            </p>
          ) : null}
          {c.phase !== "feedback_published" && c.phase !== "withdrawn" ? (
            <p>
              <Link to={`/subscribe?consultation=${c.id}`}>关注此征求意见</Link>：延长期限、截止、公布意见采纳情况时邮件告知您。
            </p>
          ) : null}
          {extensions.map((e) => (
            <p key={e.createdAt.toISOString()}>
              截止时间已由 {formatDateTime(e.previousClosesAt)} 延长至 {formatDateTime(e.newClosesAt)}。延期理由：{e.reason}
            </p>
          ))}
          {c.shortPeriodReason ? <p>征求意见期较短的理由：{c.shortPeriodReason}</p> : null}
          {c.withdrawnReason ? <p>撤回理由：{c.withdrawnReason}</p> : null}
          {participation ? <ParticipationCounts counts={participation} /> : null}
          {c.phase === "open" ? <OtherChannels email={c.contactEmail} address={c.contactAddress} /> : null}
        </div>
      ) : null}
      {c.summary ? <p>{c.summary}</p> : null}

      <section aria-labelledby="draft-title">
        <h2 id="draft-title">{version?.label ?? "征求意见稿"}</h2>
        {version?.changeNote ? <p className="alert">修改说明：{version.changeNote}</p> : null}
        {version ? <DraftDownloads consultationId={c.id} /> : null}
        {versionCount > 1 ? (
          <p>
            <Link to={`/consultations/${c.id}/versions`}>查看各版本逐条修改对照</Link>
          </p>
        ) : null}
        <DraftView
          nodes={draft}
          publicCounts={publicCounts}
          commentControl={
            commenting
              ? (article) => (
                  <ArticleComment
                    consultationId={c.id}
                    article={article}
                    identities={commenting.identities}
                    // Its own key: one form's submission is never taken for another's repeat.
                    requireEmail={c.requireEmailVerification}
                    values={replyAt === articleFormTag(article.number) ? reply!.values : {}}
                    errors={replyAt === articleFormTag(article.number) ? reply!.errors : {}}
                  />
                )
              : undefined
          }
        />
      </section>

      {shownComments ? <PublicComments data={shownComments} typed={shownComments.typed} error={shownComments.error} /> : null}

      <section aria-labelledby="basis-title">
        <h2 id="basis-title">起草说明</h2>
        <DocumentText text={c.basis} />
      </section>

      {attachments.length ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">附件</h2>
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/consultations/${c.id}/attachments/${a.id}`} download>
                  {a.filename}
                </a>
                （{Math.ceil(a.size / 1024)} KB）
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.interpretation ? (
        <section aria-labelledby="interpretation-title">
          <h2 id="interpretation-title">政策解读</h2>
          <DocumentText text={c.interpretation} />
        </section>
      ) : null}
      {commenting ? (
        <CommentForm
          consultationId={c.id}
          articles={commenting.articles}
          identities={commenting.identities}
          preselected={commenting.preselected}
          values={mainReply?.values ?? {}}
          errors={mainReply?.errors ?? {}}
          requireEmail={c.requireEmailVerification}
        />
      ) : (
        <>
          {reply ? (
            <div className="alert error" role="alert" id="comment-form">
              {Object.values(reply.errors).map((m) => (
                <p key={m}>{m}</p>
              ))}
              {reply.values.body ? <pre className="prose">{reply.values.body}</pre> : null}
            </div>
          ) : null}
          <CommentingClosed
            consultationId={c.id}
            phase={c.phase}
            opensAt={c.opensAt}
            closesAt={c.closesAt}
            divisionName={c.divisionName}
            feedback={feedbackDue}
            feedbackPublished={feedbackPublishedAt !== null}
            anchor={!reply}
          />
        </>
      )}
    </>
  );
}
