import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { statusToken } from "~/features/comments/receipt.server";
import { commentArticles, comments, consultations, emailOutbox, redactions } from "~db/schema";
import { seedDemo } from "~db/seed";
import { lookupComment } from "~/features/comments/comment-status.server";
import { submitComment, submitComments } from "~/features/comments/comment.server";
import { handleCommentPost } from "~/features/comments/comment-intake.server";
import { publicPhase } from "~/features/consultations/consultation-status";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { action as statusAction, loader as statusLoader } from "~/routes/status/route";
import { receiptViewCookie } from "~/features/comments/receipt-view.server";
import { commentInput, context, testDb, unwrap } from "./helpers";

const db = testDb();
const NOW = new Date("2026-11-26T04:00:00Z");
await seedDemo(db, NOW);
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, NOW) === "open")!;
const closed = (await db.select().from(consultations)).find((c) => publicPhase(c, NOW) === "closed")!;

const input = commentInput;

beforeEach(() => resetRateLimits());

describe("comment intake", () => {
  it("accepts exactly within the period, checked at the instant of receipt", async () => {
    const before = new Date(open.closesAt!.getTime() - 1000);
    const after = new Date(open.closesAt!.getTime() + 1000);
    expect(await submitComment(db, open.id, input(), { now: before })).toMatchObject({ ok: true });
    const late = await submitComment(db, open.id, input(), { now: after });
    expect(late).toMatchObject({ ok: false, status: 409 });
    expect(!late.ok && late.message).toMatch(/已于 .* 截止/);
    const early = await submitComment(db, open.id, input(), { now: new Date(open.opensAt!.getTime() - 1000) });
    expect(!early.ok && early.message).toMatch(/尚未开始/);
    expect((await submitComment(db, open.id, input(), { now: new Date(open.opensAt!.getTime() + 1000) })).ok).toBe(true);
  });

  it("makes one comment from a double submission and returns the same receipt and code", async () => {
    const key = "double-click-key-0123456789";
    const first = await submitComment(db, open.id, input({ idempotencyKey: key }), { now: NOW });
    const second = await submitComment(db, open.id, input({ idempotencyKey: key }), { now: NOW });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second).toMatchObject({ receiptNo: first.receiptNo, checkCode: first.checkCode, duplicate: true });
    expect(await db.select().from(comments).where(eq(comments.idempotencyKey, key))).toHaveLength(1);
  });

  it("never hands a reused key's receipt to anyone but the first sender with the same text", async () => {
    const key = "shared-computer-key-0123456789";
    const first = await submitComment(db, open.id, input({ idempotencyKey: key, body: "第一个人的意见，电话13912345678。" }), { now: NOW, ip: "192.0.2.1" });
    if (!first.ok) throw new Error(first.message);
    const stranger = await submitComment(db, open.id, input({ idempotencyKey: key, body: "第二个人的意见。" }), { now: NOW, ip: "192.0.2.1" });
    const elsewhere = await submitComment(db, open.id, input({ idempotencyKey: key, body: "第一个人的意见，电话13912345678。" }), {
      now: NOW,
      ip: "192.0.2.2",
    });
    for (const r of [stranger, elsewhere]) {
      expect(r).toMatchObject({ ok: false, field: "form", status: 409, renewKey: true });
      expect(JSON.stringify(r)).not.toContain(first.receiptNo);
    }
    expect(
      await submitComment(db, open.id, input({ idempotencyKey: key, body: "第一个人的意见，电话13912345678。" }), { now: NOW, ip: "192.0.2.1" })
    ).toMatchObject({
      ok: true,
      receiptNo: first.receiptNo,
      duplicate: true,
    });
    expect(await db.select().from(comments).where(eq(comments.idempotencyKey, key))).toHaveLength(1);
  });

  it("stores the comment, its article, its proposed redactions and its receipt mail together", async () => {
    const r = await submitComment(db, open.id, input({ body: "我的电话 139 1234 5678，请联系。\u202Eevil", email: "vet@example.com" }), { now: NOW });
    if (!r.ok) throw new Error(r.message);
    const c = (await db.select().from(comments).where(eq(comments.receiptNo, r.receiptNo)).limit(1))[0]!;
    expect(c.body).toBe("我的电话 139 1234 5678，请联系。evil");
    expect(c.hasPii).toBe(true);
    expect(c.moderationStatus).toBe("pending");
    expect((await db.select().from(redactions).where(eq(redactions.commentId, c.id)))[0]).toMatchObject({ kind: "phone", status: "proposed" });
    const mail = (
      await db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, `receipt:${r.receiptNo}`))
        .limit(1)
    )[0]!;
    expect(mail.toAddress).toBe("vet@example.com");
    expect(mail.textBody).toContain(r.receiptNo);
    expect(mail.textBody).toContain(`查询码：${r.checkCode}`);
    expect(mail.textBody).toContain(`/status/${r.receiptNo}/${statusToken(r.receiptNo)}`);
    expect(mail.textBody).not.toContain("code=");
  });

  it("refuses articles that do not exist and a closed consultation, with messages", async () => {
    expect(await submitComment(db, open.id, input({ articles: [999] }), { now: NOW })).toMatchObject({ ok: false, field: "articles" });
    expect(await submitComment(db, closed.id, input(), { now: NOW })).toMatchObject({ ok: false, status: 409 });
    expect(await submitComment(db, 424242, input(), { now: NOW })).toMatchObject({ ok: false, status: 404 });
  });

  it("keeps script tags as plain text", async () => {
    const r = await submitComment(db, open.id, input({ body: "<script>alert('x')</script> 第五条很好" }), { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect((await db.select().from(comments).where(eq(comments.receiptNo, r.receiptNo)).limit(1))[0]!.body).toBe("<script>alert('x')</script> 第五条很好");
  });
});

