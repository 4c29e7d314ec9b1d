import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { consultations, divisions, type DocType } from "~db/schema";
import type { PublicPhase } from "./consultation-status";
import { PUBLIC_PHASES, PUBLIC_STATUSES } from "./consultation-status";
import { listPublicConsultations, type ConsultationListItem } from "./consultation.server";
import { describeHit, searchConsultations, type SearchHit, type SearchMatch, type SearchOutcome } from "~/features/search/index.server";
import { highlight, type SearchTerm, type Segment } from "~/features/search";

/**
 * The public list at /consultations: filters, search and paging over what the public may see.
 * Filtering happens after the query, in code, because the phase (open, closed …) depends on the
 * clock as well as the stored status; a department publishes hundreds of consultations, not more.
 */

export const PAGE_SIZE = 20;

// Where the list starts: what can be commented on now, then what comes next, then the record.
const PHASE_ORDER: readonly PublicPhase[] = PUBLIC_PHASES;

export interface ListQuery {
  terms: SearchTerm[];
  docType?: DocType;
  divisionId?: number;
  phase?: PublicPhase;
  page: number;
}

export interface ListedConsultation {
  consultation: ConsultationListItem;
  /** Present when searching: the title with the terms marked, and where else they were found. */
  title: Segment[] | null;
  match: SearchMatch | null;
}

export interface ListPage {
  items: ListedConsultation[];
  total: number;
  page: number;
  pageCount: number;
  /** The requested page lay beyond the last one; the first page is shown instead. */
  pageOutOfRange: boolean;
  perTerm: SearchOutcome["perTerm"];
  split: SearchOutcome["split"];
}

export async function findPublicConsultations(db: Db, query: ListQuery, now = new Date()): Promise<ListPage> {
  const divisionName = query.divisionId === undefined ? undefined : (await publicDivisions(db)).find((d) => d.id === query.divisionId)?.name;
  const filtered = (await listPublicConsultations(db, now)).filter(
    (c) =>
      (!query.docType || c.docType === query.docType) &&
      (query.divisionId === undefined || c.divisionName === divisionName) &&
      (!query.phase || c.phase === query.phase)
  );

  let outcome: SearchOutcome | undefined;
  let ordered: Array<{ consultation: ConsultationListItem; hit?: SearchHit }>;
  if (query.terms.length > 0) {
    const { hits } = (outcome = await searchConsultations(db, query.terms));
    // Highest score first; among equals the most recent period (the list is already newest first).
    ordered = filtered
      .filter((c) => hits.has(c.id))
      .map((c) => ({ consultation: c, hit: hits.get(c.id)! }))
      .sort((a, b) => b.hit.score - a.hit.score);
  } else {
    ordered = filtered.map((c) => ({ consultation: c })).sort((a, b) => PHASE_ORDER.indexOf(a.consultation.phase) - PHASE_ORDER.indexOf(b.consultation.phase));
  }

  const pageCount = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const pageOutOfRange = query.page > pageCount;
  const page = pageOutOfRange ? 1 : query.page;
  const words = outcome?.words ?? [];
  return {
    items: await Promise.all(
      ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(async ({ consultation, hit }) => ({
        consultation,
        title: hit ? highlight(consultation.title, words) : null,
        match: hit ? await describeHit(db, hit, words, outcome?.articles) : null,
      }))
    ),
    total: ordered.length,
    page,
    pageCount,
    pageOutOfRange,
    perTerm: outcome?.perTerm ?? [],
    split: outcome?.split ?? [],
  };
}

/** Divisions that have published something: the only ones worth offering as a filter. */
export function publicDivisions(db: Db): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectDistinct({ id: divisions.id, name: divisions.name })
    .from(divisions)
    .innerJoin(consultations, eq(consultations.divisionId, divisions.id))
    .where(inArray(consultations.status, PUBLIC_STATUSES))
    .orderBy(asc(divisions.name));
}
