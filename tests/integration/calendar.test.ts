import { describe, expect, it } from "vitest";
import { loadCalendar } from "~/features/consultations/calendar.server";
import { action } from "~/routes/admin.calendar/route";
import { earliestEnd, shanghaiDate } from "~/platform/periods";
import { createUserSession } from "~/platform/session.server";
import { context, formRequest, makeUser, testDb, unwrap } from "./helpers";

const db = testDb();

async function adminCookie() {
  const { user } = await makeUser("admin");
  return (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
}

describe("the working-day calendar", () => {
  it("lets admins register holidays and make-up days, which statutory periods then count by", async () => {
    const cookie = await adminCookie();
    const post = (fields: Record<string, string>) =>
      action({ request: formRequest("/admin/calendar", fields, { Cookie: cookie }), context: context(), params: {} });
    const start = new Date("2027-09-29T00:00:00+08:00"); // a Wednesday before a National Day week
    const before = earliestEnd("normative", start, await loadCalendar(db));
    for (let d = 1; d <= 7; d++) {
      expect(unwrap(await post({ intent: "add", date: `2027-10-0${d}`, kind: "holiday", note: "国庆节" })).status).toBe(200);
    }
    expect(unwrap(await post({ intent: "add", date: "2027-10-09", kind: "workday", note: "国庆节调休上班" })).status).toBe(200);
    const after = earliestEnd("normative", start, await loadCalendar(db));
    expect(shanghaiDate(after) > shanghaiDate(before)).toBe(true);
  });

  it("refuses a make-up working day on a weekday and an impossible date, with messages", async () => {
    const cookie = await adminCookie();
    const post = (fields: Record<string, string>) =>
      action({ request: formRequest("/admin/calendar", fields, { Cookie: cookie }), context: context(), params: {} });
    const weekdayWorkday = unwrap(await post({ intent: "add", date: "2027-03-03", kind: "workday" }));
    expect(weekdayWorkday.status).toBe(400);
    expect(weekdayWorkday.body.errors.kind).toMatch(/周六或周日/);
    for (const date of ["2027-02-30", "2027-13-45"]) {
      const bad = unwrap(await post({ intent: "add", date, kind: "holiday" }));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.date).toBe("日期无效。");
      expect(bad.body.values.date).toBe(date);
    }
  });

  it("is for admins only", async () => {
    const { user } = await makeUser("drafter");
    const cookie = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
    await expect(
      action({
        request: formRequest("/admin/calendar", { intent: "add", date: "2027-01-01", kind: "holiday" }, { Cookie: cookie }),
        context: context(),
        params: {},
      })
    ).rejects.toMatchObject({ status: 403 });
  });
});
