import { asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { calendarDays } from "~db/schema";
import type { CalendarOverrides } from "~/platform/periods";
import { appendAudit, type AuditEntry } from "~/platform/audit.server";

/** The admins' working-day calendar: public holidays and 调休 make-up working days. */
export async function loadCalendar(db: Db): Promise<CalendarOverrides> {
  const rows = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  return {
    holidays: new Set(rows.filter((r) => r.kind === "holiday").map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === "workday").map((r) => r.date)),
  };
}

/** The same calendar as plain arrays, for the browser (Sets do not cross the wire as such). */
export async function calendarForClient(db: Db): Promise<{ holidays: string[]; workdays: string[] }> {
  const cal = await loadCalendar(db);
  return { holidays: [...cal.holidays], workdays: [...cal.workdays] };
}

/** Every day the admins have marked, in date order. */
export async function listCalendarDays(db: Db) {
  return db.select().from(calendarDays).orderBy(asc(calendarDays.date));
}

/** Takes a day off the calendar, with an audit entry; a day not on it is left alone. */
export async function removeCalendarDay(db: Db, actor: AuditEntry["actor"], date: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await tx.select().from(calendarDays).where(eq(calendarDays.date, date)).limit(1))[0];
    if (!before) return;
    await tx.delete(calendarDays).where(eq(calendarDays.date, date));
    await appendAudit(tx, { actor, action: "calendar.remove", entityType: "calendar", entityId: date, before });
  });
}

/** Marks a day as a public holiday or a 调休 working day, with an audit entry. */
export async function setCalendarDay(db: Db, actor: AuditEntry["actor"], day: { date: string; kind: "holiday" | "workday"; note?: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await tx.select().from(calendarDays).where(eq(calendarDays.date, day.date)).limit(1))[0];
    const after = { date: day.date, kind: day.kind, note: day.note || null };
    await tx
      .insert(calendarDays)
      .values(after)
      .onConflictDoUpdate({ target: calendarDays.date, set: { kind: day.kind, note: day.note || null } });
    await appendAudit(tx, { actor, action: "calendar.set", entityType: "calendar", entityId: day.date, before: before ?? null, after });
  });
}
