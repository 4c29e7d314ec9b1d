import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { DocType } from "~db/vocabulary";
import { DOC_TYPE_LABELS, PHASE_LABELS, type PublicPhase } from "~/features/consultations";

/**
 * The line under a consultation page's heading: what it is (a link back to its staff page, or a title),
 * its phase and kind, and the drafting division; a page adds its own items after them.
 */
export function ConsultationMeta({
  c,
  staffLink,
  title,
  phase,
  docType,
  children,
}: {
  c: { id: number; title: string; divisionName: string | null };
  /** Staff pages link the title back to the consultation's staff page. */
  staffLink?: boolean;
  title?: ReactNode;
  phase?: PublicPhase;
  docType?: DocType;
  children?: ReactNode;
}) {
  return (
    <p className="meta">
      {staffLink ? <Link to={`/admin/consultations/${c.id}`}>{c.title}</Link> : null}
      {title}
      {phase ? <span className={`badge ${phase}`}>{PHASE_LABELS[phase]}</span> : null}
      {docType ? <span>{DOC_TYPE_LABELS[docType]}</span> : null}
      <span>起草处室：{c.divisionName}</span>
      {children}
    </p>
  );
}
