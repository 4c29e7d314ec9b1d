import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { comments } from "~db/schema";
import { processCommentForm } from "~/features/comments/comment-intake.server";
import { action as preferences } from "~/routes/preferences";
import { loader as publicPage } from "~/routes/consultations.$id/route";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { context, testDb } from "./helpers";

// The issue "The citizen's journey", §1: nothing a person typed is lost on the consultation page.
const db = testDb();
const OPEN = 1;

beforeAll(async () => {
  await seedDemo(db, new Date());
});

const load = (search: string) =>
  publicPage({ request: new Request(`http://localhost/consultations/${OPEN}${search}`), params: { id: String(OPEN) }, context: context() });

const stored = async () => (await db.select({ n: count() }).from(comments).where(eq(comments.consultationId, OPEN)).limit(1))[0]!.n;

describe("reading an article's comments is not choosing to comment on it", () => {
  it("filters the public comments by ?carticle and preselects the form's article only by ?article", async () => {
    const reading = await load("?carticle=8#comments");
    expect(reading.publicComments?.article).toBe(8);
    expect(reading.commenting?.preselected).toEqual([]);
    const choosing = await load("?article=8");
    expect(choosing.commenting?.preselected).toEqual([8]);
    expect(choosing.publicComments?.article).toBeNull();
  });
});

describe("a link that carries the comment form's text (no JavaScript)", () => {
  it("stores nothing, counts no attempt and gives every field back", async () => {
    await resetRateLimits();
    const before = await stored();
    const fields = {
      body: "写到一半的意见，还没有提交。",
      articles: "8",
      identityCategory: "",
      idempotencyKey: "keep-key-abcdefghijklmnop",
      website: "",
      intent: "keep",
    };
    for (let i = 0; i < 200; i++) {
      const outcome = await processCommentForm(new URLSearchParams(fields), "203.0.113.77", OPEN);
      expect(outcome).toEqual({
        kind: "reply",
        status: 200,
        reply: { errors: {}, values: { body: fields.body, articles: "8", identityCategory: "", idempotencyKey: fields.idempotencyKey } },
      });
    }
    expect(await stored()).toBe(before);
    // 200 carried forms later, the same address may still submit.
    const submitted = await processCommentForm(
      new URLSearchParams({
        body: "正式提交。",
        identityCategory: "军属",
        publishPreference: "anonymous",
        consent: "on",
        idempotencyKey: "keep-key-submitted-abcdefgh",
        website: "",
      }),
      "203.0.113.77",
      OPEN
    );
    expect(submitted.kind).toBe("receipt");
  });

  it("A+ on the page: the preference is saved and the form is posted back to the page with a 307", async () => {
    const form = new URLSearchParams({ body: "字号调大前写的意见。", intent: "display:size:up", idempotencyKey: "keep-key-abcdefghijklmnop" });
    const request = new Request(`http://localhost/preferences?keep=${encodeURIComponent("/consultations/1?cpage=2")}`, { method: "POST", body: form });
    const response = await preferences({ request, params: {}, context: context() });
    expect(response.status).toBe(307);
    expect(response.headers.get("Location")).toBe("/consultations/1?cpage=2");
    expect(response.headers.get("Set-Cookie")).toMatch(/^zq_display=/);
    // Only to a consultation's page: anywhere else, the usual redirect without the form.
    for (const keep of ["https://evil.example/consultations/1", "/admin", "//evil.example"]) {
      const elsewhere = new Request(`http://localhost/preferences?keep=${encodeURIComponent(keep)}`, { method: "POST", body: form });
      const answer = await preferences({ request: elsewhere, params: {}, context: context() });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/");
    }
  });
});
