import { insertedId } from "./sql-runner";
import { raw } from "~db/client.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { comments, consultations, users } from "~db/schema";
import { submitComment } from "~/features/comments/comment.server";
import { approveComment, rejectComments } from "~/features/comments/moderation.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader as commentsLoader } from "~/routes/api.v1.consultations.$id_.comments";
import { loader as feedbackLoader } from "~/routes/api.v1.consultations.$id_.feedback";
import { testDb } from "./helpers";
import { commentAt, consultationAt } from "./notice-fixtures";
import { BASE_URL, call } from "./syndication-fixtures";

// The issue "The citizen's journey", §5: the API lists a consultation's published comments
// (redacted, respecting each commenter's choice) and its published feedback.
const db = testDb();
const OPEN = 1;
let key = 0;
const ids: Record<string, number> = {};

async function comment(body: string, publishPreference: "named" | "anonymous" | "private", name: string | null, organisation: string | null) {
  const result = await submitComment(db, OPEN, {
    body,
    articles: [15],
    name,
    organisation,
    identityCategory: "退役军人",
    email: null,
    publishPreference,
    idempotencyKey: `api-test-${++key}-xxxxxxxxxxxxxx`,
  });
  if (!result.ok) throw new Error(result.message);
  return (await db.select().from(comments).where(eq(comments.receiptNo, result.receiptNo)).limit(1))[0]!.id;
}
const drafter = async () => (await findUserByUsername(db, "drafter"))!;
const approve = async (id: number, publishedBody: string) => approveComment(db, OPEN, await drafter(), { commentId: id, publishedBody, confirmNoPii: false });

beforeAll(async () => {
  await seedDemo(db, new Date());
  ids.named = await comment("实名意见：雎鸠贴息期限应延长。", "named", "欧阳修文", "锦州市雎鸠物流公司");
  await approve(ids.named, "实名意见：雎鸠贴息期限应延长。");
  ids.anonymous = await comment("匿名意见：雎鸠贴息，电话13512345678。", "anonymous", "司马光明", "不该出现的单位");
  await approve(ids.anonymous, "匿名意见：雎鸠贴息，电话[手机号已隐去]。");
  ids.private = await comment("不公开：雎鸠贴息。", "private", "诸葛亮亮", null);
  await approve(ids.private, "不公开：雎鸠贴息。");
  ids.pending = await comment("未审核：雎鸠贴息。", "anonymous", null, null);
  ids.rejected = await comment("已驳回：雎鸠贴息代办。", "anonymous", null, null);
  await rejectComments(db, OPEN, await drafter(), { ids: [ids.rejected], reason: "spam" });
});

const list = (id: string | number, query = "") => call(commentsLoader, `/api/v1/consultations/${id}/comments${query}`, { params: { id: String(id) } });
const feedback = (id: string | number) => call(feedbackLoader, `/api/v1/consultations/${id}/feedback`, { params: { id: String(id) } });

