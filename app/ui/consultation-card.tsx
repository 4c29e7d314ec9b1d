import { Link } from "@remix-run/react";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/features/consultations";
import type { ConsultationListItem } from "~/features/consultations/index.server";
import { formatDate, isoInstant, timeLeft } from "~/platform/dates";

export function ConsultationCard({ consultation: c, now }: { consultation: ConsultationListItem; now: Date }) {
  return (
    <article className="consultation-card">
      <h3>
        <Link to={`/consultations/${c.id}`}>{c.title}</Link>
      </h3>
      <p className="meta">
        <span className={`badge ${c.phase}`}>{PHASE_LABELS[c.phase]}</span>
        <span>{DOC_TYPE_LABELS[c.docType]}</span>
        <span>起草处室：{c.divisionName}</span>
      </p>
      {c.summary ? <p>{c.summary}</p> : null}
      <p className="meta">
        {c.opensAt && c.closesAt ? (
          <span>
            征求意见期：<time dateTime={isoInstant(c.opensAt)}>{formatDate(c.opensAt)}</time> 至{" "}
            <time dateTime={isoInstant(c.closesAt)}>{formatDate(c.closesAt)}</time>
          </span>
        ) : null}
        {c.phase === "open" && c.closesAt ? <span>{timeLeft(c.closesAt, now)}</span> : null}
        <span>已收到意见 {c.commentCount} 条</span>
      </p>
    </article>
  );
}
