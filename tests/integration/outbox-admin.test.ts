// /admin/outbox: admins read every notice (kept ones too, when no SMTP is configured), download it
// as .eml and send a failed one again; nobody else may.
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox } from "~db/schema";
import { receiptNotice } from "~/features/notices/comment-notices";
import { queueNotice } from "~/features/notices/outbox.server";
import { sendDue } from "~/features/notices/outbox-sender.server";
import { loader as listLoader } from "~/routes/admin.outbox._index";
import { action as messageAction, loader as messageLoader } from "~/routes/admin.outbox.$id";
import { loader as emlLoader } from "~/routes/admin.outbox.$id.eml";
import { createMailer } from "~/platform/mailer.server";
import { createUserSession } from "~/platform/session.server";
import { staff } from "./notice-fixtures";
import { context, testDb, unwrap } from "./helpers";

const db = testDb();
const admin = await staff(db, "admin", "办公室");
const drafter = await staff(db, "drafter", "就业创业处");
const cookie = async (id: number) => (await createUserSession(new Request("http://localhost/login"), id)).split(";")[0];
const adminCookie = await cookie(admin.id);
const drafterCookie = await cookie(drafter.id);
const get = (path: string, c: string) => new Request(`http://localhost${path}`, { headers: { Cookie: c } });
const post = (path: string, c: string) => new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: c } });

await queueNotice(db, {
  ...receiptNotice({ consultationTitle: "测试办法", receiptNo: "ZQ20261126-AAAAAA", checkCode: "BBBBBBBBBB", receivedAt: new Date() }),
  to: "held@example.com",
  kind: "receipt",
});
await queueNotice(db, { subject: "退信", text: "正文", html: "<p>正文</p>", to: "a@example.com, b@example.com", kind: "receipt" });
await sendDue(db, createMailer(null), { log: () => undefined });
const [held, failed] = await db.select().from(emailOutbox).orderBy(emailOutbox.id);

describe("the admin's outbox", () => {
  it("lists kept and failed messages with their state and the reason, for admins only", async () => {
    const list = unwrap(await listLoader({ request: get("/admin/outbox", adminCookie), params: {}, context: context() })).body;
    expect(list.smtp).toBeNull();
    expect(list.counts).toMatchObject({ held: 1, failed: 1 });
    expect(list.rows.map((r: { status: string }) => r.status)).toEqual(["failed", "held"]);
    const onlyFailed = unwrap(await listLoader({ request: get("/admin/outbox?status=failed", adminCookie), params: {}, context: context() })).body;
    expect(onlyFailed.rows).toHaveLength(1);
    expect(onlyFailed.rows[0].lastError).toMatch(/收件地址无效/);
    await expect(listLoader({ request: get("/admin/outbox", drafterCookie), params: {}, context: context() })).rejects.toMatchObject({ status: 403 });
  });

  it("shows a message and offers it as an .eml file", async () => {
    const page = unwrap(
      await messageLoader({ request: get(`/admin/outbox/${held.id}`, adminCookie), params: { id: String(held.id) }, context: context() })
    ).body;
    expect(page.row.textBody).toContain("ZQ20261126-AAAAAA");
    const res = (await emlLoader({
      request: get(`/admin/outbox/${held.id}/eml`, adminCookie),
      params: { id: String(held.id) },
      context: context(),
    })) as Response;
    expect(res.headers.get("Content-Type")).toBe("message/rfc822");
    const parsed = await simpleParser(Buffer.from(await res.arrayBuffer()));
    expect(parsed.subject).toBe(held.subject);
    expect(parsed.messageId).toBe(held.messageId);
    await expect(messageLoader({ request: get("/admin/outbox/99999", adminCookie), params: { id: "99999" }, context: context() })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("puts a failed message back in the queue, audited, and refuses to resend a sent one", async () => {
    const again = unwrap(
      await messageAction({ request: post(`/admin/outbox/${failed.id}`, adminCookie), params: { id: String(failed.id) }, context: context() })
    );
    expect(again.body.ok).toBe(true);
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.id, failed.id)).limit(1))[0]).toMatchObject({
      status: "pending",
      messageId: failed.messageId,
    });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "outbox.retry"))).toHaveLength(1);
    await db.update(emailOutbox).set({ status: "sent" }).where(eq(emailOutbox.id, failed.id));
    expect(
      unwrap(await messageAction({ request: post(`/admin/outbox/${failed.id}`, adminCookie), params: { id: String(failed.id) }, context: context() })).status
    ).toBe(409);
    await expect(
      messageAction({ request: post(`/admin/outbox/${held.id}`, drafterCookie), params: { id: String(held.id) }, context: context() })
    ).rejects.toMatchObject({ status: 403 });
  });
});