describe("GET /api/v1/consultations/:id/comments", () => {
  it("lists only approved, public comments, with their redacted text, never the original", async () => {
    const { response, json, text } = await list(OPEN, `?q=${encodeURIComponent("雎鸠")}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("ETag")).toBeTruthy();
    const body = json();
    expect(body.data.map((c: { id: number }) => c.id).sort()).toEqual([ids.named, ids.anonymous].sort());
    expect(text).not.toContain("13512345678");
    expect(text).not.toContain("未审核");
    expect(text).not.toContain("已驳回");
    expect(text).not.toContain("不公开");
    const anonymous = body.data.find((c: { id: number }) => c.id === ids.anonymous);
    expect(anonymous.published_text).toBe("匿名意见：雎鸠贴息，电话[手机号已隐去]。");
  });

  it("names only those who chose to be named", async () => {
    const { json, text } = await list(OPEN, `?q=${encodeURIComponent("雎鸠")}`);
    const byId = new Map(json().data.map((c: { id: number }) => [c.id, c]));
    expect(byId.get(ids.named)).toMatchObject({
      display_name: "欧阳修文",
      published_name: "欧阳修文",
      published_organisation: "锦州市雎鸠物流公司",
      identity_category: null,
      articles: [{ number: 15, label: "第十五条" }],
    });
    expect(byId.get(ids.anonymous)).toMatchObject({ display_name: "网友", published_name: null, published_organisation: null, identity_category: "退役军人" });
    expect(text).not.toContain("司马光明");
    expect(text).not.toContain("不该出现的单位");
    expect(text).not.toContain("诸葛亮亮");
  });

  it("pages with per_page and links, and filters by article, identity and words", async () => {
    const all = (await list(OPEN)).json();
    expect(all.meta).toMatchObject({ page: 1, per_page: 20, total: all.meta.shown });
    const small = (await list(OPEN, "?per_page=1&page=2")).json();
    expect(small.data).toHaveLength(1);
    expect(small.meta).toMatchObject({ page: 2, per_page: 1, total_pages: all.meta.shown });
    expect(small.links.next).toBe(`${BASE_URL}/api/v1/consultations/${OPEN}/comments?page=3&per_page=1`);
    expect(small.links.prev).toBe(`${BASE_URL}/api/v1/consultations/${OPEN}/comments?page=1&per_page=1`);
    const beyond = (await list(OPEN, "?page=100000")).json();
    expect(beyond.data).toEqual([]);
    const filtered = (await list(OPEN, `?article=15&identity=${encodeURIComponent("退役军人")}&q=${encodeURIComponent("雎鸠")}`)).json();
    expect(filtered.meta.filters).toEqual({ article: 15, identity: "退役军人", q: "雎鸠" });
    expect(filtered.data.map((c: { id: number }) => c.id).sort()).toEqual([ids.named, ids.anonymous].sort());
  });

  it("answers bad parameters with 400 and a Chinese message naming each", async () => {
    for (const [query, parameter] of [
      ["?per_page=0", "per_page"],
      ["?per_page=101", "per_page"],
      ["?page=abc", "page"],
      ["?article=-1", "article"],
      [`?q=${"字".repeat(51)}`, "q"],
    ] as const) {
      const { response, json } = await list(OPEN, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const { error } = json();
      expect(error.code).toBe("invalid_parameter");
      expect(error.details.map((d: { parameter: string }) => d.parameter)).toEqual([parameter]);
      expect(error.message).toMatch(/^请求参数有误：/);
    }
  });

  it("answers 404 for unknown ids, drafts, and consultations that keep comments private", async () => {
    for (const id of ["999999", "abc", "0"]) expect((await list(id)).response.status, id).toBe(404);
    const author = (await db.select().from(users).where(eq(users.username, "drafter")).limit(1))[0]!;
    const draft = await consultationAt(db, author, { opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000 * 30), status: "draft" });
    await commentAt(db, draft.id, new Date(), { moderationStatus: "approved", publishedBody: "草稿的意见", publishPreference: "anonymous" });
    const { response, text } = await list(draft.id);
    expect(response.status).toBe(404);
    expect(text).not.toContain("草稿的意见");
    await db.update(consultations).set({ showComments: false }).where(eq(consultations.id, OPEN));
    try {
      const hidden = await list(OPEN);
      expect(hidden.response.status).toBe(404);
      expect(hidden.json().error.code).toBe("comments_not_public");
    } finally {
      await db.update(consultations).set({ showComments: true }).where(eq(consultations.id, OPEN));
    }
  });
});

describe("GET /api/v1/consultations/:id/feedback", () => {
  it("is 404 until the feedback is published", async () => {
    const { response, json } = await feedback(OPEN);
    expect(response.status).toBe(404);
    expect(json().error.message).toBe("该征求意见的意见采纳情况尚未公布。");
    expect((await feedback("abc")).response.status).toBe(404);
  });

  it("gives the published summary and answers, with approved topic titles only, never a working label", async () => {
    const author = (await db.select().from(users).where(eq(users.username, "drafter")).limit(1))[0]!;
    const day = 86_400_000;
    const c = await consultationAt(db, author, { opensAt: new Date(Date.now() - 40 * day), closesAt: new Date(Date.now() - 10 * day) });
    const one = await commentAt(db, c.id, new Date(Date.now() - 20 * day), {
      moderationStatus: "approved",
      publishedBody: "建议延长贴息。",
      publishPreference: "anonymous",
    });
    const topic = Number(await insertedId(raw(db), `INSERT INTO topics (consultation_id, label, keywords) VALUES (?, '内部工作标签甲乙', '[]')`, c.id));
    await raw(db).run(`INSERT INTO comment_analysis (comment_id, topic_id) VALUES (?, ?)`, one.id, topic);
    const opinion = await insertedId(
      raw(db),
      `INSERT INTO dispositions (consultation_id, topic_id, title, decision, reason, change_made, decided_by) VALUES (?, ?, '关于贴息期限的意见', 'adopted', '已延长贴息期限。', '第十五条增加一款', ?)`,
      c.id,
      topic,
      author.id
    );
    await raw(db).run(`INSERT INTO opinion_comments (comment_id, disposition_id) VALUES (?, ?)`, one.id, opinion);
    await raw(db).run(
      `INSERT INTO feedback_summaries (consultation_id, body, author_id, status, published_at) VALUES (?, '经研究，采纳了延长贴息期限的意见。', ?, 'published', ?)`,
      c.id,
      author.id,
      new Date(Date.now() - day)
    );
    await db.update(consultations).set({ status: "feedback_published" }).where(eq(consultations.id, c.id));

    const before = await feedback(c.id);
    expect(before.response.status).toBe(200);
    expect(before.text).not.toContain("内部工作标签甲乙");
    const body = before.json().data;
    expect(body).toMatchObject({
      url: `${BASE_URL}/consultations/${c.id}/feedback`,
      summary: "经研究，采纳了延长贴息期限的意见。",
      comment_count: 1,
      consultation: { id: c.id, api_url: `${BASE_URL}/api/v1/consultations/${c.id}` },
    });
    const answers = body.articles.flatMap((a: { answers: unknown[] }) => a.answers);
    expect(answers).toEqual([
      expect.objectContaining({
        topic_title: null,
        subject: "关于贴息期限的意见",
        decision: "adopted",
        decision_label: "采纳",
        reason: "已延长贴息期限。",
        change_made: "第十五条增加一款",
      }),
    ]);

    await raw(db).run(`UPDATE topics SET public_title = '贴息期限' WHERE id = ?`, topic);
    const after = await feedback(c.id);
    expect(after.text).not.toContain("内部工作标签甲乙");
    expect(after.json().data.articles.flatMap((a: { answers: Array<{ topic_title: string }> }) => a.answers.map((x) => x.topic_title))).toEqual(["贴息期限"]);
  });
});
