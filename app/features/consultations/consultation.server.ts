import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { comments, consultations, deadlineExtensions, divisions } from "~db/schema";
import { PUBLIC_STATUSES, publicPhase, type PublicPhase } from "./consultation-status";

export interface ConsultationListItem {
  id: number;
  title: string;
  docType: (typeof consultations.$inferSelect)["docType"];
  summary: string;
  divisionName: string;
  opensAt: Date | null;
  closesAt: Date | null;
  phase: PublicPhase;
  commentCount: number;
}

/** Everything the public may see, newest period first, with the phase the clock gives it. */
export async function listPublicConsultations(db: Db, now = new Date()): Promise<ConsultationListItem[]> {
  const rows = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      docType: consultations.docType,
      summary: consultations.summary,
      status: consultations.status,
      divisionName: divisions.name,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
      commentCount: sql<number>`(select count(*) from ${comments} where ${comments.consultationId} = ${consultations.id})`,
    })
    .from(consultations)
    .innerJoin(divisions, eq(divisions.id, consultations.divisionId))
    .where(inArray(consultations.status, PUBLIC_STATUSES))
    .orderBy(desc(consultations.opensAt));
  return rows.map(({ status, ...r }) => ({ ...r, phase: publicPhase({ status, ...r }, now) }));
}

/** Consultations a staff member works on: their division's for drafters, all for the others. */
export function listStaffConsultations(db: Db, user: { role: string; divisionId: number | null }) {
  const base = db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
      divisionName: divisions.name,
    })
    .from(consultations)
    .innerJoin(divisions, eq(divisions.id, consultations.divisionId));
  const scoped = user.role === "drafter" ? base.where(eq(consultations.divisionId, user.divisionId ?? -1)) : base;
  return scoped.orderBy(desc(consultations.createdAt));
}

/** One consultation as the public sees it, or undefined when it does not exist or is not public. */
export async function getPublicConsultation(db: Pick<Db, "select">, id: number, now = new Date()) {
  const c = await getStaffConsultation(db, id);
  if (!c || !PUBLIC_STATUSES.includes(c.status)) return undefined;
  return { ...c, phase: publicPhase(c, now) };
}

/** Any consultation, whatever its status, for staff pages (which check access themselves). */
export async function getStaffConsultation(db: Pick<Db, "select">, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = (
    await db
      .select({ consultation: consultations, divisionName: divisions.name })
      .from(consultations)
      .innerJoin(divisions, eq(divisions.id, consultations.divisionId))
      .where(eq(consultations.id, id))
      .limit(1)
  )[0];
  return row ? { ...row.consultation, divisionName: row.divisionName } : undefined;
}

/** Deadline extensions, newest first: each reason is public. */
export function listExtensions(db: Db, consultationId: number) {
  return db
    .select({
      previousClosesAt: deadlineExtensions.previousClosesAt,
      newClosesAt: deadlineExtensions.newClosesAt,
      reason: deadlineExtensions.reason,
      createdAt: deadlineExtensions.createdAt,
    })
    .from(deadlineExtensions)
    .where(eq(deadlineExtensions.consultationId, consultationId))
    .orderBy(desc(deadlineExtensions.id));
}
