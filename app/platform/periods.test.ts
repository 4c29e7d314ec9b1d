import { describe, expect, test } from "vitest";
import {
  addDays,
  earliestEnd,
  isWorkingDay,
  meetsMinimum,
  periodAtPublication,
  periodLength,
  shanghaiDate,
  shanghaiEndOfDay,
  shanghaiStartOfDay,
  type CalendarOverrides,
} from "./periods";

// A National Day week with 调休: 1–8 October off (Wednesday to the next Wednesday), with the
// Sunday before and the Saturday after as make-up working days.
const NATIONAL_DAY: CalendarOverrides = {
  holidays: new Set(["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"]),
  workdays: new Set(["2025-09-28", "2025-10-11"]),
};
const PLAIN: CalendarOverrides = { holidays: new Set(), workdays: new Set() };
const at = (iso: string) => new Date(iso);

describe("Asia/Shanghai dates", () => {
  test("shanghaiDate switches at 16:00 UTC", () => {
    expect(shanghaiDate(at("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(shanghaiDate(at("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
    expect(shanghaiDate(at("2026-12-31T23:30:00+08:00"))).toBe("2026-12-31");
  });

  test("agrees with the tz database", () => {
    const tz = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3600 * 1000 + 13 * 60 * 1000) {
      expect(shanghaiDate(new Date(t))).toBe(tz.format(new Date(t)));
    }
  });

  test("start and end of a day", () => {
    expect(shanghaiStartOfDay("2026-03-01").toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(shanghaiEndOfDay("2026-03-01").toISOString()).toBe("2026-03-01T15:59:59.000Z");
  });

  test("addDays crosses months, leap days and years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  test("rejects malformed dates", () => {
    expect(() => shanghaiStartOfDay("2026-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay("2026/03/01", PLAIN)).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  test.each([
    ["2025-09-26", true], // Friday
    ["2025-09-27", false], // Saturday
    ["2025-09-28", true], // Sunday, make-up day
    ["2025-09-30", true],
    ["2025-10-01", false], // holiday on a Wednesday
    ["2025-10-04", false], // Saturday inside the holiday
    ["2025-10-08", false],
    ["2025-10-09", true],
    ["2025-10-11", true], // Saturday, make-up day
    ["2025-10-12", false],
  ])("%s → %s", (date, expected) => {
    expect(isWorkingDay(date, NATIONAL_DAY)).toBe(expected);
  });
});

describe("earliestEnd", () => {
  test("30 days for a rule, counted from the day after a mid-day start", () => {
    expect(earliestEnd("rule", at("2026-03-01T09:30:00+08:00"), PLAIN).toISOString()).toBe("2026-03-31T15:59:59.000Z");
  });

  test("a period opening at midnight counts its first day", () => {
    expect(earliestEnd("rule", at("2026-03-01T00:00:00+08:00"), PLAIN)).toEqual(at("2026-03-30T23:59:59+08:00"));
    expect(earliestEnd("rule", at("2026-03-01T00:00:01+08:00"), PLAIN)).toEqual(at("2026-03-31T23:59:59+08:00"));
  });

  test("uses the Shanghai day, not the UTC day", () => {
    // 00:30 in Shanghai is still the previous day in UTC.
    expect(earliestEnd("major_decision", at("2026-02-28T16:30:00Z"), PLAIN)).toEqual(at("2026-03-31T23:59:59+08:00"));
  });

  test("30 days over a leap day and across the year end", () => {
    expect(earliestEnd("normative_business", at("2028-02-01T12:00:00+08:00"), PLAIN)).toEqual(at("2028-03-02T23:59:59+08:00"));
    expect(earliestEnd("rule", at("2026-12-15T10:00:00+08:00"), PLAIN)).toEqual(at("2027-01-14T23:59:59+08:00"));
  });

  test("calendar days ignore holidays", () => {
    expect(earliestEnd("rule", at("2025-09-26T10:00:00+08:00"), NATIONAL_DAY)).toEqual(at("2025-10-26T23:59:59+08:00"));
  });

  test("7 working days skip the holiday week and count the make-up days", () => {
    // Counted: 9/28 (Sun, make-up), 9/29, 9/30, 10/9, 10/10, 10/11 (Sat, make-up), 10/13.
    expect(earliestEnd("normative", at("2025-09-26T10:00:00+08:00"), NATIONAL_DAY)).toEqual(at("2025-10-13T23:59:59+08:00"));
    // Without the calendar only weekends are skipped.
    expect(earliestEnd("normative", at("2025-09-26T10:00:00+08:00"), PLAIN)).toEqual(at("2025-10-07T23:59:59+08:00"));
  });

  test("7 working days opening at midnight on a working day count that day", () => {
    // Counted: 9/29, 9/30, 10/9, 10/10, 10/11, 10/13, 10/14.
    expect(earliestEnd("normative", at("2025-09-29T00:00:00+08:00"), NATIONAL_DAY)).toEqual(at("2025-10-14T23:59:59+08:00"));
  });

  test("opening during the holiday starts counting after it", () => {
    // Counted: 10/9, 10/10, 10/11 (Sat, make-up), 10/13, 10/14, 10/15, 10/16.
    expect(earliestEnd("normative", at("2025-10-03T15:00:00+08:00"), NATIONAL_DAY)).toEqual(at("2025-10-16T23:59:59+08:00"));
  });

  test("a calendar without working days is reported, not looped over", () => {
    const holidays = new Set<string>();
    for (let d = "2026-01-01"; d < "2028-01-01"; d = addDays(d, 1)) holidays.add(d);
    expect(() => earliestEnd("normative", at("2026-01-05T10:00:00+08:00"), { holidays, workdays: new Set() })).toThrow(/no working days/);
  });
});

describe("meetsMinimum", () => {
  const start = at("2025-09-26T10:00:00+08:00");

  test("is met at 23:59:59 of the last counted day and later", () => {
    expect(meetsMinimum("normative", start, at("2025-10-13T23:59:59+08:00"), NATIONAL_DAY)).toBe(true);
    expect(meetsMinimum("normative", start, at("2025-10-13T23:59:59.999+08:00"), NATIONAL_DAY)).toBe(true);
    expect(meetsMinimum("normative", start, at("2025-10-20T17:00:00+08:00"), NATIONAL_DAY)).toBe(true);
  });

  test("is not met a second earlier or a working day short", () => {
    expect(meetsMinimum("normative", start, at("2025-10-13T23:59:58+08:00"), NATIONAL_DAY)).toBe(false);
    expect(meetsMinimum("normative", start, at("2025-10-11T23:59:59+08:00"), NATIONAL_DAY)).toBe(false);
  });

  test("a 30-day rule needs more than a normative document", () => {
    const end = at("2025-10-20T23:59:59+08:00");
    expect(meetsMinimum("normative", start, end, NATIONAL_DAY)).toBe(true);
    expect(meetsMinimum("rule", start, end, NATIONAL_DAY)).toBe(false);
    expect(meetsMinimum("normative_business", start, end, NATIONAL_DAY)).toBe(false);
  });
});

describe("periodLength", () => {
  test("counts calendar and working days the same way as the minimums", () => {
    expect(periodLength(at("2026-03-01T00:00:00+08:00"), at("2026-03-30T23:59:59+08:00"), PLAIN)).toEqual({
      calendarDays: 30,
      workingDays: 21, // 1 March 2026 is a Sunday: nine weekend days
    });
    expect(periodLength(at("2025-09-26T10:00:00+08:00"), at("2025-10-13T23:59:59+08:00"), NATIONAL_DAY)).toEqual({
      calendarDays: 17,
      workingDays: 7,
    });
  });

  test("does not count an end day that closes before its end", () => {
    expect(periodLength(at("2026-03-01T00:00:00+08:00"), at("2026-03-30T17:00:00+08:00"), PLAIN).calendarDays).toBe(29);
  });
});

describe("periodAtPublication", () => {
  test("a start already past moves to publication and the minimum is counted from there", () => {
    // 规章 chosen for 1 November, approved on 4 December at 21:00: 30 days from 5 December.
    const p = periodAtPublication("rule", at("2026-11-01T00:00:00+08:00"), at("2026-12-04T23:59:59+08:00"), at("2026-12-04T21:00:00+08:00"), PLAIN);
    expect(p.startMoved).toBe(true);
    expect(p.opensAt.toISOString()).toBe("2026-12-04T13:00:00.000Z");
    expect(p.earliestEnd.toISOString()).toBe(at("2027-01-03T23:59:59+08:00").toISOString());
    expect(p.meetsMinimum).toBe(false);
  });

  test("a start still to come stays", () => {
    const start = at("2026-12-10T00:00:00+08:00");
    const p = periodAtPublication("normative", start, at("2026-12-18T23:59:59+08:00"), at("2026-12-04T21:00:00+08:00"), PLAIN);
    expect(p).toMatchObject({ startMoved: false, opensAt: start, meetsMinimum: true });
  });
});
