// The statutory period is the one the public really gets: a start already past when the reviewer
// approves becomes the approval instant, and the minimum is counted again from it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, calendarDays, consultations, reviews } from "~db/schema";
import { createConsultation } from "~/features/consultations/consultation-editor.server";
import { ConsultationSchema } from "~/features/consultations/consultation-schema";
import { readinessProblems, review } from "~/features/consultations/consultation-workflow.server";
import { getPublicConsultation } from "~/features/consultations/consultation.server";
import { loadPacket } from "~/features/packet/packet.server";
import { summaryData } from "~/features/responses/summary.server";
import { draftSummary } from "~/features/responses/summary-draft";
import { consultationDetailBody } from "~/features/open-data/syndication.server";
import { action } from "~/routes/admin.consultations.$id._index/route";
import { formatDate } from "~/platform/dates";
import { createUserSession } from "~/platform/session.server";
import { context, formRequest, makeUser, testDb, unwrap } from "./helpers";

const db = testDb();
const DRAFT = `测试规章（征求意见稿）
第一条 为了规范测试工作，制定本规章。
第二条 本规章自发布之日起施行。`;
const day = 86_400_000;
const wall = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

/** A consultation waiting for review, with the period it had when it was submitted. */
async function pending(docType: string, opensAt: Date, closesAt: Date, shortPeriodReason = "") {
  const { user: drafter } = await makeUser("drafter", { division: "测试处" });
  const { user: reviewer } = await makeUser("reviewer");
  const input = ConsultationSchema.parse({
    title: "测试规章（征求意见稿）",
    docType,
    draftText: DRAFT,
    basis: "一、必要性。",
    opensAt: wall(opensAt),
    closesAt: wall(closesAt),
    shortPeriodReason,
  });
  const id = await createConsultation(db, input, drafter);
  await db.update(consultations).set({ status: "pending_review" }).where(eq(consultations.id, id));
  return { id, reviewer };
}

const row = async (id: number) => (await db.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0]!;

