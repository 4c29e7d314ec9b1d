// Scheduled notices: the 08:00 digest of the previous day, deadline reminders to drafters, closing
// reminders to subscribers; the scheduler runs each period once across restarts and catches up.
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consultations, emailOutbox, scheduledJobs } from "~db/schema";
import { NOTICE_JOBS, queueDeadlineReminders } from "~/features/notices/scheduled-notices.server";
import { queueClosingReminders } from "~/features/notices/subscriber-notices.server";
import { queueNotice } from "~/features/notices/outbox.server";
import { sendDue } from "~/features/notices/outbox-sender.server";
import { duePeriods, runDueJobs, type DailyJob } from "~/platform/scheduler.server";
import { useSmtpSink } from "../setup/smtp-sink";
import { commentAt, consultationAt, staff, subscription } from "./notice-fixtures";
import { testDb } from "./helpers";

const db = testDb();
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const smtp = useSmtpSink();

const drafter = await staff(db, "drafter", "日报处", "daily1@example.gov.cn");
const colleague = await staff(db, "drafter", "日报处", "daily2@example.gov.cn");
await staff(db, "drafter", "日报处", null);
const elsewhere = await staff(db, "drafter", "别的处", "elsewhere@example.gov.cn");
const c = await consultationAt(db, drafter, { opensAt: at("2026-03-01", "00:00"), closesAt: at("2026-03-30", "23:59") });
await consultationAt(db, elsewhere, { opensAt: at("2026-03-01", "00:00"), closesAt: at("2026-03-31", "23:59") });
for (const t of [at("2026-03-08", "23:59"), at("2026-03-09", "00:10"), at("2026-03-09", "23:59"), at("2026-03-10", "00:01")]) await commentAt(db, c.id, t);

const digests = (day: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, `digest:${day}:%`));
const lastPeriod = async (name: string) => (await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name)).limit(1))[0]?.lastPeriod;

describe("when jobs are due", () => {
  it("runs a day's period from its time on, and catches up at most a week", () => {
    expect(duePeriods(null, "08:00", at("2026-03-10", "07:59"))).toEqual(["2026-03-09"]);
    expect(duePeriods(null, "08:00", at("2026-03-10", "08:00"))).toEqual(["2026-03-10"]);
    expect(duePeriods("2026-03-10", "08:00", at("2026-03-11", "07:00"))).toEqual([]);
    expect(duePeriods("2026-03-07", "08:00", at("2026-03-10", "09:00"))).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(duePeriods("2026-01-01", "08:00", at("2026-03-10", "09:00"))).toHaveLength(7);
  });
});

