import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, commentArticles, rejectedArticleLinks } from "~db/schema";
import { analysisRunSettled, latestRun } from "~/features/analysis/analysis-runs.server";
import { gatherAnalysisInput } from "~/features/analysis/analysis-input.server";
import { latestArticles } from "~/features/consultations/index.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action } from "~/routes/admin.consultations.$id.analysis/route";
import { createUserSession } from "~/platform/session.server";
import { context, testDb } from "./helpers";

const db = testDb();
const OPEN = 1;
const cookies: Record<string, string> = {};
let numberOf = new Map<number, number>();

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "legal"]) {
    const user = (await findUserByUsername(db, name))!;
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  }
  numberOf = new Map((await latestArticles(db, OPEN)).map((a) => [a.identityId, a.number]));
  await runAnalysis();
});

const post = (who: string, fields: Array<[string, string]>) =>
  action({
    request: new Request(`http://localhost/admin/consultations/${OPEN}/analysis?view=articles`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[who] },
    }),
    params: { id: String(OPEN) },
    context: context(),
  });

async function runAnalysis() {
  const res = (await post("drafter", [["intent", "run"]])) as Response;
  expect(res.status).toBe(302);
  await analysisRunSettled((await latestRun(db, OPEN))!.id);
}

const linksOf = async (commentId: number) =>
  (await db.select().from(commentArticles).where(eq(commentArticles.commentId, commentId))).map((l) => ({
    number: numberOf.get(l.articleIdentityId)!,
    source: l.source,
    confidence: l.confidence,
  }));
const inferredLinks = async () =>
  (await db.select().from(commentArticles).where(eq(commentArticles.source, "inferred"))).map((l) => ({
    commentId: l.commentId,
    number: numberOf.get(l.articleIdentityId)!,
    confidence: l.confidence,
  }));
const verdict = (commentId: number, article: number, v: string, replacement = "") =>
  post("drafter", [
    ["intent", "article"],
    ["commentId", String(commentId)],
    ["article", String(article)],
    ["verdict", v],
    ["replacement", replacement],
  ]);

describe("inferred articles and staff corrections", () => {
  it("stores each inferred article with its confidence", async () => {
    const inferred = await inferredLinks();
    expect(inferred.length).toBeGreaterThan(0);
    for (const l of inferred) {
      expect(l.confidence).toBeGreaterThanOrEqual(0.65);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("a confirmed article becomes staff's own link; a rejected one is gone, replaced where staff name the right one, and stays out of the next run", async () => {
    const [confirm, reject] = await inferredLinks();
    expect(reject).toBeDefined();
    expect(((await verdict(confirm.commentId, confirm.number, "confirm")) as Response).status).toBe(302);
    expect(await linksOf(confirm.commentId)).toContainEqual({ number: confirm.number, source: "staff", confidence: null });

    const articles = [...numberOf.values()].sort((a, b) => a - b);
    const replacement = articles.find((n) => n !== reject.number)!;
    expect(((await verdict(reject.commentId, reject.number, "reject", String(replacement))) as Response).status).toBe(302);
    const after = await linksOf(reject.commentId);
    expect(after.some((l) => l.number === reject.number)).toBe(false);
    expect(after).toContainEqual({ number: replacement, source: "staff", confidence: null });
    expect(await db.select().from(rejectedArticleLinks).where(eq(rejectedArticleLinks.commentId, reject.commentId))).toHaveLength(1);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "comment"), eq(auditLog.entityId, String(reject.commentId))));
    expect(audit.map((a) => a.action)).toContain("comment.article_rejected");

    // The next run is told, and keeps to it.
    const { input } = await gatherAnalysisInput(db, OPEN);
    expect(input.articleCorrections?.rejected).toContainEqual({ comment_id: String(reject.commentId), articles: [reject.number] });
    expect(input.articleCorrections?.confirmed).toContainEqual({ comment_id: String(confirm.commentId), articles: [confirm.number] });
    await runAnalysis();
    const rerun = await linksOf(reject.commentId);
    expect(rerun.some((l) => l.number === reject.number)).toBe(false);
    expect(rerun).toContainEqual({ number: replacement, source: "staff", confidence: null });
    expect(await linksOf(confirm.commentId)).toContainEqual({ number: confirm.number, source: "staff", confidence: null });
  });

  it("answers bad input with a message and the values kept, and a stale verdict with 409", async () => {
    const [link] = await inferredLinks();
    const bad = (await verdict(link.commentId, link.number, "maybe")) as {
      data: { errors: Record<string, string>; values: Record<string, string> };
      init: { status: number };
    };
    expect(bad.init.status).toBe(400);
    expect(bad.data.errors.verdict).toMatch(/请选择/);
    expect(bad.data.values.article).toBe(String(link.number));
    const both = (await verdict(link.commentId, link.number, "confirm", String(link.number + 1))) as { init: { status: number } };
    expect(both.init.status).toBe(400);
    expect(((await verdict(link.commentId, link.number, "confirm")) as Response).status).toBe(302);
    const stale = (await verdict(link.commentId, link.number, "reject")) as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(stale.init.status).toBe(409);
    expect(stale.data.errors.form).toMatch(/不是推断/);
  });

  it("is refused to those who may not work on the analysis", async () => {
    const [link] = await inferredLinks();
    const res = await post("legal", [
      ["intent", "article"],
      ["commentId", String(link.commentId)],
      ["article", String(link.number)],
      ["verdict", "confirm"],
    ]).catch((e: unknown) => e);
    expect((res as Response).status).toBe(403);
  });
});
