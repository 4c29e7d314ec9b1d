import { first, raw } from "~db/client.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, comments, consultations, feedbackSummaries, reviews } from "~db/schema";
import { detectPii } from "~/engine/pii";
import { hashCheckCode } from "~/features/comments/receipt.server";
import { TITLE_PENDING } from "~/features/responses/summary-draft";
import { markLegalReviewFinished, markLegalReviewReceived, submitToLegalReview } from "~/features/packet/legal-review.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action as dispositionAction } from "~/routes/admin.consultations.$id.dispositions/route";
import { action, loader } from "~/routes/admin.consultations.$id.summary/route";
import { loader as detailLoader } from "~/routes/api.v1.consultations.$id";
import { loader as publicLoader } from "~/routes/consultations.$id/route";
import { loader as feedbackLoader } from "~/routes/consultations.$id_.feedback/route";
import { loader as feedLoader } from "~/routes/feeds.consultations[.]atom";
import { verifyAuditChain } from "~/platform/audit.server";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap, thrown } from "./helpers";
import { call } from "./syndication-fixtures";
import { commentIdsOf, seedAnalysis, type SeededAnalysis } from "./topic-fixtures";

const db = testDb();
const OPEN = 1;
const EMPTY = 2;
const CLOSED = 3;
const PHONE = "13812345678";
const cookies: Record<string, string> = {};
let fx: SeededAnalysis;
let leaky: number;

/** An approved public comment whose original holds a phone number that its published text hides. */
async function commentWithPhone(publishedBody: string) {
  return (
    await db
      .insert(comments)
      .values({
        consultationId: CLOSED,
        receiptNo: `ZQ20260101-${Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, "X")}`,
        checkCodeHash: hashCheckCode("x", "y"),
        body: `关于烈士纪念设施，建议村级也要落实。联系我 ${PHONE}`,
        bodyNormalized: `关于烈士纪念设施，建议村级也要落实。联系我 ${PHONE}`,
        publishedBody,
        identityCategory: "其他群众",
        publishPreference: "anonymous",
        moderationStatus: "approved",
        hasPii: true,
        receivedAt: new Date(Date.now() - 20 * 86_400_000),
      })
      .returning()
  )[0].id;
}

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "drafter2", "reviewer", "legal"]) {
    const user = (await findUserByUsername(db, name))!;
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  }
  const redacted = await commentWithPhone("关于烈士纪念设施，建议村级也要落实。联系我 [手机号已隐去]");
  // Approved by a moderator with the number still in it: the summary must not quote it anyway.
  leaky = await commentWithPhone(`建议烈士纪念设施村级落实，电话 ${PHONE}`);
  const memorial = (await commentIdsOf(raw(db), CLOSED, "烈士")).filter((id) => id !== redacted && id !== leaky);
  const perks = await commentIdsOf(raw(db), CLOSED, "优待");
  const taken = new Set([...memorial, ...perks, redacted, leaky]);
  const rest = (await commentIdsOf(raw(db), CLOSED)).filter((id) => !taken.has(id));
  fx = await seedAnalysis(
    raw(db),
    CLOSED,
    [
      { label: "烈士纪念设施", commentIds: [leaky, redacted, ...memorial], representativeIds: [leaky, redacted] },
      { label: "优待证使用", commentIds: perks },
      { label: "其他意见", commentIds: rest },
    ],
    [{ commentIds: perks.slice(0, 2), distinctSenders: 2 }]
  );
  // The upcoming demo consultation, moved into the past: a closed consultation with no comments.
  const day = 86_400_000;
  await db
    .update(consultations)
    .set({ opensAt: new Date(Date.now() - 40 * day), closesAt: new Date(Date.now() - 10 * day) })
    .where(eq(consultations.id, EMPTY));
});

const url = (id: number) => `http://localhost/admin/consultations/${id}/summary`;
const get = (who: string | null, id = CLOSED) =>
  loader({ request: new Request(url(id), { headers: who ? { Cookie: cookies[who] } : {} }), params: { id: String(id) }, context: context() });
const post = (who: string, fields: Record<string, string>, id = CLOSED) =>
  action({
    request: new Request(url(id), {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[who] },
    }),
    params: { id: String(id) },
    context: context(),
  });
const decide = (topicId: number, fields: Record<string, string>) =>
  dispositionAction({
    request: new Request(`http://localhost/admin/consultations/${CLOSED}/dispositions`, {
      method: "POST",
      body: new URLSearchParams({ intent: "opinion", topicId: String(topicId), title: "测试意见要点", includeUnanswered: "on", ...fields }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.drafter },
    }),
    params: { id: String(CLOSED) },
    context: context(),
  });
