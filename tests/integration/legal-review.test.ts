import { first, raw } from "~db/client.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, consultations, emailOutbox, legalReviews } from "~db/schema";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader as legalLoader } from "~/routes/admin.legal";
import { loader as download } from "~/routes/admin.consultations.$id.packet.$format";
import { packetBuildsSettled } from "~/features/packet/packet-builds.server";
import { action, loader } from "~/routes/admin.consultations.$id.packet/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { createUserSession } from "~/platform/session.server";
import { context, makeUser, testDb, unwrap } from "./helpers";

const db = testDb();
const OPEN = 1;
const CLOSED = 3;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "drafter2", "reviewer", "legal", "admin"]) {
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), (await findUserByUsername(db, name))!.id)).split(";")[0];
  }
  // A second legal-office account, so that the notice goes to each of them.
  const { user } = await makeUser("legal", { division: "政策法规处" });
  await raw(db).run("UPDATE users SET email = ? WHERE id = ?", "legal2@zhengqiu.localhost", user.id);
});

const headers = (who: string | null): HeadersInit => (who ? { Cookie: cookies[who] } : {});
const page = (who: string | null, id = CLOSED) =>
  loader({
    request: new Request(`http://localhost/admin/consultations/${id}/packet`, { headers: headers(who) }),
    params: { id: String(id) },
    context: context(),
  });
const file = (who: string | null, format = "docx", id = CLOSED) =>
  download({
    request: new Request(`http://localhost/admin/consultations/${id}/packet/${format}`, { headers: headers(who) }),
    params: { id: String(id), format },
    context: context(),
  });
const post = (who: string, fields: Record<string, string>, id = CLOSED) =>
  action({
    request: new Request(`http://localhost/admin/consultations/${id}/packet`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[who] },
    }),
    params: { id: String(id) },
    context: context(),
  });

