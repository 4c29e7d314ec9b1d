// Public subscriptions through the routes: the form, the mailed confirmation link (double opt-in)
// and the one-click unsubscribe link, with the mail read back from a real SMTP server.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, subscriptions } from "~db/schema";
import { sendDue } from "~/features/notices/outbox-sender.server";
import { subscribe, unsubscribeToken } from "~/features/notices/subscription.server";
import { action as subscribeAction, loader as subscribeLoader } from "~/routes/subscribe/route";
import { action as confirmAction, loader as confirmLoader } from "~/routes/subscribe_.confirm.$token";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/unsubscribe.$token";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { useSmtpSink } from "../setup/smtp-sink";
import { division, staff, subscription } from "./notice-fixtures";
import { context, formRequest, testDb, unwrap } from "./helpers";

const db = testDb();
const smtp = useSmtpSink();
beforeEach(async () => {
  await resetRateLimits();
  smtp.sink.received.length = 0;
});

const drafter = await staff(db, "drafter", "就业创业处");
const post = (fields: Record<string, string>) => subscribeAction({ request: formRequest("/subscribe", fields), context: context(), params: {} });
const args = (token: string, method = "GET", fields: Record<string, string> = {}) => ({
  request: method === "GET" ? new Request(`http://localhost/x/${token}`) : formRequest(`/x/${token}`, fields),
  context: context(),
  params: { token },
});
const stored = (email: string) => db.select().from(subscriptions).where(eq(subscriptions.email, email));

async function mailTo(address: string, subject: RegExp) {
  await sendDue(db, smtp.mailer, { log: () => undefined });
  const [mail] = await smtp.sink.waitFor((m) => m.envelopeTo.includes(address) && subject.test(m.subject));
  return mail;
}

