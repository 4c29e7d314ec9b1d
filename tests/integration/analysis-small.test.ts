import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { analysisRuns, comments } from "~db/schema";
import { MIN_COMMENTS_FOR_TOPICS, TOO_FEW_LABEL } from "~/engine/topics";
import { TopicTitleSchema } from "~/features/responses/disposition-schema";
import { proposedPublicTitle } from "~/features/analysis/topic-title-proposal.server";
import { analysisRunSettled, latestRun } from "~/features/analysis/analysis-runs.server";
import { newReceiptNo } from "~/features/comments/receipt.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.analysis/route";
import { createUserSession } from "~/platform/session.server";
import { context, testDb } from "./helpers";

// A consultation with fewer comments than topics need: the workspace says so and lists them by article and text
// instead of showing clusters that mix unrelated subjects.
const db = testDb();
const SMALL = 2;
let cookie = "";

const TEXTS = [
  "第三条的登记期限太短，建议延长到六十日。",
  "企业职工住院报销比例应当提高。",
  "二级医院的收费标准请公开。",
  "小区停车位太少，建议增加临时停车位。",
  "第五条的处罚过重，建议先警告后罚款。",
  "公交站台应当增设遮雨棚和座椅。",
  "支持！",
  "请保留老城区菜市场",
  "请保留老城区菜市场！",
  "请保留老城区菜市场。",
];

beforeAll(async () => {
  await seedDemo(db, new Date());
  cookie = (await createUserSession(new Request("http://localhost/login"), (await findUserByUsername(db, "drafter"))!.id)).split(";")[0];
  const receivedAt = new Date();
  for (const [i, body] of TEXTS.entries()) {
    await db.insert(comments).values({
      consultationId: SMALL,
      receiptNo: `${newReceiptNo(receivedAt)}S${i}`,
      checkCodeHash: "x".repeat(64),
      body,
      bodyNormalized: body,
      identityCategory: "其他群众",
      name: `提出人${i}`,
      receivedAt,
    });
  }
});

const url = (search = "") => `http://localhost/admin/consultations/${SMALL}/analysis${search}`;
const get = (search = "") => loader({ request: new Request(url(search), { headers: { Cookie: cookie } }), params: { id: String(SMALL) }, context: context() });

describe("the workspace of a small consultation", () => {
  it("lists the comments by article and text, with the reason, instead of topics", async () => {
    const res = (await action({
      request: new Request(url(), {
        method: "POST",
        body: new URLSearchParams([["intent", "run"]]),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      }),
      params: { id: String(SMALL) },
      context: context(),
    })) as Response;
    expect(res.status).toBe(302);
    const run = (await latestRun(db, SMALL))!;
    await analysisRunSettled(run.id);
    const done = (await db.select().from(analysisRuns).where(eq(analysisRuns.id, run.id)).limit(1))[0]!;
    expect(done.status).toBe("done");
    expect(done.commentCount).toBeLessThan(MIN_COMMENTS_FOR_TOPICS);

    const view = (await get()).view!;
    expect(view.kind).toBe("articles");
    if (view.kind !== "articles") return;
    expect("tooFewForTopics" in view && view.tooFewForTopics).toBe(true);
    expect(view.comments?.total).toBe(TEXTS.length);
    expect(view.ranking.ranked.map((a) => a.number)).toEqual(expect.arrayContaining([3, 5]));

    // The slogan sent by three people is still one campaign with its count.
    const cards = (await get("?view=campaigns")).view!;
    expect(cards.kind === "campaigns" && cards.campaigns.map((c) => c.size)).toEqual([3]);
  });

  it("proposes a public title for the one bucket that is not its working label, and refuses the label", () => {
    expect(proposedPublicTitle({ label: TOO_FEW_LABEL })).toBe("综合意见");
    expect(TopicTitleSchema.safeParse({ topicId: "1", publicTitle: TOO_FEW_LABEL }).success).toBe(false);
    expect(TopicTitleSchema.safeParse({ topicId: "1", publicTitle: "综合意见" }).success).toBe(true);
  });
});
