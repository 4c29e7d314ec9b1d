import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { commentAnalysis, comments } from "~db/schema";
import { analysisRunSettled, latestRun } from "~/features/analysis/analysis-runs.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.analysis/route";
import { createUserSession } from "~/platform/session.server";
import { context, testDb } from "./helpers";

// The workspace's topic card says when one sender wrote most of a topic, counted from the comments as they are
// now (so after staff edits too), under the same rule as the engine (app/engine/sender-share.ts).
const db = testDb();
const OPEN = 1;
let cookie = "";

beforeAll(async () => {
  await seedDemo(db, new Date());
  cookie = (await createUserSession(new Request("http://localhost/login"), (await findUserByUsername(db, "drafter"))!.id)).split(";")[0];
});

const url = `http://localhost/admin/consultations/${OPEN}/analysis`;
const overview = async () => {
  const data = await loader({ request: new Request(url, { headers: { Cookie: cookie } }), params: { id: String(OPEN) }, context: context() });
  return data.view?.kind === "topics" ? data.view.overview : [];
};

describe("a topic one sender dominates", () => {
  it("is flagged on its card with how many of its comments that sender wrote", async () => {
    const res = (await action({
      request: new Request(url, {
        method: "POST",
        body: new URLSearchParams([["intent", "run"]]),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      params: { id: String(OPEN) },
      context: context(),
    })) as Response;
    expect(res.status).toBe(302);
    await analysisRunSettled((await latestRun(db, OPEN))!.id);

    const before = await overview();
    expect(before.length).toBeGreaterThan(1);
    expect(before.every((t) => !t.senders.dominated_by_one_sender)).toBe(true);
    const topic = before.find((t) => !t.noSubstance && t.size >= 10)!;
    expect(topic).toBeDefined();
    // One person turns out to have sent more than half of that topic's comments.
    const ids = (await db.select({ id: commentAnalysis.commentId }).from(commentAnalysis).where(eq(commentAnalysis.topicId, topic.id))).map((r) => r.id);
    const theirs = ids.slice(0, Math.ceil(ids.length / 2) + 1);
    await db.update(comments).set({ email: "Same.Person@example.cn", name: null }).where(inArray(comments.id, theirs));

    const after = await overview();
    const card = after.find((t) => t.id === topic.id)!;
    expect(card.senders).toMatchObject({ dominated_by_one_sender: true, largest_sender_comments: theirs.length });
    expect(after.filter((t) => t.senders.dominated_by_one_sender).map((t) => t.id)).toEqual([topic.id]);
  });
});