describe("the subscription form", () => {
  it("offers the drafting divisions and refuses an invalid address, keeping what was typed", async () => {
    expect(
      (await subscribeLoader({ request: new Request("http://localhost/subscribe"), params: {}, context: context() })).divisions.map((d) => d.name)
    ).toContain("就业创业处");
    for (const email of ["not-an-email", "a@b", "a@example.com\r\nBcc: x@example.com", "a@example.com, b@example.com"]) {
      const r = unwrap(await post({ email, scope: "all" }));
      expect(r.status).toBe(400);
      expect(r.body.errors.email).toBe("请输入有效的邮箱地址，例如 name@example.com。");
      expect(r.body.values.email).toBe(email);
    }
    const empty = unwrap(await post({ email: "", scope: "division" }));
    expect(empty.body.errors).toMatchObject({ email: "请填写电子邮箱。", division: "请选择起草处室。" });
    const bad = unwrap(await post({ email: "x@example.com", scope: "division", division: String((await division(db, "无人处")).id) }));
    expect(bad.body.errors.division).toBe("请选择起草处室。");
    expect(unwrap(await post({ email: "x@example.com", scope: "doc_type", docType: "poem" })).body.errors.docType).toBe("请选择文件类型。");
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("limits how often one address can be asked", async () => {
    for (let i = 0; i < 3; i++) expect(unwrap(await post({ email: "often@example.com", scope: "all" })).status).toBe(200);
    const r = unwrap(await post({ email: "often@example.com", scope: "all" }));
    expect(r.status).toBe(429);
    expect(r.body.errors.form).toMatch(/操作过于频繁/);
  });
});

describe("double opt-in and one-click unsubscribe", () => {
  it("activates nothing until the mailed link is confirmed, and only by the button", async () => {
    const r = unwrap(await post({ email: "Reader@Example.com", scope: "division", division: String(drafter.divisionId) }));
    expect(r.body.sentTo).toBe("reader@example.com");
    const mail = await mailTo("reader@example.com", /请确认订阅/);
    expect(mail.text).toContain("就业创业处起草的征求意见");
    const link = /(http:\/\/localhost:3000\/subscribe\/confirm\/([A-Za-z0-9_-]+))/.exec(mail.text)!;
    expect(mail.html).toContain(link[1]);
    expect(mail.header("list-unsubscribe")).toBe(""); // nothing to leave yet
    const token = link[2];

    expect(unwrap(await confirmLoader(args(token))).body).toMatchObject({ state: "pending", email: "reader@example.com" });
    expect((await stored("reader@example.com"))[0].status).toBe("pending");
    expect(unwrap(await confirmAction(args(token, "POST"))).body.state).toBe("active");
    expect((await stored("reader@example.com"))[0]).toMatchObject({ status: "active", scope: "division", scopeValue: String(drafter.divisionId) });
    expect(unwrap(await confirmAction(args(token, "POST"))).body.state).toBe("active"); // again: nothing new

    const welcome = await mailTo("reader@example.com", /订阅已生效/);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "subscription_welcome"))).toHaveLength(1);
    const header = /^<(http:\/\/localhost:3000\/unsubscribe\/([^>]+))>$/.exec(welcome.header("list-unsubscribe"))!;
    expect(welcome.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(welcome.text).toContain(header[1]);

    // What a mail client sends for RFC 8058 one-click unsubscribe.
    const done = unwrap(await unsubscribeAction(args(header[2], "POST", { "List-Unsubscribe": "One-Click" })));
    expect(done).toMatchObject({ status: 200, body: { valid: true, unsubscribed: true } });
    expect((await stored("reader@example.com"))[0].status).toBe("unsubscribed");
    expect(unwrap(await unsubscribeAction(args(header[2], "POST"))).body.unsubscribed).toBe(true);
  });

  it("shows a button on GET and unsubscribes only on POST", async () => {
    const s = await subscription(db, "button@example.com", "all", null);
    const token = unsubscribeToken(s.id);
    expect(unwrap(await unsubscribeLoader(args(token))).body).toMatchObject({ valid: true, unsubscribed: false, label: "全部征求意见" });
    expect((await stored("button@example.com"))[0].status).toBe("active");
    await unsubscribeAction(args(token, "POST"));
    expect((await stored("button@example.com"))[0].status).toBe("unsubscribed");
  });

  it("does nothing with a tampered link, and says so", async () => {
    const s = await subscription(db, "tamper@example.com", "all", null);
    const other = await subscription(db, "victim@example.com", "all", null);
    const token = unsubscribeToken(s.id);
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const swapped = `${other.id}.${token.split(".")[1]}`;
    for (const bad of [flipped, swapped, `${s.id}`, "", "1.<script>"]) {
      expect(unwrap(await unsubscribeLoader(args(bad)))).toMatchObject({ status: 400, body: { valid: false } });
      expect(unwrap(await unsubscribeAction(args(bad, "POST")))).toMatchObject({ status: 400, body: { valid: false } });
    }
    expect((await stored("tamper@example.com"))[0].status).toBe("active");
    expect((await stored("victim@example.com"))[0].status).toBe("active");
    expect(unwrap(await confirmAction(args("made-up-token-0123456789abcdef", "POST")))).toMatchObject({ status: 400, body: { state: "invalid" } });
  });

  it("says an old confirmation link has expired, and confirms nothing", async () => {
    await subscribe(db, "slow@example.com", { scope: "all", scopeValue: null }, new Date(Date.now() - 8 * 86_400_000));
    const mail = await mailTo("slow@example.com", /请确认订阅/);
    const token = /subscribe\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(unwrap(await confirmLoader(args(token)))).toMatchObject({ status: 410, body: { state: "expired" } });
    expect(unwrap(await confirmAction(args(token, "POST"))).body.state).toBe("expired");
    expect((await stored("slow@example.com"))[0].status).toBe("pending");
  });

  it("answers an address already subscribed like any other, and tells only its mailbox", async () => {
    await subscription(db, "again@example.com", "all", null);
    expect(unwrap(await post({ email: "again@example.com", scope: "all" })).body.sentTo).toBe("again@example.com");
    const mail = await mailTo("again@example.com", /您已订阅/);
    expect(mail.header("list-unsubscribe")).toMatch(/unsubscribe/);
    expect(await stored("again@example.com")).toHaveLength(1);
  });
});
