// Statutory minimum comment periods. Pure: the working-day calendar is passed in, because admins
// maintain it (holidays and 调休 make-up days are announced by the State Council each year).
//
// How a period is counted (民法典第二百零一条: the day the period starts is not counted when it
// is only part of a day):
// - counting starts the day after the start day; but when the consultation opens at 00:00:00
//   Asia/Shanghai the start day is a whole day and counts, so "3月1日至3月30日" is 30 days, as
//   departments write it;
// - "N days" are N calendar days; "N working days" are N days that are working days per the calendar;
// - the period ends at 23:59:59 Asia/Shanghai of the last counted day. Deadlines are shown to the
//   second, so an end at 23:59:59.000 meets a minimum that ends that day.

export type DocumentType = "rule" | "major_decision" | "normative" | "normative_business";

export interface CalendarOverrides {
  /** YYYY-MM-DD days off that would otherwise be Monday–Friday working days. */
  holidays: Set<string>;
  /** YYYY-MM-DD Saturdays or Sundays that are working days (调休). */
  workdays: Set<string>;
}

export const MINIMUM_PERIODS: Record<DocumentType, { days: number; unit: "calendar" | "working" }> = {
  rule: { days: 30, unit: "calendar" }, // 《规章制定程序条例》第十五条
  major_decision: { days: 30, unit: "calendar" }, // 《重大行政决策程序暂行条例》第十四条
  normative: { days: 7, unit: "working" }, // 国办发〔2018〕37号
  normative_business: { days: 30, unit: "calendar" }, // 《优化营商环境条例》第六十二条
};

// China Standard Time has been UTC+8 without daylight saving since 1991, and the tz database's
// Asia/Shanghai agrees; a fixed offset keeps these functions independent of the host's ICU data.
// Instants before 1991 (China observed DST 1986–1991) are outside what this platform handles.
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return ms / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00 Asia/Shanghai on the given date. */
export function shanghaiStartOfDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - OFFSET_MS);
}

/** 23:59:59 Asia/Shanghai on the given date (whole seconds, as deadlines are published). */
export function shanghaiEndOfDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - OFFSET_MS + DAY_MS - 1000);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function isWorkingDay(date: string, cal: CalendarOverrides): boolean {
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first day that counts towards a period opening at `start`. */
export function firstCountedDay(start: Date): string {
  const day = shanghaiDate(start);
  return start.getTime() === shanghaiStartOfDay(day).getTime() ? day : addDays(day, 1);
}

/** The last day of a period of `days` calendar or working days opening at `start`. */
export function lastCountedDay(start: Date, days: number, unit: "calendar" | "working", cal: CalendarOverrides): string {
  let day = firstCountedDay(start);
  if (unit === "calendar") return addDays(day, days - 1);
  // A calendar with no working days at all is a data error, not an endless loop.
  for (let counted = 0, guard = 0; ; day = addDays(day, 1), guard++) {
    if (guard > 366 + days * 7) throw new Error("The calendar has no working days; check its holidays.");
    if (isWorkingDay(day, cal) && ++counted === days) return day;
  }
}

/** The earliest instant a consultation of this type opening at `start` may close. */
export function earliestEnd(docType: DocumentType, start: Date, cal: CalendarOverrides): Date {
  const { days, unit } = MINIMUM_PERIODS[docType];
  return shanghaiEndOfDay(lastCountedDay(start, days, unit, cal));
}

export function meetsMinimum(docType: DocumentType, start: Date, end: Date, cal: CalendarOverrides): boolean {
  return end.getTime() >= earliestEnd(docType, start, cal).getTime();
}

/**
 * How long a period is, counted as above: whole calendar days and working days from the first
 * counted day to the end day, which counts only when the period runs to its 23:59:59.
 */
export function periodLength(start: Date, end: Date, cal: CalendarOverrides): { calendarDays: number; workingDays: number } {
  const endDay = shanghaiDate(end);
  const last = end.getTime() >= shanghaiEndOfDay(endDay).getTime() ? endDay : addDays(endDay, -1);
  let calendarDays = 0;
  let workingDays = 0;
  for (let day = firstCountedDay(start); day <= last; day = addDays(day, 1)) {
    calendarDays++;
    if (isWorkingDay(day, cal)) workingDays++;
  }
  return { calendarDays, workingDays };
}

export interface PublishedPeriod {
  /** The real start: the chosen start, or the moment of publication when that start has passed. */
  opensAt: Date;
  closesAt: Date;
  startMoved: boolean;
  earliestEnd: Date;
  meetsMinimum: boolean;
}

/**
 * The period a consultation really has when it is published at `publishedAt`. The public cannot
 * comment before publication, so a start already past moves to the publication instant and the
 * statutory minimum is counted again from there (民法典第二百零一条: from the next day).
 */
export function periodAtPublication(docType: DocumentType, opensAt: Date, closesAt: Date, publishedAt: Date, cal: CalendarOverrides): PublishedPeriod {
  const startMoved = opensAt.getTime() < publishedAt.getTime();
  const start = startMoved ? publishedAt : opensAt;
  const earliest = earliestEnd(docType, start, cal);
  return { opensAt: start, closesAt, startMoved, earliestEnd: earliest, meetsMinimum: closesAt.getTime() >= earliest.getTime() };
}