describe("a batch of submissions stored together (group commit)", () => {
  it("answers each as if alone, in order, and stores each new one once with its articles, redactions and mail", async () => {
    const taken = input();
    const first = await submitComment(db, open.id, taken, { now: NOW, ip: "192.0.2.50" });
    if (!first.ok) throw new Error(first.message);
    const twice = input({ body: "第五条的补贴标准应当提高。" });
    const meta = { now: NOW, ip: "192.0.2.51" };
    const results = await submitComments(db, [
      { consultationId: open.id, input: input({ articles: [5, 6] }), meta },
      { consultationId: open.id, input: taken, meta: { now: NOW, ip: "192.0.2.50" } }, // sent again: the first receipt
      { consultationId: open.id, input: { ...taken, body: "别人的文字" }, meta }, // someone else with that key
      { consultationId: open.id, input: twice, meta },
      { consultationId: open.id, input: twice, meta }, // a double click inside one batch
      { consultationId: open.id, input: { ...twice, body: "同一个键，不同的文字" }, meta },
      { consultationId: closed.id, input: input(), meta },
      { consultationId: open.id, input: input({ articles: [999] }), meta },
      { consultationId: open.id, input: input({ body: "请拨打 139 1234 5678 联系我。", email: "batch@example.com" }), meta },
    ]);
    expect(results.map((r) => (r.ok ? (r.duplicate ? "duplicate" : "stored") : r.status))).toEqual([
      "stored",
      "duplicate",
      409,
      "stored",
      "duplicate",
      409,
      409,
      400,
      "stored",
    ]);
    expect(results[1]).toMatchObject({ receiptNo: first.receiptNo, checkCode: first.checkCode });
    expect(results[4]).toMatchObject({ receiptNo: results[3].ok && results[3].receiptNo });
    expect(await db.select().from(comments).where(eq(comments.idempotencyKey, twice.idempotencyKey))).toHaveLength(1);
    const withArticles = results[0].ok && (await db.select().from(comments).where(eq(comments.receiptNo, results[0].receiptNo)))[0];
    expect(withArticles && (await db.select().from(commentArticles).where(eq(commentArticles.commentId, withArticles.id)))).toHaveLength(2);
    const screened = results[8].ok && (await db.select().from(comments).where(eq(comments.receiptNo, results[8].receiptNo)))[0];
    expect(screened && screened.hasPii).toBe(true);
    expect(screened && (await db.select().from(redactions).where(eq(redactions.commentId, screened.id)))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, `receipt:${results[8].ok && results[8].receiptNo}`))
    ).toHaveLength(1);
  });
});

