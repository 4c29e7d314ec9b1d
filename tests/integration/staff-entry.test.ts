import { first } from "~db/client.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, comments, consultations } from "~db/schema";
import { publicPhase } from "~/features/consultations/consultation-status";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.comments.new/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { shanghaiDate } from "~/platform/periods";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap } from "./helpers";

const db = testDb();
let cookie = "";
let drafterId = 0;
const now = new Date();
await seedDemo(db, now);
const all = await db.select().from(consultations);
const open = all.find((c) => publicPhase(c, now) === "open")!;
const closed = all.find((c) => publicPhase(c, now) === "closed")!;

beforeAll(async () => {
  drafterId = (await findUserByUsername(db, "drafter"))!.id;
  cookie = (await createUserSession(new Request("http://localhost/login"), drafterId)).split(";")[0];
});

let n = 0;
const fields = (overrides: Record<string, string> = {}) => ({
  channel: "letter",
  receivedOn: shanghaiDate(now),
  body: `信函意见第${++n}封：建议第五条增加对军属的帮扶。`,
  identityCategory: "军属",
  publishPreference: "anonymous",
  idempotencyKey: `staff-entry-key-${n}-abcdefgh`,
  ...overrides,
});

const enter = async (id: number, f: Record<string, string>) =>
  unwrap(
    await action({
      request: new Request(`http://localhost/admin/consultations/${id}/comments/new`, {
        method: "POST",
        body: new URLSearchParams(f),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      params: { id: String(id) },
      context: context("198.51.100.44"),
    })
  );

const page = async (id: number) =>
  unwrap(
    await loader({
      request: new Request(`http://localhost/admin/consultations/${id}/comments/new`, { headers: { Cookie: cookie } }),
      params: { id: String(id) },
      context: context(),
    })
  );

const entries = () => db.select().from(auditLog).where(eq(auditLog.action, "comment.staff_entry"));
const stored = (body: string) => first(db.select().from(comments).where(eq(comments.body, body)).limit(1));
const day = (d: Date, offsetDays = 0) => shanghaiDate(new Date(d.getTime() + offsetDays * 86_400_000));

describe("comments entered by staff", () => {
  it("accepts a letter received during the period and audits the entry", async () => {
    const f = fields();
    const r = await enter(open.id, f);
    expect(r.status).toBe(200);
    expect(r.body.receiptNo).toMatch(/^ZQ/);
    const c = (await stored(f.body))!;
    expect(c).toMatchObject({ channel: "letter", enteredBy: drafterId });
    const row = (await entries()).find((e) => e.entityId === String(c.id))!;
    expect(row).toMatchObject({ actorId: drafterId, entityType: "comment", ip: "198.51.100.44" });
    expect(JSON.parse(row.after!)).toMatchObject({ consultationId: open.id, receiptNo: c.receiptNo, channel: "letter", receivedOn: shanghaiDate(now) });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses a received date before the period (1999-01-01), keeping what was typed", async () => {
    const before = (await entries()).length;
    const f = fields({ receivedOn: "1999-01-01" });
    const r = await enter(open.id, f);
    expect(r.status).toBe(400);
    expect(r.body.errors.receivedOn).toMatch(/早于征求意见期/);
    expect(r.body.values.body).toBe(f.body);
    expect(await stored(f.body)).toBeUndefined();
    expect(await entries()).toHaveLength(before);
  });

  it("after the period, takes only a letter postmarked inside it, with a reason", async () => {
    const late = { receivedOn: day(now) };
    const postmark = day(closed.closesAt!, -1);
    const email = await enter(closed.id, fields({ ...late, channel: "email" }));
    expect(email.status).toBe(400);
    expect(email.body.errors.receivedOn).toMatch(/以邮戳为准/);
    expect((await enter(closed.id, fields(late))).body.errors.postmarkedOn).toMatch(/请填写信封上的邮戳日期/);
    expect((await enter(closed.id, fields({ ...late, postmarkedOn: day(closed.closesAt!, 1), lateReason: "邮路延误" }))).body.errors.postmarkedOn).toMatch(
      /不在征求意见期/
    );
    const noReason = await enter(closed.id, fields({ ...late, postmarkedOn: postmark }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.lateReason).toMatch(/说明计入的理由/);

    const f = fields({ ...late, postmarkedOn: postmark, lateReason: "截止前寄出，邮戳为证，邮路延误" });
    const ok = await enter(closed.id, f);
    expect(ok.status).toBe(200);
    const c = (await stored(f.body))!;
    expect(shanghaiDate(c.receivedAt)).toBe(late.receivedOn);
    const row = (await entries()).find((e) => e.entityId === String(c.id))!;
    expect(JSON.parse(row.after!)).toMatchObject({ postmarkedOn: postmark, lateReason: "截止前寄出，邮戳为证，邮路延误" });
  });

  it("refuses every entry once the record went to the legal office, and says so before anyone types", async () => {
    await db.update(consultations).set({ status: "legal_review" }).where(eq(consultations.id, closed.id));
    try {
      const before = (await db.select().from(comments).where(eq(comments.consultationId, closed.id))).length;
      const auditsBefore = (await entries()).length;
      for (const f of [
        fields({ receivedOn: day(closed.closesAt!, -1) }),
        fields({ receivedOn: "1999-01-01" }),
        fields({ receivedOn: day(now), postmarkedOn: day(closed.closesAt!, -1), lateReason: "邮路延误" }),
      ]) {
        const r = await enter(closed.id, f);
        expect(r.status).toBe(409);
        expect(r.body.errors.form).toMatch(/已随合法性审查材料报送法制机构/);
        expect(r.body.values.body).toBe(f.body);
      }
      expect(await db.select().from(comments).where(eq(comments.consultationId, closed.id))).toHaveLength(before);
      expect(await entries()).toHaveLength(auditsBefore);
      expect((await page(closed.id)).body.closed).toMatch(/已随合法性审查材料报送法制机构/);

      await db.update(consultations).set({ status: "feedback_published" }).where(eq(consultations.id, closed.id));
      expect((await enter(closed.id, fields({ receivedOn: day(closed.closesAt!, -1) }))).status).toBe(409);
    } finally {
      await db.update(consultations).set({ status: "published" }).where(eq(consultations.id, closed.id));
    }
    expect((await page(open.id)).body.closed).toBeNull();
  });

  it("makes one comment of a double submission by the same person", async () => {
    const f = fields();
    const first = await enter(open.id, f);
    const second = await enter(open.id, f);
    expect(second.body.receiptNo).toBe(first.body.receiptNo);
    expect(
      await db
        .select()
        .from(comments)
        .where(and(eq(comments.body, f.body), eq(comments.consultationId, open.id)))
    ).toHaveLength(1);
  });
});
