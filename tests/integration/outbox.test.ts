import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { beforeEach, describe, expect, it } from "vitest";
import { statusToken } from "~/features/comments/receipt.server";
import { consultations, emailOutbox } from "~db/schema";
import { seedDemo } from "~db/seed";
import { submitComment, type CommentInput } from "~/features/comments/comment.server";
import { publicPhase } from "~/features/consultations/consultation-status";
import { queueNotice } from "~/features/notices/outbox.server";
import { claimNext, LEASE_MS, markDelivered, retryDelay, sendDue, startOutboxSender, toOutgoing } from "~/features/notices/outbox-sender.server";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { createMailer } from "~/platform/mailer.server";
import { useSmtpSink } from "../setup/smtp-sink";
import { testDb } from "./helpers";

const db = testDb();
const NOW = new Date("2026-11-26T04:00:00Z");
await seedDemo(db, NOW);
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, NOW) === "open")!;

const logs: string[] = [];
const quiet = { log: (line: string) => void logs.push(line) };
const smtp = useSmtpSink();
beforeEach(async () => {
  await db.delete(emailOutbox);
  smtp.sink.received.length = 0;
  logs.length = 0;
  await resetRateLimits();
});

let n = 0;
const comment = async (email: string) => {
  const input: CommentInput = {
    body: "建议第五条增加对退役军人家属的就业帮扶。",
    articles: [5],
    name: null,
    organisation: null,
    identityCategory: "退役军人",
    email,
    publishPreference: "anonymous",
    idempotencyKey: `outbox-test-${++n}-abcdefghijkl`,
  };
  const r = await submitComment(db, open.id, input, { now: NOW });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const row = async (id: number) => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1))[0]!;
const only = async () => (await db.select().from(emailOutbox))[0];
const queue = (to: string, extra: Partial<Parameters<typeof queueNotice>[1]> = {}) =>
  queueNotice(db, { subject: "测试通知", text: "正文", html: "<p>正文</p>", to, kind: "receipt", ...extra });

