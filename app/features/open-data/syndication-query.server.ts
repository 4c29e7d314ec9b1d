// The queries behind the Atom feed and the JSON API. Only consultations in PUBLIC_STATUSES are
// ever selected, and only columns the public page shows: no author, contacts or comment text.
import { and, asc, count, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn, AnySQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "~db/client.server";
import { LIKE_ANY_CASE, epochMs, greatest } from "~db/dialect-sql";
import { listVersions } from "~/features/consultations/index.server";
import { comments, consultations, deadlineExtensions, divisions, draftVersions, feedbackSummaries } from "~db/schema";
import type { DocType } from "~db/vocabulary";
import { PUBLIC_STATUSES, publicPhase } from "~/features/consultations";
import type { SyndicatedPhase } from "./syndication-params";

export interface ConsultationFilters {
  /** One consultation: the detail endpoint reuses the list query so both say the same thing. */
  id?: number;
  status?: SyndicatedPhase;
  docType?: DocType;
  divisionId?: number;
  q?: string;
  updatedSince?: Date;
}

/**
 * When a consultation last changed as the public sees it: publication, edits, extensions,
 * new draft versions, withdrawal, the published feedback summary, and also the moments the
 * clock moved it from 即将开始 to 征求中 to 已截止, which change its phase without a write.
 * Each instant counts only once it has passed: a future one (the demo's upcoming consultation
 * has a future published_at) would make the value, and so Last-Modified, drift with the clock.
 * Integer milliseconds on both databases (db/dialect-sql.ts).
 */
export function lastChangedAtSql(now: Date): SQL<number> {
  // NULL and a future instant count as 0 (epoch): greatest() below then needs no NULL handling on either database.
  const past = (instant: SQL | AnySQLiteColumn) => sql`(case when ${instant} <= ${now} then ${epochMs(sql`${instant}`)} else 0 end)`;
  const latestOf = (column: AnySQLiteColumn, table: AnySQLiteTable, key: AnySQLiteColumn, extra = sql``) =>
    past(sql`(select max(${column}) from ${table} where ${key} = ${consultations.id} ${extra})`);
  return greatest([
    epochMs(sql`${consultations.createdAt}`),
    past(consultations.publishedAt),
    past(consultations.updatedAt),
    past(consultations.withdrawnAt),
    past(consultations.opensAt),
    past(consultations.closesAt),
    latestOf(deadlineExtensions.createdAt, deadlineExtensions, deadlineExtensions.consultationId),
    latestOf(draftVersions.createdAt, draftVersions, draftVersions.consultationId),
    latestOf(feedbackSummaries.publishedAt, feedbackSummaries, feedbackSummaries.consultationId, sql`and ${feedbackSummaries.status} = 'published'`),
  ]) as SQL<number>;
}

/** The SQL twin of publicPhase(): while published, the clock decides between the three phases. */
export function phaseCondition(phase: SyndicatedPhase, now: Date): SQL | undefined {
  const t = now;
  const published = eq(consultations.status, "published");
  const started = sql`(${consultations.opensAt} is null or ${consultations.opensAt} <= ${t})`;
  switch (phase) {
    case "upcoming":
      return and(published, sql`${consultations.opensAt} > ${t}`);
    case "open":
      return and(published, started, sql`(${consultations.closesAt} is null or ${consultations.closesAt} >= ${t})`);
    case "closed":
      return and(published, started, sql`${consultations.closesAt} < ${t}`);
    default:
      return eq(consultations.status, phase);
  }
}

/**
 * The `q` filter: a case-insensitive substring match on title and summary. A stand-in until
 * full-text search lands; swap this one function for it.
 */
export function consultationTextFilter(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = sql.raw(LIKE_ANY_CASE);
  return sql`(${consultations.title} ${like} ${pattern} escape '\\' or ${consultations.summary} ${like} ${pattern} escape '\\')`;
}

function whereClause(filters: ConsultationFilters, now: Date): SQL | undefined {
  return and(
    inArray(consultations.status, PUBLIC_STATUSES),
    filters.id !== undefined ? eq(consultations.id, filters.id) : undefined,
    filters.status ? phaseCondition(filters.status, now) : undefined,
    filters.docType ? eq(consultations.docType, filters.docType) : undefined,
    filters.divisionId !== undefined ? eq(consultations.divisionId, filters.divisionId) : undefined,
    filters.q ? consultationTextFilter(filters.q) : undefined,
    filters.updatedSince ? gte(lastChangedAtSql(now), filters.updatedSince.getTime()) : undefined
  );
}

export type SyndicationRow = Awaited<ReturnType<typeof queryPublicConsultations>>["rows"][number];

/**
 * One page of public consultations and the number matching. `order: "published"` (the API's)
 * keeps pages stable while consultations change; `"changed"` (the feed's) puts news first.
 */
export async function queryPublicConsultations(
  db: Db,
  filters: ConsultationFilters,
  { order, limit, offset = 0 }: { order: "published" | "changed"; limit: number; offset?: number },
  now: Date = new Date()
) {
  const where = whereClause(filters, now);
  const changedAt = lastChangedAtSql(now);
  const publishedAt = sql`coalesce(${consultations.publishedAt}, ${consultations.createdAt})`;
  const rows = (
    await db
      .select({
        id: consultations.id,
        title: consultations.title,
        docType: consultations.docType,
        summary: consultations.summary,
        status: consultations.status,
        divisionId: consultations.divisionId,
        divisionName: divisions.name,
        opensAt: consultations.opensAt,
        closesAt: consultations.closesAt,
        shortPeriodReason: consultations.shortPeriodReason,
        publishedAt: consultations.publishedAt,
        createdAt: consultations.createdAt,
        withdrawnReason: consultations.withdrawnReason,
        changedAtMs: changedAt,
        // 已收到意见 N 条, as the public pages count them: every comment received, not their text.
        commentCount: sql<number>`(select count(*) from ${comments} where ${comments.consultationId} = ${consultations.id})`,
      })
      .from(consultations)
      .innerJoin(divisions, eq(divisions.id, consultations.divisionId))
      .where(where)
      .orderBy(...(order === "changed" ? [desc(changedAt)] : [desc(publishedAt)]), desc(consultations.id))
      .limit(limit)
      .offset(offset)
  ).map(({ changedAtMs, ...r }) => ({ ...r, changedAt: new Date(changedAtMs), phase: publicPhase(r, now) }));
  const total = (await db.select({ n: count() }).from(consultations).where(where).limit(1))[0]?.n ?? 0;
  return { rows, total };
}

/**
 * The latest change to any public consultation: the Last-Modified of every list, whatever its
 * filters, because a change can also move a consultation out of a filtered list.
 */
export async function lastPublicChange(db: Db, now: Date = new Date()): Promise<Date> {
  const row = (
    await db
      .select({ ms: sql<number | null>`max(${lastChangedAtSql(now)})` })
      .from(consultations)
      .where(inArray(consultations.status, PUBLIC_STATUSES))
      .limit(1)
  )[0];
  return new Date(row?.ms ?? 0);
}

/** Everything the detail endpoint shows beyond the list item, or undefined when not public. */
export async function getPublicConsultationRecord(db: Db, id: number, now: Date = new Date()) {
  const [item] = (await queryPublicConsultations(db, { id }, { order: "published", limit: 1 }, now)).rows;
  if (!item) return undefined;
  const text = (
    await db
      .select({ basis: consultations.basis, interpretation: consultations.interpretation, withdrawnAt: consultations.withdrawnAt })
      .from(consultations)
      .where(eq(consultations.id, id))
      .limit(1)
  )[0]!;
  const extensions = await db
    .select({
      previousClosesAt: deadlineExtensions.previousClosesAt,
      newClosesAt: deadlineExtensions.newClosesAt,
      reason: deadlineExtensions.reason,
      createdAt: deadlineExtensions.createdAt,
    })
    .from(deadlineExtensions)
    .where(eq(deadlineExtensions.consultationId, id))
    .orderBy(asc(deadlineExtensions.createdAt), asc(deadlineExtensions.id));
  return { ...item, ...text, extensions, versions: await listVersions(db, id) };
}

/**
 * When the last comment on a public consultation (or on this one) was received. comment_count
 * moves with it while no updated_at does, so the API's Last-Modified takes it into account.
 */
export async function lastCommentReceived(db: Db, consultationId?: number): Promise<Date> {
  const row = (
    await db
      .select({ ms: sql<number | null>`max(${comments.receivedAt})` })
      .from(comments)
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .where(and(inArray(consultations.status, PUBLIC_STATUSES), consultationId === undefined ? undefined : eq(consultations.id, consultationId)))
      .limit(1)
  )[0];
  return new Date(row?.ms ?? 0);
}