describe("approval after the chosen start", () => {
  it("refuses a rule that would be public for hours, and keeps it pending with nothing written", async () => {
    const now = new Date();
    const { id, reviewer } = await pending("rule", new Date(now.getTime() - 33 * day), new Date(now.getTime() + 3 * 3600_000));
    await expect(review(db, id, reviewer, "approved", undefined, now)).rejects.toThrow(/所填开始时间已过.*最早可于.*请填写缩短期限的理由/);
    expect(await row(id)).toMatchObject({ status: "pending_review", publishedAt: null });
    expect(await db.select().from(reviews).where(eq(reviews.consultationId, id))).toEqual([]);
  });

  it("starts the period at approval, and the public page, summary, packet and API say so", async () => {
    const now = new Date();
    const chosen = new Date(now.getTime() - 33 * day);
    const closes = new Date(now.getTime() + 40 * day);
    const { id, reviewer } = await pending("rule", chosen, closes);
    await review(db, id, reviewer, "approved", undefined, now);
    const c = await row(id);
    expect(c).toMatchObject({ status: "published", shortPeriodReason: null });
    expect(c.opensAt!.getTime()).toBe(now.getTime());
    expect(c.publishedAt!.getTime()).toBe(now.getTime());

    expect((await getPublicConsultation(db, id))!.opensAt!.getTime()).toBe(now.getTime());
    const summary = draftSummary((await summaryData(db, id, "测试厅"))!);
    expect(summary).toContain(`${formatDate(now)}至${formatDate(closes)}`);
    expect(summary).not.toContain(formatDate(chosen));
    expect((await loadPacket(db, id))!.meta.opensAt!.getTime()).toBe(now.getTime());
    const api = (await consultationDetailBody(db, id, "http://localhost:3000"))!.body as unknown as { data?: { opens_at: string }; opens_at?: string };
    // The API states instants to the second.
    expect(new Date((api.data ?? api).opens_at!).getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000);

    const approval = (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "consultation.approve"), eq(auditLog.entityId, String(id))))
        .limit(1)
    )[0]!;
    expect(JSON.parse(approval.before!).opensAt).toBe(chosen.toISOString().replace(/\d\d\.\d{3}Z$/, "00.000Z"));
    expect(JSON.parse(approval.after!).opensAt).toBe(now.toISOString());
  });

  it("publishes a shortened period only with a public reason, given by the reviewer or already by the drafter", async () => {
    const now = new Date();
    const a = await pending("rule", new Date(now.getTime() - 10 * day), new Date(now.getTime() + 20 * day));
    await review(db, a.id, a.reviewer, "approved", undefined, now, "  涉及汛期安全，须尽快出台。 ");
    expect(await row(a.id)).toMatchObject({ status: "published", shortPeriodReason: "涉及汛期安全，须尽快出台。" });

    const b = await pending("rule", new Date(now.getTime() - 10 * day), new Date(now.getTime() + 20 * day), "上级要求限期出台。");
    await review(db, b.id, b.reviewer, "approved", undefined, now);
    expect(await row(b.id)).toMatchObject({ status: "published", shortPeriodReason: "上级要求限期出台。" });
  });

  it("recounts working days from the real start with the admins' calendar", async () => {
    // Friday 4 December 2026, 21:00 in Shanghai: 7 working days from Monday 7th end on Tuesday 15th,
    // or on Wednesday 16th when Monday 14th is a holiday.
    const now = new Date("2026-12-04T21:00:00+08:00");
    const closes = new Date("2026-12-16T00:00:00+08:00");
    const ok = await pending("normative", new Date("2026-12-01T09:00:00+08:00"), closes);
    await review(db, ok.id, ok.reviewer, "approved", undefined, now);
    expect((await row(ok.id)).opensAt!.getTime()).toBe(now.getTime());

    await db.insert(calendarDays).values({ date: "2026-12-14", kind: "holiday", note: "测试假日" });
    try {
      const late = await pending("normative", new Date("2026-12-01T09:00:00+08:00"), closes);
      await expect(review(db, late.id, late.reviewer, "approved", undefined, now)).rejects.toThrow("最早可于 2026年12月16日 23:59 截止");
    } finally {
      await db.delete(calendarDays).where(eq(calendarDays.date, "2026-12-14"));
    }
  });

  it("leaves a start still to come as it is", async () => {
    const now = new Date();
    const opens = new Date(now.getTime() + 2 * day);
    const { id, reviewer } = await pending("rule", opens, new Date(now.getTime() + 40 * day));
    await review(db, id, reviewer, "approved", undefined, now);
    expect(Math.abs((await row(id)).opensAt!.getTime() - opens.getTime())).toBeLessThan(60_000);
  });

  it("tells the drafter before submission that a past start will be counted from now", async () => {
    const now = new Date();
    const { id } = await pending("rule", new Date(now.getTime() - 33 * day), new Date(now.getTime() + 3 * day));
    expect((await readinessProblems(db, await row(id), now)).join("")).toContain("开始时间已过，按现在开始计算");
  });
});

describe("the review form", () => {
  it("answers a too-short late approval with the reason asked for and the reviewer's text kept, then publishes with it", async () => {
    const now = Date.now();
    const { id, reviewer } = await pending("rule", new Date(now - 33 * day), new Date(now + 10 * day));
    const cookie = (await createUserSession(new Request("http://localhost/login"), reviewer.id)).split(";")[0];
    const post = (fields: Record<string, string>) =>
      action({
        request: formRequest(`/admin/consultations/${id}`, { intent: "review", ...fields }, { Cookie: cookie }),
        params: { id: String(id) },
        context: context(),
      });

    const refused = unwrap(await post({ decision: "approved", comment: "同意。" }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.form).toMatch(/^所填开始时间已过.*最早可于.*请填写缩短期限的理由（将向社会公开）/);
    expect(refused.body.values.comment).toBe("同意。");
    expect((await row(id)).status).toBe("pending_review");

    const tooLong = unwrap(await post({ decision: "approved", shortPeriodReason: "理".repeat(501) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.shortPeriodReason).toBe("缩短期限的理由不能超过 500 个字符。");

    const approved = unwrap(await post({ decision: "approved", shortPeriodReason: "年底前须出台，经主要负责人同意缩短。" }));
    expect(approved.status).toBe(302);
    expect(await row(id)).toMatchObject({ status: "published", shortPeriodReason: "年底前须出台，经主要负责人同意缩短。" });
  });
});