describe("delivery through SMTP", () => {
  it("delivers a receipt with its subject, body, status link and a stable Message-ID", async () => {
    const r = await comment("vet@example.com");
    expect(await sendDue(db, smtp.mailer, quiet)).toBe(1);
    const [mail] = await smtp.sink.waitFor((m) => m.envelopeTo.includes("vet@example.com"));
    expect(mail.envelopeTo).toEqual(["vet@example.com"]);
    expect(mail.subject).toBe(`意见回执 ${r.receiptNo}：${open.title}`);
    expect(mail.text).toContain(`回执编号：${r.receiptNo}`);
    const link = `http://localhost:3000/status/${r.receiptNo}/${statusToken(r.receiptNo)}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(link);
    expect(mail.text).toContain(`查询码：${r.checkCode}`);
    expect(mail.text).not.toContain("code=");
    expect(mail.text).toContain("辽宁省退役军人事务厅");
    expect(mail.header("auto-submitted")).toBe("auto-generated");
    const stored = await only();
    expect(stored).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(mail.messageId).toBe(stored.messageId);
    expect(stored.messageId).toMatch(/^<zq\.\d+\.[0-9a-f]{16}@zhengqiu\.localhost>$/);
  });

  it("lets no line break in a subject or header add a header or a recipient", async () => {
    await queue("a@example.com", {
      subject: "关于《办法》\r\nBcc: evil@example.com",
      headers: { "List-Unsubscribe": "<http://x/u>\r\nBcc: evil@example.com", Bcc: "evil@example.com" },
    });
    await queue("a@example.com\r\nBcc: evil@example.com", { dedupeKey: "crlf-to" });
    await queue("a@example.com, evil@example.com", { dedupeKey: "comma-to" });
    await sendDue(db, smtp.mailer, quiet);
    const [mail] = await smtp.sink.waitFor(() => true);
    expect(smtp.sink.received).toHaveLength(1);
    expect(mail.envelopeTo).toEqual(["a@example.com"]);
    expect(mail.subject).toBe("关于《办法》 Bcc: evil@example.com");
    const head = mail.raw.slice(0, mail.raw.indexOf("\r\n\r\n"));
    expect(head).not.toMatch(/^Bcc:/im);
    expect(mail.header("list-unsubscribe")).toContain("http://x/u");
    const refused = await db.select().from(emailOutbox).where(eq(emailOutbox.status, "failed"));
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.lastError).toMatch(/收件地址无效/);
  });
});

describe("failures", () => {
  it("records a permanent refusal with the server's answer and never retries it", async () => {
    await queue("bounce@example.com");
    await sendDue(db, smtp.mailer, quiet);
    const stored = await only();
    expect(stored.status).toBe("failed");
    expect(stored.lastError).toMatch(/550.*No such user/);
    expect(await sendDue(db, smtp.mailer, { ...quiet, clock: () => new Date(Date.now() + 7 * 86_400_000) })).toBe(0);
    expect((await row(stored.id)).attempts).toBe(1);
    expect(smtp.sink.received).toHaveLength(0);
  });

  it("retries a temporary refusal with exponential backoff, then gives up after the limit", async () => {
    await queue("busy@example.com");
    const t0 = Date.now();
    const at = (ms: number) => ({ ...quiet, retryBaseMs: 60_000, giveUpMs: 3_600_000, clock: () => new Date(t0 + ms) });
    await sendDue(db, smtp.mailer, at(0));
    const first = await only();
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.lastError).toMatch(/451/);
    const wait1 = first.nextAttemptAt.getTime() - t0;
    expect(wait1).toBeGreaterThanOrEqual(48_000);
    expect(wait1).toBeLessThanOrEqual(72_000);
    expect(await sendDue(db, smtp.mailer, at(30_000))).toBe(0); // not due yet
    await sendDue(db, smtp.mailer, at(wait1));
    const wait2 = (await row(first.id)).nextAttemptAt.getTime() - (t0 + wait1);
    expect(wait2).toBeGreaterThanOrEqual(96_000);
    expect(wait2).toBeLessThanOrEqual(144_000);
    await sendDue(db, smtp.mailer, at(2 * 3_600_000));
    expect(await row(first.id)).toMatchObject({ status: "failed", attempts: 3 });
    expect((await row(first.id)).lastError).toMatch(/不再重试/);
    expect(logs.some((l) => l.includes("451"))).toBe(true);
  });

  it("doubles the delay up to an hour", () => {
    expect([1, 2, 3, 10, 20].map((a) => retryDelay(a, 60_000, 0.5))).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });
});

describe("crashes", () => {
  it("re-sends a row whose sender died before the answer only once its lease ran out, under the same Message-ID", async () => {
    await queue("crash@example.com");
    const claimed = (await claimNext(db, "dead-sender", new Date()))!;
    expect(await row(claimed.id)).toMatchObject({ status: "sending", leaseOwner: "dead-sender" });
    expect(await sendDue(db, smtp.mailer, quiet)).toBe(0); // the lease still holds
    expect(await sendDue(db, smtp.mailer, { ...quiet, clock: () => new Date(Date.now() + LEASE_MS + 1000) })).toBe(1);
    const [mail] = await smtp.sink.waitFor(() => true);
    expect(mail.messageId).toBe(claimed.message_id);
    expect(await row(claimed.id)).toMatchObject({ status: "sent", attempts: 2, messageId: claimed.message_id });
  });

  it("keeps the one remaining window (250 received, crash before the commit) to a duplicate a receiver can drop", async () => {
    await queue("window@example.com");
    const claimed = (await claimNext(db, "dead-sender", new Date()))!;
    await smtp.mailer.deliver(toOutgoing(claimed)); // the server said 250; the process dies here
    await sendDue(db, smtp.mailer, { ...quiet, clock: () => new Date(Date.now() + LEASE_MS + 1000) });
    const copies = await smtp.sink.waitFor(() => true, { count: 2 });
    expect(new Set(copies.map((m) => m.messageId)).size).toBe(1);
    // Once recorded, a row is never sent again, whatever happens to leases afterwards.
    await markDelivered(db, claimed.id, "sent", new Date());
    expect(await sendDue(db, smtp.mailer, { ...quiet, clock: () => new Date(Date.now() + 10 * LEASE_MS) })).toBe(0);
  });
});

describe("without SMTP", () => {
  it("keeps every message in the outbox and as an .eml file under the data folder", async () => {
    const r = await comment("demo@example.com");
    const files = createMailer(null);
    await sendDue(db, files, quiet);
    const stored = await only();
    expect(stored.status).toBe("held");
    const file = path.join(process.env.DATA_DIR!, "outbox", `${String(stored.id).padStart(6, "0")}-receipt.eml`);
    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.subject).toContain(r.receiptNo);
    expect(parsed.messageId).toBe(stored.messageId);
    expect(parsed.text).toContain(r.checkCode);
    expect(smtp.sink.received).toHaveLength(0);
  });
});

describe("an SMTP outage", () => {
  it("neither blocks a burst of submissions nor loses or repeats a notice", async () => {
    const sender = startOutboxSender(db, smtp.mailer, { ...quiet, pollMs: 20, retryBaseMs: 50 });
    const receipts: string[] = [];
    const submit = async (count: number) => {
      for (let i = 0; i < count; i++) receipts.push((await comment(`burst${receipts.length}@example.com`)).receiptNo);
    };
    try {
      await submit(10);
      await smtp.sink.waitFor(() => true, { count: 3 });
      await smtp.sink.stop();
      const started = Date.now();
      await submit(20);
      expect(Date.now() - started).toBeLessThan(2000); // intake never waits for mail
      await new Promise((r) => setTimeout(r, 400)); // retries fail meanwhile
      await smtp.sink.start();
      await submit(10);
      await smtp.sink.waitFor((m) => m.envelopeTo[0].startsWith("burst"), { count: 40, timeoutMs: 15_000 });
      await new Promise((r) => setTimeout(r, 300)); // room for a stray duplicate to show up
    } finally {
      await sender.stop();
      smtp.mailer = createMailer({ host: "127.0.0.1", port: smtp.sink.port, secure: false });
    }
    const subjects = smtp.sink.received.map((m) => m.subject);
    for (const receipt of receipts) expect(subjects.filter((s) => s.includes(receipt))).toHaveLength(1);
    expect(smtp.sink.received).toHaveLength(40);
    expect(new Set(smtp.sink.received.map((m) => m.messageId)).size).toBe(40);
    expect((await db.select().from(emailOutbox)).every((r) => r.status === "sent")).toBe(true);
    expect((await db.select().from(emailOutbox)).some((r) => r.attempts > 1)).toBe(true);
    expect(logs.some((l) => /will retry/.test(l))).toBe(true);
  });
});
