import { insertedId } from "./sql-runner";
import { raw } from "~db/client.server";
import { collect } from "~/platform/collect";
// The publication screen end to end: what a citizen wrote in the name and organisation fields is
// screened at intake and reviewed before it is published; the identity category is checked against
// the configured list; bulk approval holds back any comment with an unreviewed detection; public
// outputs use only the reviewed fields; generated public texts pass the same screen.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { comments, consultations, feedbackSummaries, redactions } from "~db/schema";
import { processCommentForm } from "~/features/comments/comment-intake.server";
import { submitComment } from "~/features/comments/comment.server";
import { publicFeedback } from "~/features/responses/feedback-page.server";
import { approveComment, bulkApprove } from "~/features/comments/moderation.server";
import { listPublicComments } from "~/features/comments/public-comments.server";
import { registerRows } from "~/features/packet/register.server";
import { generateSummary, reviewSummary } from "~/features/responses/summary-workflow.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action as moderationAction, loader as moderationLoader } from "~/routes/admin.consultations.$id.moderation/route";
import { action as staffEntryAction } from "~/routes/admin.consultations.$id.comments.new/route";
import { loader as summaryLoader } from "~/routes/admin.consultations.$id.summary/route";
import { shanghaiDate } from "~/platform/periods";
import { createUserSession } from "~/platform/session.server";
import { TITLE_PENDING } from "~/features/responses/summary-draft";
import { context, testDb, unwrap } from "./helpers";
import { addComment } from "./packet-fixtures";
import { commentIdsOf, seedAnalysis } from "./topic-fixtures";

const db = testDb();
const OPEN = 1;
const CLOSED = 3;
const PHONE = "13912345678";
const ID_CARD = "11010519491231002X";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "reviewer"]) {
    const user = (await findUserByUsername(db, name))!;
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  }
});

const staff = async (name: string) => (await findUserByUsername(db, name))!;
const key = () => crypto.randomBytes(12).toString("base64url");
const comment = async (id: number) => (await db.select().from(comments).where(eq(comments.id, id)).limit(1))[0]!;
const spans = (id: number) => db.select().from(redactions).where(eq(redactions.commentId, id));
const byReceipt = async (receiptNo: string) => (await db.select().from(comments).where(eq(comments.receiptNo, receiptNo)).limit(1))[0]!;

async function submit(fields: { body: string; name?: string; organisation?: string; identityCategory?: string; publishPreference?: "named" | "anonymous" }) {
  const result = await submitComment(db, OPEN, {
    body: fields.body,
    articles: [],
    name: fields.name ?? null,
    organisation: fields.organisation ?? null,
    identityCategory: fields.identityCategory ?? "退役军人",
    email: null,
    publishPreference: fields.publishPreference ?? "named",
    idempotencyKey: key(),
  });
  if (!result.ok) throw new Error(result.message);
  return byReceipt(result.receiptNo);
}

const moderationPost = (fields: Array<[string, string]>) =>
  moderationAction({
    request: new Request(`http://localhost/admin/consultations/${OPEN}/moderation`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.drafter },
    }),
    params: { id: String(OPEN) },
    context: context(),
  });

describe("intake", () => {
  it("screens the name and organisation and stores what it finds for review, like the text's", async () => {
    const c = await submit({ body: "建议增加就业培训名额。", name: `王小明 ${PHONE}`, organisation: `身份证${ID_CARD}` });
    expect(c.hasPii).toBe(true);
    expect((await spans(c.id)).map((s) => [s.field, s.kind, s.status, (c[s.field] ?? "").slice(s.start, s.end)])).toEqual([
      ["name", "phone", "proposed", PHONE],
      ["organisation", "id_card", "proposed", ID_CARD],
    ]);
  });

  it("refuses an identity category that is not on the configured list, on the public form, with the text kept", async () => {
    const form = new URLSearchParams({
      body: "建议延长申请期限。",
      identityCategory: `网友（${PHONE}）`,
      publishPreference: "anonymous",
      consent: "on",
      idempotencyKey: key(),
    });
    const before = (await db.select().from(comments)).length;
    const outcome = await processCommentForm(form, "10.0.0.9", OPEN);
    expect(outcome.kind).toBe("reply");
    if (outcome.kind !== "reply") return;
    expect(outcome.status).toBe(400);
    expect(outcome.reply.errors.identityCategory).toBe("身份类别无效，请从列表中选择。");
    expect(outcome.reply.values.body).toBe("建议延长申请期限。");
    expect((await db.select().from(comments)).length).toBe(before);
  });

  it("refuses it on the staff entry form too", async () => {
    const fields = {
      channel: "letter",
      receivedOn: shanghaiDate(new Date()),
      body: "来信建议。",
      identityCategory: "伪造类别",
      publishPreference: "anonymous",
      idempotencyKey: key(),
    };
    const res = unwrap(
      await staffEntryAction({
        request: new Request(`http://localhost/admin/consultations/${OPEN}/comments/new`, {
          method: "POST",
          body: new URLSearchParams(fields),
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.drafter },
        }),
        params: { id: String(OPEN) },
        context: context(),
      })
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.identityCategory).toBe("身份类别无效，请从列表中选择。");
    expect(res.body.values.body).toBe("来信建议。");
  });
});

