// The v1 JSON shapes of the open-data API. Other sites republish from these, so fields are only
// ever added: never renamed, removed or given another meaning (see docs/api.md).
import type { Db } from "~db/client.server";
import { DOC_TYPE_LABELS, PHASE_LABELS } from "~/features/consultations";
import { loadDraftTree, type StoredNode } from "~/features/consultations/index.server";
import { publishedSummary } from "~/features/responses/index.server";
import type { ListParams } from "./syndication-params";
import { getPublicConsultationRecord, lastCommentReceived, lastPublicChange, queryPublicConsultations, type SyndicationRow } from "./syndication-query.server";

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * RFC 3339 in China Standard Time, to the second: 2026-11-16T00:00:00+08:00. The offset keeps
 * the local date readable to people republishing (a deadline of 23:59:59 stays on its day);
 * China has had no daylight saving since 1991, so the offset is fixed.
 */
export function isoShanghai(date: Date): string;
export function isoShanghai(date: Date | null): string | null;
export function isoShanghai(date: Date | null): string | null {
  if (!date) return null;
  return `${new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export const consultationUrl = (baseUrl: string, id: number) => `${baseUrl}/consultations/${id}`;
export const consultationApiUrl = (baseUrl: string, id: number) => `${baseUrl}/api/v1/consultations/${id}`;
/** The public feedback page (你们说了什么，我们做了什么); it exists once the summary is published. */
export const feedbackUrl = (baseUrl: string, id: number) => `${baseUrl}/consultations/${id}/feedback`;

export function toApiItem(row: SyndicationRow, baseUrl: string) {
  return {
    id: row.id,
    url: consultationUrl(baseUrl, row.id),
    api_url: consultationApiUrl(baseUrl, row.id),
    title: row.title,
    doc_type: row.docType,
    doc_type_label: DOC_TYPE_LABELS[row.docType],
    status: row.phase,
    status_label: PHASE_LABELS[row.phase],
    division: { id: row.divisionId, name: row.divisionName },
    summary: row.summary,
    opens_at: isoShanghai(row.opensAt),
    closes_at: isoShanghai(row.closesAt),
    short_period_reason: row.shortPeriodReason,
    published_at: isoShanghai(row.publishedAt ?? row.createdAt),
    updated_at: isoShanghai(row.changedAt),
    comment_count: row.commentCount,
    // Added in v1 after the first release: publishing the summary is what makes a consultation feedback_published.
    feedback_url: row.phase === "feedback_published" ? feedbackUrl(baseUrl, row.id) : null,
  };
}
export type ApiItem = Awaited<ReturnType<typeof toApiItem>>;

export interface ApiDraftNode {
  kind: StoredNode["kind"];
  number: number | null;
  label: string | null;
  heading: string | null;
  text: string;
  /** The fragment of the element on the HTML page (url + "#" + anchor), where there is one. */
  anchor: string | null;
  children: ApiDraftNode[];
}

/** Database ids and article identities are internal: the tree carries what the page shows. */
export function toApiDraftNode(node: StoredNode): ApiDraftNode {
  const anchor = node.number === null ? null : node.kind === "article" ? `article-${node.number}` : node.kind === "chapter" ? `chapter-${node.number}` : null;
  return {
    kind: node.kind,
    number: node.number,
    label: node.label,
    heading: node.heading,
    text: node.text,
    anchor,
    children: node.children.map(toApiDraftNode),
  };
}

type PublicRecord = NonNullable<Awaited<ReturnType<typeof getPublicConsultationRecord>>>;

export function toApiDetail(record: PublicRecord, draftTree: StoredNode[], baseUrl: string, feedback?: { body: string; publishedAt: Date | null } | null) {
  const latest = record.versions.at(-1);
  return {
    ...toApiItem(record, baseUrl),
    basis: record.basis,
    interpretation: record.interpretation,
    withdrawn_at: isoShanghai(record.withdrawnAt),
    withdrawn_reason: record.withdrawnReason,
    extensions: record.extensions.map((e) => ({
      previous_closes_at: isoShanghai(e.previousClosesAt),
      new_closes_at: isoShanghai(e.newClosesAt),
      reason: e.reason,
      extended_at: isoShanghai(e.createdAt),
    })),
    versions: record.versions.map((v) => ({
      version_no: v.versionNo,
      label: v.label,
      change_note: v.changeNote,
      created_at: isoShanghai(v.createdAt),
    })),
    draft: latest ? { version_no: latest.versionNo, label: latest.label, nodes: draftTree.map(toApiDraftNode) } : null,
    // 意见采纳情况说明 once published: the approved text as the feedback page shows it.
    feedback: feedback ? { url: feedbackUrl(baseUrl, record.id), published_at: isoShanghai(feedback.publishedAt), summary: feedback.body } : null,
  };
}

export interface PageMeta {
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
}

/**
 * Absolute links to this page and its neighbours, keeping the filters in a fixed order so that
 * the same query always has the same URL (and caches share it). Past the end, prev goes to the last page.
 */
export function pageLinks(baseUrl: string, query: Record<string, string | undefined>, meta: PageMeta) {
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
    params.set("page", String(page));
    params.set("per_page", String(meta.per_page));
    return `${baseUrl}/api/v1/consultations?${params}`;
  };
  return {
    self: href(meta.page),
    next: meta.page < meta.total_pages ? href(meta.page + 1) : null,
    prev: meta.page > 1 ? href(Math.min(meta.page - 1, Math.max(meta.total_pages, 1))) : null,
  };
}

const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** GET /api/v1/consultations: one page, and when anything on it may last have changed. */
export async function consultationListBody(db: Db, params: Extract<ListParams, { ok: true }>, baseUrl: string, now: Date = new Date()) {
  const { rows, total } = await queryPublicConsultations(
    db,
    params.filters,
    { order: "published", limit: params.perPage, offset: (params.page - 1) * params.perPage },
    now
  );
  const meta: PageMeta = { page: params.page, per_page: params.perPage, total, total_pages: Math.ceil(total / params.perPage) };
  return {
    body: { data: rows.map((row) => toApiItem(row, baseUrl)), meta, links: pageLinks(baseUrl, params.query, meta) },
    lastModified: latest(await lastPublicChange(db, now), await lastCommentReceived(db)),
  };
}

/** GET /api/v1/consultations/:id, or undefined when there is no public consultation with that id. */
export async function consultationDetailBody(db: Db, id: number, baseUrl: string, now: Date = new Date()) {
  const record = await getPublicConsultationRecord(db, id, now);
  if (!record) return undefined;
  const latestVersion = record.versions.at(-1);
  return {
    body: toApiDetail(record, latestVersion ? await loadDraftTree(db, latestVersion.id) : [], baseUrl, await publishedSummary(db, id)),
    lastModified: latest(record.changedAt, await lastCommentReceived(db, id)),
  };
}
