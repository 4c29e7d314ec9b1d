import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { comments, consultations } from "~db/schema";
import { submitComment } from "~/features/comments/comment.server";
import { approveComment } from "~/features/comments/moderation.server";
import { listPublicComments, PUBLIC_COMMENTS_PAGE_SIZE, publicCountsByArticle } from "~/features/comments/public-comments.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader as publicPage } from "~/routes/consultations.$id/route";
import { context, testDb } from "./helpers";

const db = testDb();
const OPEN = 1;
let key = 0;

beforeAll(async () => {
  await seedDemo(db, new Date());
});

/** A fresh web comment on the open consultation, approved with its detector's redactions. */
async function commentAndApprove(input: {
  body: string;
  publishPreference: "named" | "anonymous" | "private";
  name?: string;
  organisation?: string;
  articles?: number[];
}) {
  const result = await submitComment(db, OPEN, {
    body: input.body,
    articles: input.articles ?? [],
    name: input.name ?? null,
    organisation: input.organisation ?? null,
    identityCategory: "军属",
    email: null,
    publishPreference: input.publishPreference,
    idempotencyKey: `public-comments-test-${++key}-xxxxxxxx`,
  });
  if (!result.ok) throw new Error(result.message);
  const row = (await db.select().from(comments).where(eq(comments.receiptNo, result.receiptNo)).limit(1))[0]!;
  await approveComment(db, OPEN, (await findUserByUsername(db, "drafter"))!, {
    commentId: row.id,
    publishedBody: row.body.replace(/1[3-9]\d{9}/g, "[手机号已隐去]"),
    confirmNoPii: false,
  });
  return row.id;
}

const everything = async (id: number) => {
  const all: Awaited<ReturnType<typeof listPublicComments>>["comments"] = [];
  for (let page = 1; ; page++) {
    const p = await listPublicComments(db, id, { page });
    all.push(...p.comments);
    if (page >= p.pageCount) return all;
  }
};

describe("public comments", () => {
  it("lists only approved, non-private comments, as published, and counts every comment received", async () => {
    const listed = await everything(OPEN);
    const rows = await db.select().from(comments).where(eq(comments.consultationId, OPEN));
    const visible = rows.filter((r) => r.moderationStatus === "approved" && r.publishPreference !== "private");
    const page = await listPublicComments(db, OPEN);
    expect(page.received).toBe(rows.length);
    expect(page.shown).toBe(visible.length);
    expect(listed.map((c) => c.id).sort()).toEqual(visible.map((r) => r.id).sort());
    for (const c of listed) expect(c.text).toBe(rows.find((r) => r.id === c.id)!.publishedBody);
    // No original text with personal data ever reaches the page.
    const shown = JSON.stringify(listed);
    for (const r of rows.filter((r) => r.hasPii)) expect(shown).not.toContain(r.body);
    expect(shown).not.toContain("139 4021 7736");
    expect(shown).not.toContain("21010619830715213X");
  });

  it("shows name and organisation for named comments, 网友 and the identity for anonymous ones", async () => {
    const named = await commentAndApprove({
      body: "建议第五条写明申请期限。",
      publishPreference: "named",
      name: "孙立平",
      organisation: "锦州市某物流公司",
      articles: [5],
    });
    const anonymous = await commentAndApprove({
      body: "同意第五条，请尽快实施。电话13512345678",
      publishPreference: "anonymous",
      name: "钱多多",
      organisation: "不该出现的单位",
    });
    const hidden = await commentAndApprove({ body: "我不希望公开这条意见。", publishPreference: "private", name: "李某" });
    const first = await listPublicComments(db, OPEN);
    const byId = new Map(first.comments.map((c) => [c.id, c]));
    expect(byId.get(named)).toMatchObject({ author: "孙立平", detail: "锦州市某物流公司", articles: [5] });
    expect(byId.get(anonymous)).toMatchObject({ author: "网友", detail: "军属", text: "同意第五条，请尽快实施。电话[手机号已隐去]" });
    expect(byId.has(hidden)).toBe(false);
    const page = JSON.stringify(first);
    expect(page).not.toContain("钱多多");
    expect(page).not.toContain("不该出现的单位");
    expect(page).not.toContain("13512345678");
  });

  it("filters by article, counts per article, and pages newest first keeping the filter", async () => {
    const counts = await publicCountsByArticle(db, OPEN);
    const [article, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const filtered = await listPublicComments(db, OPEN, { article });
    expect(filtered.article).toBe(article);
    expect(filtered.matching).toBe(count);
    expect(filtered.comments.every((c) => c.articles.includes(article))).toBe(true);

    const first = await listPublicComments(db, OPEN, { page: 1 });
    const second = await listPublicComments(db, OPEN, { page: 2 });
    expect(first.comments).toHaveLength(PUBLIC_COMMENTS_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.shown / PUBLIC_COMMENTS_PAGE_SIZE));
    const times = [...first.comments, ...second.comments].map((c) => c.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set([...first.comments, ...second.comments].map((c) => c.id)).size).toBe(2 * PUBLIC_COMMENTS_PAGE_SIZE);
    expect((await listPublicComments(db, OPEN, { page: 999 })).page).toBe(first.pageCount);
    expect((await listPublicComments(db, OPEN, { article: 999 })).article).toBeNull();
  });

  it("gives the consultation page its comments, and none where the department chose not to show them", async () => {
    const load = (search: string) =>
      publicPage({ request: new Request(`http://localhost/consultations/${OPEN}${search}`), params: { id: String(OPEN) }, context: context() });
    const [article] = [...(await publicCountsByArticle(db, OPEN))][0];
    const withArticle = await load(`?carticle=${article}&cpage=1`);
    expect(withArticle.publicComments?.article).toBe(article);
    expect(withArticle.publicCounts[article]).toBe((await publicCountsByArticle(db, OPEN)).get(article));
    const body = JSON.stringify(await load(""));
    for (const r of await db
      .select()
      .from(comments)
      .where(and(eq(comments.consultationId, OPEN), eq(comments.hasPii, true)))) {
      expect(body).not.toContain(r.body);
    }
    await db.update(consultations).set({ showComments: false }).where(eq(consultations.id, OPEN));
    const hidden = await load("");
    expect(hidden.publicComments).toBeNull();
    expect(hidden.publicCounts).toEqual({});
    await db.update(consultations).set({ showComments: true }).where(eq(consultations.id, OPEN));
  });
});
