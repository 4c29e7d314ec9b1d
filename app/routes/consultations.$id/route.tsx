import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommentForm } from "~/components/comment-form";
import { handleCommentPost } from "~/models/comment-intake.server";
import { activeIdentityCategories } from "~/models/identity-categories.server";
import { DraftView } from "~/components/draft-view";
import { PublicComments } from "~/components/public-comments";
import { listPublicComments, publicCountsByArticle } from "~/models/public-comments.server";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/models/consultation-status";
import { getPublicConsultation, listExtensions } from "~/models/consultation.server";
import { listAttachments } from "~/models/attachment.server";
import { listVersions } from "~/models/versions.server";
import { articleNodes, latestVersion, loadDraftTree } from "~/models/draft.server";
import { formatDateTime, isoInstant, timeLeft } from "~/utils/dates";
import { getDb } from "~/utils/db.server";
import { publishedSummary } from "~/models/feedback-page.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} - 征求意见平台` : "页面不存在 - 征求意见平台" },
  { name: "description", content: data?.consultation.summary ?? "" },
];

export function loader({ params, request }: LoaderFunctionArgs) {
  const id = idParam(params.id) ?? NaN;
  const db = getDb();
  const now = new Date();
  const consultation = Number.isSafeInteger(id) && id > 0 ? getPublicConsultation(db, id, now) : undefined;
  if (!consultation) throw new Response("Not Found", { status: 404 });
  const version = latestVersion(db, consultation.id);
  const search = new URL(request.url).searchParams;
  return {
    consultation,
    version: version ? { label: version.label, changeNote: version.changeNote } : null,
    draft: version ? loadDraftTree(db, version.id) : [],
    versionCount: listVersions(db, consultation.id).length,
    // Once the summary is published, the page points to the answers.
    feedbackPublishedAt: publishedSummary(db, consultation.id)?.publishedAt ?? null,
    extensions: listExtensions(db, consultation.id),
    attachments: listAttachments(db, consultation.id),
    // Approved comments only, as published (redacted); none at all where the department chose so.
    publicComments: consultation.showComments
      ? listPublicComments(db, consultation.id, { article: Number(search.get("article")) || null, page: Number(search.get("cpage")) || 1 })
      : null,
    publicCounts: consultation.showComments ? Object.fromEntries(publicCountsByArticle(db, consultation.id)) : {},
    commenting:
      consultation.phase === "open" && version
        ? {
            articles: articleNodes(db, version.id).map((a) => ({ number: a.number!, label: a.label ?? `第${a.number}条` })),
            identities: activeIdentityCategories(db),
            // A fresh key per rendering: a double click or a resubmission reuses it and makes one comment.
            idempotencyKey: crypto.randomBytes(16).toString("base64url"),
            preselected: new URL(request.url).searchParams.getAll("article").map(Number).filter(Number.isInteger),
          }
        : null,
    now,
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = idParam(params.id) ?? NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not Found", { status: 404 });
  return handleCommentPost(request, context, id);
}

export default function ConsultationPage() {
  const { consultation: c, version, draft, versionCount, extensions, attachments, commenting, publicComments, publicCounts, now, feedbackPublishedAt } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1>{c.title}</h1>
      <p className="meta">
        <span className={`badge ${c.phase}`}>{PHASE_LABELS[c.phase]}</span>
        <span>{DOC_TYPE_LABELS[c.docType]}</span>
        <span>起草处室：{c.divisionName}</span>
      </p>
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
          {c.phase === "open" ? <p><strong>{timeLeft(c.closesAt, now)}</strong></p> : null}
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
          {c.contactEmail || c.contactAddress ? (
            <p>
              也可通过{c.contactEmail ? `电子邮件（${c.contactEmail}）` : ""}
              {c.contactEmail && c.contactAddress ? "或" : ""}
              {c.contactAddress ? `信函（${c.contactAddress}）` : ""}提出意见。
            </p>
          ) : null}
        </div>
      ) : null}
      {c.summary ? <p>{c.summary}</p> : null}

      <section aria-labelledby="draft-title">
        <h2 id="draft-title">{version?.label ?? "征求意见稿"}</h2>
        {version?.changeNote ? <p className="alert">修改说明：{version.changeNote}</p> : null}
        {versionCount > 1 ? (
          <p>
            <Link to={`/consultations/${c.id}/versions`}>查看各版本逐条修改对照</Link>
          </p>
        ) : null}
        <DraftView nodes={draft} commentHref={commenting ? (n) => `?article=${n}#comment-form` : undefined} publicCounts={publicCounts} />
      </section>

      {publicComments ? <PublicComments data={publicComments} /> : null}

      <section aria-labelledby="basis-title">
        <h2 id="basis-title">起草说明</h2>
        <div className="prose">{c.basis}</div>
      </section>

      {commenting ? (
        <CommentForm
          consultationId={c.id}
          articles={commenting.articles}
          identities={commenting.identities}
          idempotencyKey={commenting.idempotencyKey}
          preselected={commenting.preselected}
          values={reply?.values ?? {}}
          errors={reply?.errors ?? {}}
          requireEmail={c.requireEmailVerification}
        />
      ) : reply ? (
        <div className="alert error" role="alert" id="comment-form">
          {Object.values(reply.errors).map((m) => (
            <p key={m}>{m}</p>
          ))}
          {reply.values.body ? <pre className="prose">{reply.values.body}</pre> : null}
        </div>
      ) : null}

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
          <div className="prose">{c.interpretation}</div>
        </section>
      ) : null}
    </>
  );
}
