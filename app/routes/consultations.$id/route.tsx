import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DraftView } from "~/components/draft-view";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/models/consultation-status";
import { getPublicConsultation, listExtensions } from "~/models/consultation.server";
import { listAttachments } from "~/models/attachment.server";
import { listVersions } from "~/models/versions.server";
import { latestVersion, loadDraftTree } from "~/models/draft.server";
import { formatDateTime, isoInstant, timeLeft } from "~/utils/dates";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} - 征求意见平台` : "页面不存在 - 征求意见平台" },
  { name: "description", content: data?.consultation.summary ?? "" },
];

export function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const db = getDb();
  const now = new Date();
  const consultation = Number.isSafeInteger(id) && id > 0 ? getPublicConsultation(db, id, now) : undefined;
  if (!consultation) throw new Response("Not Found", { status: 404 });
  const version = latestVersion(db, consultation.id);
  return {
    consultation,
    version: version ? { label: version.label, changeNote: version.changeNote } : null,
    draft: version ? loadDraftTree(db, version.id) : [],
    versionCount: listVersions(db, consultation.id).length,
    extensions: listExtensions(db, consultation.id),
    attachments: listAttachments(db, consultation.id),
    now,
  };
}

export default function ConsultationPage() {
  const { consultation: c, version, draft, versionCount, extensions, attachments, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{c.title}</h1>
      <p className="meta">
        <span className={`badge ${c.phase}`}>{PHASE_LABELS[c.phase]}</span>
        <span>{DOC_TYPE_LABELS[c.docType]}</span>
        <span>起草处室：{c.divisionName}</span>
      </p>
      {c.opensAt && c.closesAt ? (
        <div className="period-box">
          <p>
            征求意见期：<time dateTime={isoInstant(c.opensAt)}>{formatDateTime(c.opensAt)}</time> 至{" "}
            <time dateTime={isoInstant(c.closesAt)}>{formatDateTime(c.closesAt)}</time>（北京时间）
          </p>
          {c.phase === "open" ? <p><strong>{timeLeft(c.closesAt, now)}</strong></p> : null}
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
        <DraftView nodes={draft} />
      </section>

      <section aria-labelledby="basis-title">
        <h2 id="basis-title">起草说明</h2>
        <div className="prose">{c.basis}</div>
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
          <div className="prose">{c.interpretation}</div>
        </section>
      ) : null}
    </>
  );
}
