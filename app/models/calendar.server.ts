import { asc } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { calendarDays } from "~db/schema";
import type { CalendarOverrides } from "~/utils/periods";

/** The admins' working-day calendar: public holidays and 调休 make-up working days. */
export function loadCalendar(db: Db): CalendarOverrides {
  const rows = db.select().from(calendarDays).orderBy(asc(calendarDays.date)).all();
  return {
    holidays: new Set(rows.filter((r) => r.kind === "holiday").map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === "workday").map((r) => r.date)),
  };
}

/** The same calendar as plain arrays, for the browser (Sets do not cross the wire as such). */
export function calendarForClient(db: Db): { holidays: string[]; workdays: string[] } {
  const cal = loadCalendar(db);
  return { holidays: [...cal.holidays], workdays: [...cal.workdays] };
}