describe("moderation", () => {
  it("holds back in bulk every comment with an unreviewed detection, in any field, and says how many and why", async () => {
    const clean = await submit({ body: "建议简化创业补贴申请材料。", name: "李四" });
    const inName = await submit({ body: "建议放宽年龄限制。", name: `王小明 ${PHONE}` });
    const inBody = await submit({ body: `请联系我 ${PHONE}，我有具体建议。`, publishPreference: "anonymous" });
    const res = unwrap(
      await moderationPost([
        ["intent", "bulk-approve"],
        ["ids", String(clean.id)],
        ["ids", String(inName.id)],
        ["ids", String(inBody.id)],
      ])
    );
    expect(res.status).toBe(200);
    expect(res.body.errors.ids).toContain("已通过 1 条；另有 2 条含有尚未确认的疑似个人信息，未予通过，仍在待审核队列中");
    expect(res.body.errors.ids).toContain(`${inName.receiptNo}（待确认的姓名：手机号“${PHONE}”）`);
    expect(res.body.errors.ids).toContain(`${inBody.receiptNo}（待确认的意见内容：手机号“${PHONE}”）`);
    expect(res.body.ids).toEqual([String(inName.id), String(inBody.id)]);
    expect(await comment(clean.id)).toMatchObject({ moderationStatus: "approved", publishedName: "李四" });
    expect(await comment(inName.id)).toMatchObject({ moderationStatus: "pending", publishedName: null });
    expect(await comment(inBody.id)).toMatchObject({ moderationStatus: "pending", publishedBody: null });
    expect((await spans(inName.id)).map((s) => s.status)).toEqual(["proposed"]);
  });

  it("shows the name's detection and proposes it redacted; approving refuses a name that still holds it", async () => {
    const c = await submit({ body: "建议增加岗位。", name: `王小明 ${PHONE}`, organisation: "沈阳市某公司" });
    const { queue } = await moderationLoader({
      request: new Request(`http://localhost/admin/consultations/${OPEN}/moderation?q=${encodeURIComponent(c.receiptNo)}`, {
        headers: { Cookie: cookies.drafter },
      }),
      params: { id: String(OPEN) },
      context: context(),
    });
    const item = queue.items.find((i) => i.id === c.id)!;
    expect(item.redactions.map((r) => [r.field, r.kind, r.status])).toEqual([["name", "phone", "proposed"]]);
    expect(item.proposedName).toBe("王小明 [手机号已隐去]");
    expect(item.unreviewed).toBe(1);

    const typed: Array<[string, string]> = [
      ["intent", "approve"],
      ["commentId", String(c.id)],
      ["publishedBody", "建议增加岗位。"],
      ["publishedName", `王小明 ${PHONE}`],
      ["publishedOrganisation", "沈阳市某公司"],
    ];
    const refused = unwrap(await moderationPost(typed));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.publishedName).toBe(
      `公开的姓名中仍有疑似个人信息：手机号“${PHONE}”。请隐去后再通过；如确属可以公开的内容，请勾选“已核对，确认无个人信息”。`
    );
    expect(refused.body.values.publishedName).toBe(`王小明 ${PHONE}`);
    expect((await comment(c.id)).moderationStatus).toBe("pending");

    // The moderator edits the name as they edit the text.
    const ok = (await moderationPost([...typed.slice(0, 3), ["publishedName", "王先生"], ["publishedOrganisation", "沈阳市某公司"]])) as Response;
    expect(ok.status).toBe(302);
    expect(await comment(c.id)).toMatchObject({
      moderationStatus: "approved",
      publishedName: "王先生",
      publishedOrganisation: "沈阳市某公司",
      name: `王小明 ${PHONE}`,
    });
    expect((await spans(c.id)).map((s) => s.status)).toEqual(["accepted"]);
  });
});

