import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { comments } from "~db/schema";
import { submitComment } from "~/features/comments/comment.server";
import { approveComment, rejectComments } from "~/features/comments/moderation.server";
import { listPublicComments } from "~/features/comments/public-comments.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action as publicAction, loader as publicPage } from "~/routes/consultations.$id/route";
import { context, formRequest, testDb, unwrap } from "./helpers";

// The issue "The citizen's journey", §5: the published comments can be filtered by identity category and searched.
const db = testDb();
const OPEN = 1;
let key = 0;
const ids: Record<string, number> = {};

async function comment(body: string, identityCategory: string, publishPreference: "named" | "anonymous" | "private", articles: number[] = []) {
  const result = await submitComment(db, OPEN, {
    body,
    articles,
    name: "周某某",
    organisation: null,
    identityCategory,
    email: null,
    publishPreference,
    idempotencyKey: `filter-test-${++key}-xxxxxxxxxxxx`,
  });
  if (!result.ok) throw new Error(result.message);
  return (await db.select().from(comments).where(eq(comments.receiptNo, result.receiptNo)).limit(1))[0]!.id;
}
const drafter = async () => (await findUserByUsername(db, "drafter"))!;
const approve = async (id: number, publishedBody: string) => approveComment(db, OPEN, await drafter(), { commentId: id, publishedBody, confirmNoPii: false });

beforeAll(async () => {
  await seedDemo(db, new Date());
  ids.soldier = await comment("建议把鲲鹏贴息的申请期限延长到三年。电话13512345678", "退役军人", "anonymous", [15]);
  await approve(ids.soldier, "建议把鲲鹏贴息的申请期限延长到三年。电话[手机号已隐去]");
  ids.family = await comment("军属也应享受鲲鹏贴息。", "军属", "named");
  await approve(ids.family, "军属也应享受鲲鹏贴息。");
  ids.private = await comment("不公开：鲲鹏贴息太少。", "军属", "private");
  await approve(ids.private, "不公开：鲲鹏贴息太少。");
  ids.pending = await comment("还在审核：鲲鹏贴息。", "退役军人", "anonymous");
  ids.rejected = await comment("广告：鲲鹏贴息代办。", "企业", "anonymous");
  await rejectComments(db, OPEN, await drafter(), { ids: [ids.rejected], reason: "spam" });
});

const load = (search: string) =>
  publicPage({ request: new Request(`http://localhost/consultations/${OPEN}${search}`), params: { id: String(OPEN) }, context: context() });

describe("searching the published comments", () => {
  it("finds only approved, public comments, by their published text", async () => {
    const page = await listPublicComments(db, OPEN, { q: "鲲鹏贴息" });
    expect(page.comments.map((c) => c.id).sort()).toEqual([ids.soldier, ids.family].sort());
    expect(page.matching).toBe(2);
    expect(page.q).toBe("鲲鹏贴息");
    // The original (with the phone number) is never searched.
    expect((await listPublicComments(db, OPEN, { q: "13512345678" })).matching).toBe(0);
    expect((await listPublicComments(db, OPEN, { q: "手机号已隐去" })).comments.map((c) => c.id)).toContain(ids.soldier);
  });

  it("reads the words as the site search does: quotes, article numbers, every word", async () => {
    expect((await listPublicComments(db, OPEN, { q: "“鲲鹏 贴息”" })).matching).toBe(0);
    expect((await listPublicComments(db, OPEN, { q: "鲲鹏 三年" })).comments.map((c) => c.id)).toEqual([ids.soldier]);
    expect((await listPublicComments(db, OPEN, { q: "15条 鲲鹏" })).comments.map((c) => c.id)).toEqual([ids.soldier]);
    expect((await listPublicComments(db, OPEN, { q: "%" })).matching).toBe(0);
  });
});

describe("filtering by identity category", () => {
  it("offers the categories of the shown comments with their counts, and filters by one", async () => {
    const all = await listPublicComments(db, OPEN);
    const labels = all.identities.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["退役军人", "军属"]));
    const family = await listPublicComments(db, OPEN, { identity: "军属" });
    expect(family.identity).toBe("军属");
    expect(family.matching).toBe(all.identities.find((i) => i.label === "军属")!.count);
    expect(family.comments.map((c) => c.id)).toContain(ids.family);
    expect(family.comments.map((c) => c.id)).not.toContain(ids.private);
    expect((await listPublicComments(db, OPEN, { identity: "军属", q: "鲲鹏" })).comments.map((c) => c.id)).toEqual([ids.family]);
  });

  it("ignores a category nobody shown has (an old or forged link) and shows them all", async () => {
    const page = await listPublicComments(db, OPEN, { identity: "<script>" });
    expect(page.identity).toBeNull();
    expect(page.matching).toBe(page.shown);
  });
});

describe("on the consultation page", () => {
  it("reads cidentity, cq and carticle from the query string", async () => {
    const data = await load(`?cidentity=${encodeURIComponent("退役军人")}&cq=${encodeURIComponent("鲲鹏")}&carticle=15`);
    expect(data.publicComments).toMatchObject({ identity: "退役军人", q: "鲲鹏", article: 15, matching: 1, error: null });
    expect(data.publicComments!.comments.map((c) => c.id)).toEqual([ids.soldier]);
  });

  it("answers words too long with a Chinese message, the whole list and the words kept in the box", async () => {
    const long = "鲲".repeat(51);
    const data = await load(`?cq=${long}`);
    expect(data.publicComments!.error).toBe("搜索词过长：最多 50 个字，请缩短后重新搜索。");
    expect(data.publicComments!.typed).toBe(long);
    expect(data.publicComments!.q).toBe("");
    expect(data.publicComments!.matching).toBe(data.publicComments!.shown);
  });

  it("without JavaScript, a search posted with the comment form's text (intent=keep) keeps the text and filters the list", async () => {
    const before = (await db.select().from(comments)).length;
    const fields = { body: "写到一半的意见。", idempotencyKey: "keep-key-abcdefghijklmnop", website: "", intent: "keep", cq: "鲲鹏" };
    const result = unwrap(
      await publicAction({
        request: formRequest(`/consultations/${OPEN}?cidentity=${encodeURIComponent("军属")}&csearch=1#comments`, fields),
        params: { id: String(OPEN) },
        context: context(),
      })
    );
    expect(result.status).toBe(200);
    expect(result.body.values.body).toBe("写到一半的意见。");
    expect(result.body.publicComments.comments.map((c: { id: number }) => c.id)).toEqual([ids.family]);
    expect(result.body.publicComments).toMatchObject({ q: "鲲鹏", identity: "军属" });
    expect((await db.select().from(comments)).length).toBe(before);
    // Any other kept link (查看全部公开意见, an identity, a page) is read from its address alone.
    const other = unwrap(
      await publicAction({ request: formRequest(`/consultations/${OPEN}?#comments`, fields), params: { id: String(OPEN) }, context: context() })
    );
    expect(other.body.values.body).toBe("写到一半的意见。");
    expect(other.body.publicComments).toBeUndefined();
  });
});