function post(fields: Record<string, string | string[]>, ip = "192.0.2.10") {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  const request = new Request(`http://localhost/consultations/${open.id}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return handleCommentPost(request, { clientIp: ip }, open.id);
}

let n = 0;
const valid = () => ({
  body: "支持第三条。",
  identityCategory: "军属",
  publishPreference: "anonymous",
  consent: "on",
  idempotencyKey: `form-key-${++n}-abcdefghijk`,
  website: "",
});

describe("the comment form's POST", () => {
  it("redirects to the receipt page on success, the code in a short-lived cookie and not in the address", async () => {
    const res = (await post(valid())) as Response;
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/status");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^zq_receipt=ZQ\d{8}-[0-9A-Z]{6}\.[0-9A-Z]{10}\.1\.\d+\.[\w-]{32}; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax/);
    const page = unwrap(
      await statusLoader({ request: new Request("http://localhost/status", { headers: { Cookie: setCookie.split(";")[0] } }), params: {}, context: context() })
    );
    expect(page.body).toMatchObject({ fresh: true, status: { steps: [{ label: "已收到" }, { label: "审核中" }, { label: "已公开" }, { label: "已研究" }] } });
  });

  it("answers a second person reusing a form's key with a message, their text and a fresh key, not the first receipt", async () => {
    const first = valid();
    const res = (await post(first, "192.0.2.50")) as Response;
    expect(res.status).toBe(303);
    const second = unwrap(await post({ ...first, body: "另一位群众的意见。" }, "192.0.2.51"));
    expect(second.status).toBe(409);
    expect(second.body.errors.form).toMatch(/已提交过/);
    expect(second.body.values.body).toBe("另一位群众的意见。");
    expect(second.body.values.idempotencyKey).toBeUndefined();
  });

  it("gives an address exactly its quota when its comments arrive all at once, and a refused or repeated one spends none", async () => {
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => post({ ...valid(), body: `同时到达的意见 ${i}。` }, "192.0.2.77")));
    const codes = statuses.map((r) => (r instanceof Response ? r.status : unwrap(r).status));
    expect(codes.filter((c) => c === 303)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(40);
    // Another address: a repeated submission and a refused one leave its quota whole.
    const form = valid();
    await post(form, "192.0.2.78");
    await post(form, "192.0.2.78");
    await post({ ...valid(), identityCategory: "不存在的类别" }, "192.0.2.78");
    const rest = await Promise.all(Array.from({ length: 19 }, (_, i) => post({ ...valid(), body: `余下的意见 ${i}。` }, "192.0.2.78")));
    expect(rest.every((r) => r instanceof Response && r.status === 303)).toBe(true);
    expect(unwrap(await post(valid(), "192.0.2.78")).status).toBe(429);
  });

  it("takes a form without a key (a cached page, no JavaScript): a double submission is one comment, two people two", async () => {
    const { idempotencyKey: _none, ...keyless } = valid();
    const text = `无脚本、无表单键的意见 ${Math.random()}`;
    const once = (await post({ ...keyless, body: text }, "192.0.2.60")) as Response;
    const twice = (await post({ ...keyless, body: text }, "192.0.2.60")) as Response;
    expect([once.status, twice.status]).toEqual([303, 303]);
    const receipt = (r: Response) => r.headers.get("Set-Cookie")!.split(";")[0].split(".")[0];
    expect(receipt(twice)).toBe(receipt(once));
    const other = (await post({ ...keyless, body: text }, "192.0.2.61")) as Response;
    expect(other.status).toBe(303);
    expect(receipt(other)).not.toBe(receipt(once));
    expect(await db.select().from(comments).where(eq(comments.body, text))).toHaveLength(2);
  });

  it("answers an empty or 100,000-character comment with a message and keeps the text", async () => {
    const empty = unwrap(await post({ ...valid(), body: "   " }));
    expect(empty.status).toBe(400);
    expect(empty.body.errors.body).toBe("请填写意见内容。");
    const long = "很长".repeat(50_000);
    const big = unwrap(await post({ ...valid(), body: long, name: "张三" }));
    expect(big.status).toBe(400);
    expect(big.body.errors.body).toMatch(/超出 80000 字（共 100000 字，上限 20000 字）/);
    expect(big.body.values.body).toBe(long);
    expect(big.body.values.name).toBe("张三");
  });

  it("requires consent and a valid email, and refuses the honeypot", async () => {
    const r = unwrap(await post({ ...valid(), consent: "", email: "not-an-email" }));
    expect(r.body.errors.consent).toMatch(/同意/);
    expect(r.body.errors.email).toMatch(/有效的邮箱/);
    const bot = unwrap(await post({ ...valid(), website: "http://spam.example" }));
    expect(bot.status).toBe(400);
    expect(bot.body.values.website).toBeUndefined();
  });

  it("limits one address to 20 comments in ten minutes, with a clear message and the text kept", async () => {
    for (let i = 0; i < 20; i++) expect(((await post(valid(), "198.51.100.7")) as Response).status).toBe(303);
    const limited = unwrap(await post({ ...valid(), body: "第二十一条意见" }, "198.51.100.7"));
    expect(limited.status).toBe(429);
    expect(limited.body.errors.form).toMatch(/提交过于频繁/);
    expect(limited.body.values.body).toBe("第二十一条意见");
    expect(((await post(valid(), "198.51.100.8")) as Response).status).toBe(303);
  });
});

const lookup = (fields: Record<string, string>, ip = "203.0.113.9") =>
  statusAction({
    request: new Request("http://localhost/status", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
    params: {},
    context: context(ip),
  });
const viewWith = (cookie: string, search = "") =>
  statusLoader({ request: new Request(`http://localhost/status${search}`, { headers: { Cookie: cookie } }), params: {}, context: context() });

describe("the status page", () => {
  it("shows the status for the right code and the same answer for a wrong code or an unknown receipt", async () => {
    const r = await submitComment(db, open.id, input(), { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect((await lookupComment(db, r.receiptNo, r.checkCode))?.steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      "已收到:done",
      "审核中:current",
      "已公开:todo",
      "已研究:todo",
    ]);
    const wrong = unwrap(await lookup({ receipt: r.receiptNo, code: "AAAAAAAAAA" }));
    const unknown = unwrap(await lookup({ receipt: "ZQ20200101-AAAAAA", code: "AAAAAAAAAA" }));
    expect(wrong.status).toBe(404);
    expect(wrong.body.errors.form).toBe(unknown.body.errors.form);
    const malformed = unwrap(await lookup({ receipt: "<script>", code: "1" }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.receipt).toMatch(/格式不正确/);
    expect(malformed.body.values.receipt).toBe("<script>");
  });

  it("answers a look-up with a redirect to plain /status and a cookie, and shows the text redacted", async () => {
    const r = await submitComment(db, open.id, input({ body: "请联系我 13912345678，身份证 11010519491231002X。" }), { now: NOW });
    if (!r.ok) throw new Error(r.message);
    const res = (await lookup({ receipt: r.receiptNo.toLowerCase(), code: r.checkCode.toLowerCase() })) as Response;
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/status");
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
    const page = unwrap(await viewWith(cookie));
    expect(page.body.fresh).toBe(false);
    expect(page.body.status.receiptNo).toBe(r.receiptNo);
    expect(page.body.status.redactedBody).toBe("请联系我 [手机号已隐去]，身份证 [身份证号已隐去]。");
    expect(JSON.stringify(page.body)).not.toContain("13912345678");
    expect(unwrap(await viewWith(cookie, `?receipt=${r.receiptNo}`)).body.status.receiptNo).toBe(r.receiptNo);
    // A mail's link for another receipt asks for that receipt's code instead of showing this one.
    expect(unwrap(await viewWith(cookie, "?receipt=ZQ20200101-AAAAAA")).body).toMatchObject({ status: null, values: { receipt: "ZQ20200101-AAAAAA" } });
    // A cookie altered by hand, or one from before its ten minutes ran out, shows nothing.
    expect(unwrap(await viewWith(cookie.replace(/\.([\w-])/, ".X"))).body.status).toBeNull();
    expect(
      unwrap(await viewWith(receiptViewCookie({ receiptNo: r.receiptNo, code: r.checkCode, fresh: false }, new Date(Date.now() - 11 * 60_000)).split(";")[0]))
        .body.status
    ).toBeNull();
    // 结束查看 clears it.
    const forget = (await lookup({ intent: "forget" })) as Response;
    expect(forget.headers.get("Set-Cookie")).toMatch(/^zq_receipt=; Path=\/; Max-Age=0/);
  });

  it("moves a code that arrives in a link out of the address at once", async () => {
    const r = await submitComment(db, open.id, input(), { now: NOW });
    if (!r.ok) throw new Error(r.message);
    const res = (await viewWith("", `?receipt=${r.receiptNo}&code=${r.checkCode}`)) as Response;
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/status");
    expect(res.headers.get("Set-Cookie")).toMatch(/^zq_receipt=/);
    const wrong = (await viewWith("", `?receipt=${r.receiptNo}&code=AAAAAAAAAA`)) as Response;
    expect(wrong.headers.get("Location")).toBe(`/status?receipt=${r.receiptNo}&problem=notfound`);
    expect(unwrap(await viewWith("", `?receipt=${r.receiptNo}&problem=notfound`)).body).toMatchObject({
      values: { receipt: r.receiptNo },
      errors: { form: "回执编号或查询码不正确，请核对后重新输入。" },
    });
  });
});