describe("public outputs", () => {
  it("use only the reviewed name and organisation, and never a crafted identity category", async () => {
    const named = await submit({ body: "建议公开培训机构名单。", name: `张三 ${PHONE}`, organisation: "某协会" });
    await approveComment(db, OPEN, await staff("drafter"), { commentId: named.id, publishedBody: named.body, confirmNoPii: false });
    expect((await comment(named.id)).publishedName).toBe("张三 [手机号已隐去]");
    // A category stored before intake checked it against the list.
    const crafted = await addComment(raw(db), OPEN, { body: "建议提高补贴标准。", identity: `网友（${PHONE}）`, publish: "anonymous" });

    const page = await listPublicComments(db, OPEN, { page: 1 });
    const all = [page, ...(await Promise.all(Array.from({ length: page.pageCount - 1 }, (_, i) => listPublicComments(db, OPEN, { page: i + 2 }))))].flatMap(
      (p) => p.comments
    );
    expect(all.find((c) => c.id === named.id)).toMatchObject({ author: "张三 [手机号已隐去]", detail: "某协会" });
    expect(all.find((c) => c.id === crafted)).toMatchObject({ author: "网友", detail: null });
    expect(JSON.stringify(all)).not.toContain(PHONE);

    const rows = await collect(registerRows(db, OPEN, "public"));
    expect(rows.map((r) => r.author)).toContain("张三 [手机号已隐去]，某协会");
    expect(rows.map((r) => r.author).join("\n")).not.toContain(PHONE);
    // The internal register for the legal office keeps the originals.
    expect((await collect(registerRows(db, OPEN, "internal"))).map((r) => `${r.author}（${r.identity}）`)).toContain(`张三 ${PHONE}，某协会（退役军人）`);
    // The public register's 身份 column holds no crafted category either.
    expect(rows.map((r) => r.identity).join("\n")).not.toContain(PHONE);
  });
});

describe("generated public texts", () => {
  it("withholds a topic name with personal data and tells staff; redacts the staff answers that quote it", async () => {
    const ids = await commentIdsOf(raw(db), CLOSED);
    const { topicIds } = await seedAnalysis(raw(db), CLOSED, [
      { label: `${PHONE}、来信、收费`, commentIds: ids.slice(0, 3) },
      { label: "就业培训", commentIds: ids.slice(3) },
    ]);
    const drafter = (await staff("drafter")).id;
    await raw(db).run(`DELETE FROM dispositions WHERE consultation_id = ?`, CLOSED);
    const opinion = await insertedId(
      raw(db),
      `INSERT INTO dispositions (consultation_id, topic_id, title, decision, reason, decided_by) VALUES (?, ?, '就业培训', 'not_adopted', ?, ?)`,
      CLOSED,
      topicIds[1],
      `经与来信人（电话${PHONE}）核实，不予采纳。`,
      drafter
    );
    for (const id of ids.slice(3))
      await raw(db).run(
        `INSERT INTO opinion_comments (comment_id, disposition_id) VALUES (?, ?) ON CONFLICT (comment_id) DO UPDATE SET disposition_id = excluded.disposition_id`,
        id,
        opinion
      );

    const page = await summaryLoader({
      request: new Request(`http://localhost/admin/consultations/${CLOSED}/summary`, { headers: { Cookie: cookies.drafter } }),
      params: { id: String(CLOSED) },
      context: context(),
    });
    expect(page.screen.withheldLabels).toEqual([{ label: `${PHONE}、来信、收费`, found: `手机号“${PHONE}”` }]);

    const generated = await generateSummary(db, CLOSED, await staff("drafter"), "测试厅");
    expect(new Set(generated.redacted.map((m) => m.text))).toEqual(new Set([PHONE]));
    // Neither topic has an approved title: the working label (with its number) is never printed.
    expect(generated.body).toContain(TITLE_PENDING);
    expect(generated.body).not.toContain(PHONE);

    // A text that reached review holding personal data (typed before the screen knew the format) is not approved.
    await db
      .update(feedbackSummaries)
      .set({ status: "pending_review", body: `说明，联系人电话 ${PHONE}。` })
      .where(eq(feedbackSummaries.consultationId, CLOSED));
    await expect(reviewSummary(db, CLOSED, await staff("reviewer"), "approved", undefined)).rejects.toThrow(`说明中仍有疑似个人信息：手机号“${PHONE}”`);
    expect((await db.select().from(feedbackSummaries).where(eq(feedbackSummaries.consultationId, CLOSED)).limit(1))[0]!.status).toBe("pending_review");

    // The feedback page publishes staff answers and the summary only through the screen.
    await db.update(feedbackSummaries).set({ status: "published", publishedAt: new Date() }).where(eq(feedbackSummaries.consultationId, CLOSED));
    await db.update(consultations).set({ status: "feedback_published" }).where(eq(consultations.id, CLOSED));
    const feedback = (await publicFeedback(db, CLOSED, "测试厅"))!;
    expect(JSON.stringify(feedback)).not.toContain(PHONE);
    expect(JSON.stringify(feedback.answers)).toContain("电话[手机号已隐去]");
    expect(feedback.summary.body).toContain("[手机号已隐去]");
  });
});
