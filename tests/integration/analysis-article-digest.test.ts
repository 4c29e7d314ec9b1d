import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { commentAnalysis, commentArticles, comments } from "~db/schema";
import { analysisRunSettled, startAnalysisRun } from "~/features/analysis/analysis-runs.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader } from "~/routes/admin.consultations.$id.analysis/route";
import { createUserSession } from "~/platform/session.server";
import { context, testDb } from "./helpers";

// The per-article view (issue 19 §2): per article, the stances towards it with a campaign counted once,
// the distinct arguments among its comments with quotes from them, in the workspace.

const db = testDb();
const OPEN = 1;
let cookie = "";

beforeAll(async () => {
  await seedDemo(db, new Date());
  const drafter = (await findUserByUsername(db, "drafter"))!;
  cookie = (await createUserSession(new Request("http://localhost/login"), drafter.id)).split(";")[0];
  const runId = await startAnalysisRun(db, OPEN, drafter);
  await analysisRunSettled(runId);
});

const view = async (search: string) => {
  const data = (await loader({
    request: new Request(`http://localhost/admin/consultations/${OPEN}/analysis${search}`, { headers: { Cookie: cookie } }),
    params: { id: String(OPEN) },
    context: context(),
  })) as { view: { kind: string; ranking: { ranked: Array<{ number: number; total: number; stances: Record<string, number> }> }; digest: any } };
  return data.view;
};

describe("the per-article view", () => {
  it("ranks articles with the stances towards each, a campaign counted once", async () => {
    const v = await view("?view=articles");
    expect(v.kind).toBe("articles");
    const top = v.ranking.ranked[0];
    const voices = Object.values(top.stances).reduce((a, b) => a + b, 0);
    expect(voices).toBeGreaterThan(0);
    expect(voices).toBeLessThanOrEqual(top.total);
  });

  it("digests one article: stances, its arguments grouped by topic, quotes taken from its own comments", async () => {
    const top = (await view("?view=articles")).ranking.ranked[0];
    const v = await view(`?view=articles&article=${top.number}`);
    const d = v.digest;
    expect(d).not.toBeNull();
    expect(d.stances).toEqual(top.stances);
    const sizes = d.groups.reduce((n: number, g: { size: number }) => n + g.size, 0);
    expect(sizes).toBe(top.total);
    // every quote is a comment on this article, and its text is that comment's own
    const onArticle = new Set(
      (
        await db
          .select({ id: commentArticles.commentId })
          .from(commentArticles)
          .innerJoin(commentAnalysis, eq(commentAnalysis.commentId, commentArticles.commentId))
      ).map((r) => r.id)
    );
    const quotes = d.groups.flatMap((g: { quotes: Array<{ id: number; text: string }> }) => g.quotes);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(onArticle.has(q.id)).toBe(true);
      const body = (await db.select({ body: comments.body, receiptNo: comments.receiptNo }).from(comments).where(eq(comments.id, q.id)).limit(1))[0]!;
      expect(body.body.replace(/\s+/g, " ")).toContain(q.text.replace(/…$/, ""));
      expect(d.receipts[q.id]).toBe(body.receiptNo);
    }
  });

  it("uses the stance a comment takes towards the article where it differs from its overall stance", async () => {
    const top = (await view("?view=articles")).ranking.ranked[0];
    const digestOf = async () => (await view(`?view=articles&article=${top.number}`)).digest.stances as Record<string, number>;
    // A comment on the top article, outside any campaign, that supports the draft overall…
    const linkedIds = (await db.select({ commentId: commentArticles.commentId }).from(commentArticles)).map((r) => r.commentId);
    const d = (await view(`?view=articles&article=${top.number}`)).digest;
    const onTop = d.groups.flatMap((g: { quotes: Array<{ id: number }> }) => g.quotes.map((q) => q.id)).find((id: number) => linkedIds.includes(id))!;
    await db.update(commentAnalysis).set({ stance: "support", articleStances: null, campaignId: null }).where(eq(commentAnalysis.commentId, onTop));
    const plain = await digestOf();
    // …but opposes this article in the clause that names it: it counts as opposing here.
    await db
      .update(commentAnalysis)
      .set({ articleStances: { [String(top.number)]: "oppose" } })
      .where(eq(commentAnalysis.commentId, onTop));
    const perArticle = await digestOf();
    expect(perArticle.oppose).toBe(plain.oppose + 1);
    expect(perArticle.support).toBe(plain.support - 1);
  });
});