const summary = (id = CLOSED) => first(db.select().from(feedbackSummaries).where(eq(feedbackSummaries.consultationId, id)).limit(1));
const status = async (id = CLOSED) => (await db.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0]!.status;
const feedback = async (id = CLOSED) =>
  feedbackLoader({ request: new Request(`http://localhost/consultations/${id}/feedback`), params: { id: String(id) }, context: context() });

describe("who may work on the summary", () => {
  it("lets the division's drafters draft it, shows it to reviewers and the legal office, and refuses others", async () => {
    expect((await get("drafter")).may.draft).toBe(true);
    expect((await get("reviewer")).may.draft).toBe(false);
    expect((await get("legal")).may.draft).toBe(false);
    expect((await thrown(get("drafter2"))).status).toBe(403);
    expect((await thrown(get("drafter", 9999))).status).toBe(404);
    const refused = unwrap(await post("reviewer", { intent: "generate" }));
    expect(refused.status).toBe(403);
    expect(await summary()).toBeUndefined();
  });

  it("waits for the period to end", async () => {
    expect((await get("drafter", OPEN)).lock).toBe("征求意见期结束后才能起草意见采纳情况说明。");
    expect(unwrap(await post("drafter", { intent: "generate" }, OPEN)).status).toBe(409);
  });
});

describe("drafting", () => {
  it("drafts from the data: counts, campaign, topics, only redacted quotes, and moves the consultation to 意见处理中", async () => {
    await post("drafter", { intent: "generate" });
    const s = (await summary())!;
    expect(s).toMatchObject({ status: "draft", authorId: (await findUserByUsername(db, "drafter"))!.id });
    const total = (await commentIdsOf(raw(db), CLOSED)).length;
    expect(s.body).toContain(`共收到意见${total}条`);
    expect(s.body).toMatch(/来自\d+位提出人/);
    expect(s.body).toContain("其中内容基本相同的意见2条（来自2位提出人）");
    // No topic has an approved title yet: the draft marks each, and never prints a working label.
    expect(s.body).toContain(`关于${TITLE_PENDING}（主题${fx.topicIds[0]}）】的意见`);
    expect(s.body).not.toContain("关于“烈士纪念设施”");
    expect(s.body).not.toContain("优待证使用");
    expect(s.body).toContain("[手机号已隐去]");
    expect(s.body).not.toContain(PHONE);
    expect(s.body).not.toContain("186-4023-7519"); // a private comment's original
    expect(detectPii(s.body)).toEqual([]);
    expect(s.body).toContain("采纳情况：尚未作出处理。");
    expect(await status()).toBe("processing");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "summary.generate"))).toHaveLength(1);
  });

  it("asks before overwriting an edited text with a new draft", async () => {
    await post("drafter", { intent: "save", body: "一、基本情况\r\n\r\n修改后的文本。" });
    expect((await summary())!.body).toBe("一、基本情况\n\n修改后的文本。");
    const ask = unwrap(await post("drafter", { intent: "generate" }));
    expect(ask.body.errors.confirmOverwrite).toMatch(/覆盖/);
    expect((await summary())!.body).toBe("一、基本情况\n\n修改后的文本。");
  });

  it("refuses a text with personal data typed into it, beside the field, keeping the text", async () => {
    const typed = `一、基本情况\n\n请联系 ${PHONE}。`;
    const refused = unwrap(await post("drafter", { intent: "submit", body: typed, confirmUndecided: "1" }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.body).toContain(`手机号“${PHONE}”`);
    expect(refused.body.values.body).toBe(typed);
    expect((await summary())!.status).toBe("draft");
  });

  it("warns about undecided topics, listing them, and submits only once that is confirmed", async () => {
    const listed = (await get("drafter")).undecided.map((t) => t.label);
    expect(listed).toEqual(expect.arrayContaining(["烈士纪念设施", "优待证使用", "其他意见"]));
    const warned = unwrap(await post("drafter", { intent: "submit", body: "一、基本情况\n\n文本。" }));
    expect(warned.status).toBe(409);
    expect(warned.body.undecided.map((t: { label: string }) => t.label)).toEqual(expect.arrayContaining(["烈士纪念设施", "优待证使用", "其他意见"]));
    expect(warned.body.errors.confirmUndecided).toMatch(/勾选确认/);
    expect((await summary())!.status).toBe("draft");
    await post("drafter", { intent: "submit", body: "一、基本情况\n\n文本。", confirmUndecided: "1" });
    expect((await summary())!.status).toBe("pending_review");
  });
});