describe("the daily digest", () => {
  it("goes out at 08:00 Asia/Shanghai with the previous day's comments, to the division's drafters", async () => {
    expect(await runDueJobs(db, NOTICE_JOBS, at("2026-03-10", "08:00"))).toContainEqual({ job: "comment-digest", period: "2026-03-10" });
    const rows = await digests("2026-03-09");
    expect(rows.map((r) => r.toAddress).sort()).toEqual(["daily1@example.gov.cn", "daily2@example.gov.cn"]);
    await sendDue(db, smtp.mailer, { log: () => undefined });
    const [mail] = await smtp.sink.waitFor((m) => m.envelopeTo[0] === "daily1@example.gov.cn");
    expect(mail.subject).toBe("新意见日报（2026年3月9日）：共 2 条");
    expect(mail.text).toContain(`《${c.title}》：新增 2 条，目前待审核 4 条。`);
    expect(mail.text).toContain(`http://localhost:3000/admin/consultations/${c.id}/moderation`);
    expect(mail.text).toContain(`${drafter.displayName}：您好！`);
  });

  it("is not repeated by a restart or a second process, and the next one waits for 08:00", async () => {
    expect((await runDueJobs(db, NOTICE_JOBS, at("2026-03-10", "08:05"))).filter((r) => r.job === "comment-digest")).toEqual([]);
    expect((await runDueJobs(db, NOTICE_JOBS, at("2026-03-11", "07:59"))).filter((r) => r.job === "comment-digest")).toEqual([]);
    expect(await digests("2026-03-09")).toHaveLength(2);
    expect(await digests("2026-03-10")).toHaveLength(0);
    await runDueJobs(db, NOTICE_JOBS, at("2026-03-11", "08:00"));
    expect((await digests("2026-03-10")).map((r) => r.subject)).toEqual(["新意见日报（2026年3月10日）：共 1 条", "新意见日报（2026年3月10日）：共 1 条"]);
  });

  it("catches up the days missed while the server was down, in order", async () => {
    await commentAt(db, c.id, at("2026-03-12", "10:00"));
    await commentAt(db, c.id, at("2026-03-14", "10:00"));
    const ran = (await runDueJobs(db, NOTICE_JOBS, at("2026-03-16", "09:30"))).filter((r) => r.job === "comment-digest");
    expect(ran.map((r) => r.period)).toEqual(["2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15", "2026-03-16"]);
    expect(await digests("2026-03-12")).toHaveLength(2);
    expect(await digests("2026-03-14")).toHaveLength(2);
    expect(await digests("2026-03-13")).toHaveLength(0); // a day without comments sends nothing
    expect(await lastPeriod("comment-digest")).toBe("2026-03-16");
  });

  it("rolls a failed run back and runs it again next time", async () => {
    let fail = true;
    const job: DailyJob = {
      name: "flaky",
      at: "08:00",
      run: async (tx, { period }) => {
        await queueNotice(tx, { subject: "s", text: "t", html: "h", to: "x@example.com", kind: "comment_digest", dedupeKey: `flaky:${period}` });
        if (fail) throw new Error("disk full");
      },
    };
    await expect(runDueJobs(db, [job], at("2026-03-16", "08:00"))).rejects.toThrow("disk full");
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "flaky:2026-03-16"))).toHaveLength(0);
    expect(await lastPeriod("flaky")).toBeUndefined();
    fail = false;
    expect(await runDueJobs(db, [job], at("2026-03-16", "08:01"))).toEqual([{ job: "flaky", period: "2026-03-16" }]);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "flaky:2026-03-16"))).toHaveLength(1);
  });
});

describe("deadline and closing reminders", async () => {
  const closing = await consultationAt(db, drafter, { opensAt: at("2026-04-01", "00:00"), closesAt: at("2026-04-20", "23:59"), title: "将截止的办法" });
  const remind = (date: string) => db.transaction((tx) => queueDeadlineReminders(tx, at(date, "08:30")));
  const reminders = () =>
    db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.kind, "deadline_reminder"), like(emailOutbox.dedupeKey, `deadline-reminder:${closing.id}:%`)));

  it("remind the drafters three days before, on the last day, and again before an extended deadline", async () => {
    await remind("2026-04-17");
    expect(await reminders()).toHaveLength(0);
    await remind("2026-04-18");
    await remind("2026-04-19");
    expect((await reminders()).map((r) => r.toAddress).sort()).toEqual(["daily1@example.gov.cn", "daily2@example.gov.cn"]);
    expect((await reminders())[0].subject).toBe("征求意见即将截止（还剩 2 天 15 小时）：《将截止的办法》");
    expect((await reminders())[0].textBody).toContain("如需延长征求意见期，须在截止前办理");
    await remind("2026-04-20");
    expect(await reminders()).toHaveLength(4);
    await db
      .update(consultations)
      .set({ closesAt: at("2026-04-23", "23:59") })
      .where(eq(consultations.id, closing.id));
    await remind("2026-04-21");
    expect(await reminders()).toHaveLength(6);
  });

  it("remind subscribers three days before closing, once per deadline, with the unsubscribe link", async () => {
    await subscription(db, "watcher@example.com", "all", null);
    await subscription(db, "unconfirmed@example.com", "all", null, "pending");
    const run = (date: string) => db.transaction((tx) => queueClosingReminders(tx, at(date, "09:00")));
    await run("2026-04-20"); // the deadline was extended to 04-23 above: not yet
    await run("2026-04-21");
    await run("2026-04-22");
    const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "closing_reminder"));
    expect(rows.map((r) => r.toAddress)).toEqual(["watcher@example.com"]);
    expect(rows[0].subject).toBe("征求意见即将截止：《将截止的办法》");
    expect(rows[0].headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(rows[0].textBody).toMatch(/退订本订阅：http:\/\/localhost:3000\/unsubscribe\/\d+\./);
  });
});