async function status(p: Promise<unknown>): Promise<number> {
  try {
    return unwrap(await p).status;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

const review = () => first(db.select().from(legalReviews).where(eq(legalReviews.consultationId, CLOSED)).limit(1));
const consultation = async () => (await db.select().from(consultations).where(eq(consultations.id, CLOSED)).limit(1))[0]!;

describe("who may open and download the packet", () => {
  it("lets the division's drafters and reviewers in before submission, and nobody else", async () => {
    expect(await status(page("drafter"))).toBe(200);
    expect(await status(page("reviewer"))).toBe(200);
    expect(await status(file("reviewer", "csv"))).toBe(200);
    for (const who of ["drafter2", "admin", "legal"]) {
      expect(await status(page(who))).toBe(403);
      expect(await status(file(who))).toBe(403);
    }
    expect(await status(file("drafter", "exe"))).toBe(404);
    expect(await status(file("drafter", "docx", 9999))).toBe(404);
    expect(await status(page("drafter", 9999))).toBe(404);
  });

  it("sends the anonymous to the login page, which brings them back", async () => {
    const refused = await file(null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(302);
    expect((refused as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/admin/consultations/${CLOSED}/packet/docx`)}`);
  });
});

describe("submitting to the legal office and its review", () => {
  it("refuses while the period is open, and to anyone but the division's drafters", async () => {
    expect(unwrap(await post("drafter", { intent: "submit" }, OPEN))).toMatchObject({
      status: 400,
      body: { errors: { form: "征求意见期结束后才能报送法制审核。" } },
    });
    expect(await status(post("drafter2", { intent: "submit" }))).toBe(403);
    expect(unwrap(await post("reviewer", { intent: "submit" }))).toMatchObject({ status: 403 });
    expect(await review()).toBeUndefined();
  });

  it("sets 已报送法制审核, records who and when, audits it and tells every legal-office account", async () => {
    const res = (await post("drafter", { intent: "submit" })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/admin/consultations/${CLOSED}/packet?done=submit`);
    expect((await consultation()).status).toBe("legal_review");
    expect(await review()).toMatchObject({ submittedBy: (await findUserByUsername(db, "drafter"))!.id, receivedAt: null, finishedAt: null });
    const entry = (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, String(CLOSED)), eq(auditLog.action, "consultation.legal_submit")))
        .limit(1)
    )[0]!;
    expect(JSON.parse(entry.after!)).toMatchObject({ status: "legal_review" });
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "packet_arrival"));
    expect(mail.map((m) => m.toAddress).sort()).toEqual(["legal2@zhengqiu.localhost", "legal@zhengqiu.localhost"]);
    expect(unwrap(await post("drafter", { intent: "submit" }))).toMatchObject({ status: 400, body: { errors: { form: "该征求意见已报送法制审核。" } } });
  });

  it("now lets the legal office in, lists it in their in-tray, and keeps others out", async () => {
    expect(await status(page("legal"))).toBe(200);
    // The page started the packet's build; once it is done the PDF is the stored file.
    await packetBuildsSettled();
    const pdf = (await file("legal", "pdf")) as Response;
    expect(pdf.status).toBe(200);
    await pdf.arrayBuffer();
    expect(await status(file("drafter2", "xlsx"))).toBe(403);
    const tray = await legalLoader({ request: new Request("http://localhost/admin/legal", { headers: headers("legal") }), params: {}, context: context() });
    expect(tray.reviews.map((r) => r.consultationId)).toEqual([CLOSED]);
    expect(
      await status(legalLoader({ request: new Request("http://localhost/admin/legal", { headers: headers("drafter") }), params: {}, context: context() }))
    ).toBe(403);
  }, 60_000);

  it("lets only the legal office mark it received, then finished with a note, in that order", async () => {
    expect(unwrap(await post("legal", { intent: "finish", note: "结论" }))).toMatchObject({
      status: 409,
      body: { errors: { form: "请先登记接收，再登记审查完毕。" } },
    });
    expect(unwrap(await post("drafter", { intent: "receive" }))).toMatchObject({ status: 403 });
    expect(((await post("legal", { intent: "receive" })) as Response).status).toBe(302);
    expect((await review())!.receivedAt).toBeInstanceOf(Date);
    const tooLong = unwrap(await post("legal", { intent: "finish", note: "意".repeat(1001) }));
    expect(tooLong).toMatchObject({ status: 400, body: { errors: { note: "审查结论不能超过 1000 个字。" }, values: { note: "意".repeat(1001) } } });
    expect(unwrap(await post("legal", { intent: "finish", note: "  " }))).toMatchObject({ status: 400, body: { errors: { note: "请填写审查结论。" } } });
    expect(((await post("legal", { intent: "finish", note: "经审查，未发现合法性问题。" })) as Response).status).toBe(302);
    expect(await review()).toMatchObject({ note: "经审查，未发现合法性问题。", finishedBy: (await findUserByUsername(db, "legal"))!.id });
    const shown = await page("drafter");
    expect(shown.review).toMatchObject({ receivedBy: "陈法制（政策法规处）", finishedBy: "陈法制（政策法规处）", stage: "finished", round: 1 });
    const actions = (
      await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(CLOSED)))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["consultation.legal_submit", "legal_review.receive", "legal_review.finish"]));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("the round trip's forms", () => {
  it("answers bad input with Chinese messages, keeping what was typed, and each side only its own steps", async () => {
    const long = "意".repeat(2001);
    expect(unwrap(await post("legal", { intent: "opinion", article: "", body: "  " }))).toMatchObject({
      status: 400,
      body: { errors: { body: "请填写审查意见。" } },
    });
    expect(unwrap(await post("legal", { intent: "opinion", article: "第八条", body: "意见" }))).toMatchObject({
      status: 400,
      body: { errors: { article: "请选择条款或“总体意见”。" }, values: { body: "意见" } },
    });
    expect(unwrap(await post("legal", { intent: "opinion", body: long }))).toMatchObject({
      status: 400,
      body: { errors: { body: "审查意见不能超过 2000 个字。" }, values: { body: long } },
    });
    expect(unwrap(await post("drafter", { intent: "answer", opinionId: "x", answer: "" }))).toMatchObject({
      status: 400,
      body: { errors: { opinionId: "未找到该审查意见。", answer: "请填写对审查意见的答复。" } },
    });
    // The review is finished: nothing more to add, answer or resubmit, and never by the other side.
    expect(unwrap(await post("legal", { intent: "opinion", body: "再提一条" }))).toMatchObject({ status: 409, body: { errors: { form: "已登记审查完毕。" } } });
    expect(unwrap(await post("drafter", { intent: "opinion", body: "起草人员的意见" }))).toMatchObject({ status: 403 });
    expect(unwrap(await post("legal", { intent: "resubmit" }))).toMatchObject({ status: 403 });
    expect(unwrap(await post("drafter", { intent: "resubmit" }))).toMatchObject({ status: 409, body: { errors: { form: "材料当前未被退回修改。" } } });
    expect(unwrap(await post("legal", { intent: "return" }))).toMatchObject({ status: 409 });
  });
});