describe("review and publication", () => {
  it("never lets the author approve, needs a comment to return, and records the review", async () => {
    const own = unwrap(await post("drafter", { intent: "review", decision: "approved" }));
    expect(own.status).toBe(403);
    expect(own.body.errors.form).toBe("不能审核自己起草的意见采纳情况说明，须由其他审核人员审核。");
    expect(unwrap(await post("legal", { intent: "review", decision: "approved" })).body.errors.form).toBe("只有审核人员可以审核意见采纳情况说明。");
    expect((await get("reviewer")).may.review).toBe(true);
    expect(unwrap(await post("reviewer", { intent: "review", decision: "returned" })).body.errors.form).toBe("退回修改时请填写审核意见。");
    await post("reviewer", { intent: "review", decision: "returned", comment: "请先处理全部主题。" });
    expect((await summary())!.status).toBe("draft");
    expect(
      await db
        .select()
        .from(reviews)
        .where(and(eq(reviews.consultationId, CLOSED), eq(reviews.subject, "summary")))
    ).toMatchObject([{ decision: "returned", comment: "请先处理全部主题。" }]);
  });

  it("submits without warning once every topic is answered, and the reviewer approves", async () => {
    await decide(fx.topicIds[0], { decision: "partly_adopted", reason: "分步实施", changeMade: "第八条增加村级烈士纪念设施管护要求" });
    await decide(fx.topicIds[1], { decision: "adopted", changeMade: "第七条增加优待证使用场景" });
    await decide(fx.topicIds[2], { decision: "already_provided", reason: "规划已有相应规定" });
    expect((await get("drafter")).undecided).toEqual([]);
    await post("drafter", { intent: "generate", confirmOverwrite: "1" });
    let body = (await summary())!.body;
    expect(body).not.toContain("尚未作出处理");
    expect(unwrap(await post("drafter", { intent: "submit", body })).status).toBe(302);
    expect((await summary())!.status).toBe("pending_review");

    // Refused while any topic with comments has no approved public title.
    const untitled = unwrap(await post("reviewer", { intent: "review", decision: "approved" }));
    expect(untitled.status).toBe(409);
    expect(untitled.body.errors.form).toContain("还有3个主题尚未审定公开标题");
    expect((await summary())!.status).toBe("pending_review");
    const approve = (title: string, id: number) => raw(db).run("UPDATE topics SET public_title = ? WHERE id = ?", title, id);
    await approve("村级烈士纪念设施管护", fx.topicIds[0]);
    await approve("优待证的使用场景", fx.topicIds[1]);
    await approve("规划的其他内容", fx.topicIds[2]);
    // Titles approved, but the text still carries the drafter's marker.
    expect(unwrap(await post("reviewer", { intent: "review", decision: "approved" })).body.errors.form).toContain(TITLE_PENDING);
    await post("reviewer", { intent: "review", decision: "returned", comment: "请使用审定的主题标题。" });

    // A text naming a topic by its working label is refused as well.
    await post("drafter", { intent: "generate", confirmOverwrite: "1" });
    body = (await summary())!.body;
    const labelled = body.replace("关于优待证的使用场景的意见", "关于“优待证使用”的意见");
    expect(labelled).not.toBe(body);
    await post("drafter", { intent: "submit", body: labelled });
    const working = unwrap(await post("reviewer", { intent: "review", decision: "approved" }));
    expect(working.status).toBe(409);
    expect(working.body.errors.form).toContain("工作标签称呼主题（“优待证使用”）");
    await post("reviewer", { intent: "review", decision: "returned", comment: "请使用审定的主题标题。" });

    expect(body).toContain("1. 关于村级烈士纪念设施管护的意见");
    expect(body).toContain("采纳情况：部分采纳。理由：分步实施。修改情况：第八条增加村级烈士纪念设施管护要求。");
    expect(body).not.toContain(TITLE_PENDING);
    expect(unwrap(await post("drafter", { intent: "submit", body })).status).toBe(302);
    expect(unwrap(await post("reviewer", { intent: "review", decision: "approved" })).status).toBe(302);
    expect(await summary()).toMatchObject({ status: "approved", approvedBy: (await findUserByUsername(db, "reviewer"))!.id });
  });

  it("keeps the feedback page closed until the drafter publishes, then flips the consultation to 已公布反馈", async () => {
    // Before publication the page says so (意见采纳情况尚未公布) and shows none of the answers.
    expect(await feedback()).toEqual({ published: false, pending: expect.objectContaining({ expectedBy: expect.any(Date) }) });
    expect(unwrap(await post("reviewer", { intent: "publish" })).status).toBe(403);
    // The packet goes to the legal office first: 意见处理中 → 已报送法制审核 → 已公布反馈.
    const early = unwrap(await post("drafter", { intent: "publish" }));
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body)).toContain("请先将合法性审查材料报送法制机构");
    await submitToLegalReview(db, CLOSED, (await findUserByUsername(db, "drafter"))!);
    // … and publication waits until the legal office has finished its review.
    const waiting = unwrap(await post("drafter", { intent: "publish" }));
    expect(waiting.status).toBe(409);
    expect(JSON.stringify(waiting.body)).toContain("法制机构尚未审查完毕");
    expect((await get("drafter")).publishBlock).toContain("法制机构尚未审查完毕");
    const legal = (await findUserByUsername(db, "legal"))!;
    await markLegalReviewReceived(db, CLOSED, legal);
    await markLegalReviewFinished(db, CLOSED, legal, "经审查，同意公布。");
    expect((await get("drafter")).publishBlock).toBeNull();
    await post("drafter", { intent: "publish" });
    expect(await summary()).toMatchObject({ status: "published", publishedAt: expect.any(Date) });
    expect(await status()).toBe("feedback_published");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "consultation.feedback_publish"))).toHaveLength(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("shows the published summary, charts data and per-article answers, in redacted text only", async () => {
    const loaded = await feedback();
    if (!loaded.published) throw new Error("the feedback page should show the published summary");
    const page = loaded.feedback;
    const json = JSON.stringify(page);
    expect(page.summary.body).toBe((await summary())!.body);
    expect(page.perDisposition).toEqual(expect.arrayContaining([{ decision: "adopted", count: expect.any(Number) }]));
    expect(page.perArticle.find((a) => a.label === "第八条")?.count).toBeGreaterThan(0);
    const eighth = page.answers.find((a) => a.label === "第八条")!;
    expect(eighth.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "answer", decision: "partly_adopted", changeMade: "第八条增加村级烈士纪念设施管护要求" })])
    );
    expect(json).not.toContain(PHONE);
    expect(json).not.toContain("186-4023-7519");
    const leakyBody = (await db.select().from(comments).where(eq(comments.id, leaky)).limit(1))[0]!.body;
    expect(json).not.toContain(leakyBody);
  });

  it("links the feedback from the consultation's page, the API and the feed", async () => {
    const publicPage = await publicLoader({
      request: new Request(`http://localhost/consultations/${CLOSED}`),
      params: { id: String(CLOSED) },
      context: context(),
    });
    expect(publicPage.feedbackPublishedAt).toBeInstanceOf(Date);
    const api = (await call(detailLoader, `/api/v1/consultations/${CLOSED}`, { params: { id: String(CLOSED) } })).json();
    expect(api.status).toBe("feedback_published");
    expect(api.feedback_url).toBe(`http://localhost:3000/consultations/${CLOSED}/feedback`);
    expect(api.feedback).toMatchObject({ url: api.feedback_url, summary: (await summary())!.body });
    const openApi = (await call(detailLoader, `/api/v1/consultations/${OPEN}`, { params: { id: String(OPEN) } })).json();
    expect(openApi.feedback_url).toBeNull();
    expect(openApi.feedback).toBeNull();
    const feed = (await call(feedLoader, "/feeds/consultations.atom")).text;
    expect(feed).toContain(`<link rel="related" type="text/html" href="http://localhost:3000/consultations/${CLOSED}/feedback" title="意见采纳情况说明"/>`);
  });

  it("refuses further changes to the answers and the summary", async () => {
    expect(unwrap(await decide(fx.topicIds[2], { decision: "not_adopted", reason: "改变主意" })).status).toBe(409);
    expect((await get("drafter")).may.draft).toBe(false);
  });
});

describe("a consultation without comments", () => {
  it("gets a correct, short summary", async () => {
    await post("drafter", { intent: "generate" }, EMPTY);
    const body = (await summary(EMPTY))!.body;
    expect(body).toContain("征求意见期间，未收到意见。");
    expect(body).not.toContain("二、");
    expect((await get("drafter", EMPTY)).undecided).toEqual([]);
  });
});
