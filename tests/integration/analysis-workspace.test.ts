import { first } from "~db/client.server";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { analysisRuns, auditLog, campaigns, commentAnalysis, commentArticles, comments, dispositions, topicEdits, topics } from "~db/schema";
import { analysisRunSettled, latestRun, startAnalysisRun } from "~/features/analysis/analysis-runs.server";
import { newReceiptNo } from "~/features/comments/receipt.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader as progressLoader } from "~/routes/admin.consultations.$id.analysis.progress";
import { action, loader } from "~/routes/admin.consultations.$id.analysis/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap, thrown } from "./helpers";

const db = testDb();
const OPEN = 1;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "drafter2", "reviewer", "legal", "admin"]) {
    const user = (await findUserByUsername(db, name))!;
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  }
});

const url = (search = "", id = OPEN) => `http://localhost/admin/consultations/${id}/analysis${search}`;
const get = (who: string | null, search = "", id = OPEN) =>
  loader({ request: new Request(url(search, id), { headers: who ? { Cookie: cookies[who] } : {} }), params: { id: String(id) }, context: context() });
const post = (who: string, fields: Array<[string, string]>, search = "", id = OPEN) =>
  action({
    request: new Request(url(search, id), {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[who] },
    }),
    params: { id: String(id) },
    context: context(),
  });
/** Starts a run through the page, as a drafter would, and waits for it to finish. */
async function runAnalysis(who = "drafter", id = OPEN) {
  const res = (await post(who, [["intent", "run"]], "", id)) as Response;
  expect(res.status).toBe(302);
  const run = (await latestRun(db, id))!;
  await analysisRunSettled(run.id);
  return (await db.select().from(analysisRuns).where(eq(analysisRuns.id, run.id)).limit(1))[0]!;
}
const liveTopics = () =>
  db
    .select()
    .from(topics)
    .where(and(eq(topics.consultationId, OPEN), isNull(topics.mergedInto)));
const membersOf = async (topicId: number) =>
  (await db.select({ id: commentAnalysis.commentId }).from(commentAnalysis).where(eq(commentAnalysis.topicId, topicId))).map((r) => r.id).sort((a, b) => a - b);
const analysisOf = (commentId: number) => first(db.select().from(commentAnalysis).where(eq(commentAnalysis.commentId, commentId)).limit(1));
const count = async (table: typeof topics | typeof campaigns | typeof commentAnalysis) =>
  (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .limit(1)
  )[0]!.n;

describe("who may see and run the analysis", () => {
  it("lets the division's drafters, reviewers and the legal office in, and nobody else", async () => {
    expect((await get("drafter")).may.work).toBe(true);
    expect((await get("reviewer")).may.work).toBe(true);
    expect((await get("legal")).may.work).toBe(false);
    expect((await thrown(get("drafter2"))).status).toBe(403);
    expect((await thrown(get("admin"))).status).toBe(403);
    expect((await thrown(get("drafter", "", 9999))).status).toBe(404);
    expect((await thrown(get("drafter", "", Number.NaN))).status).toBe(404);
    const anonymous = await thrown(get(null));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("checks again in the action: another division and the legal office cannot run or edit", async () => {
    expect((await thrown(post("drafter2", [["intent", "run"]]))).status).toBe(403);
    expect((await thrown(post("legal", [["intent", "run"]]))).status).toBe(403);
    expect(
      (
        await thrown(
          post("legal", [
            ["intent", "rename"],
            ["topicId", "1"],
            ["label", "改名"],
          ])
        )
      ).status
    ).toBe(403);
    expect(await latestRun(db, OPEN)).toBeUndefined();
  });
});

describe("a run", () => {
  it("returns at once, then stores topics, campaigns and each comment's analysis", async () => {
    const before = await db.select().from(commentArticles).where(eq(commentArticles.source, "commenter"));
    const run = await runAnalysis();
    expect(run).toMatchObject({ status: "done", progress: 1, stage: "done", error: null });
    expect(run.startedAt).toBeInstanceOf(Date);
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt!.getTime());

    // Spam, abuse and repeated submissions are left out; everything else is analysed, pending or not.
    const analysable = (
      await db
        .select({ id: comments.id, status: comments.moderationStatus, reason: comments.rejectReason })
        .from(comments)
        .where(eq(comments.consultationId, OPEN))
    ).filter((c) => !(c.status === "rejected" && ["spam", "abuse", "duplicate"].includes(c.reason ?? "")));
    expect(run.commentCount).toBe(analysable.length);
    expect(await count(commentAnalysis)).toBe(analysable.length);
    expect((await liveTopics()).length).toBeGreaterThan(4);
    expect((await liveTopics()).some((t) => t.noSubstance)).toBe(true);

    // The demo's form letter is one campaign of at least ten members, each member pointing at it.
    const campaign = (await db.select().from(campaigns).where(eq(campaigns.consultationId, OPEN))).find((c) => c.size >= 10)!;
    expect(campaign).toBeDefined();
    expect(campaign.distinctSenders).toBeGreaterThan(1);
    expect(await db.select().from(commentAnalysis).where(eq(commentAnalysis.campaignId, campaign.id))).toHaveLength(campaign.size);

    // Articles found in the text are added beside the commenter's choices, which are all still there.
    const links = await db.select().from(commentArticles);
    expect(links.filter((l) => l.source === "detected").length).toBeGreaterThan(0);
    expect(links.filter((l) => l.source === "inferred").length).toBeGreaterThan(0);
    expect(await db.select().from(commentArticles).where(eq(commentArticles.source, "commenter"))).toEqual(before);

    const audit = await db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ["analysis.start", "analysis.finish"]));
    expect(audit.map((a) => a.action)).toEqual(["analysis.start", "analysis.finish"]);
  });

  it("puts the topics in a handful of themes, stored with each topic and shown in the overview", async () => {
    const live = await liveTopics();
    const themed = live.filter((t) => t.themeKey !== null);
    expect(themed.length).toBeGreaterThan(3);
    expect(live.filter((t) => t.noSubstance).every((t) => t.themeKey === null)).toBe(true);
    for (const t of themed) expect(t.themeLabel).toBeTruthy();
    const keys = new Set(themed.map((t) => t.themeKey));
    expect(keys.size).toBeGreaterThanOrEqual(2);
    expect(keys.size).toBeLessThan(themed.length);
    const view = (await get("drafter")).view!;
    const overview = view.kind === "topics" ? view.overview : [];
    expect(overview.find((t) => t.id === themed[0].id)?.theme).toEqual({ key: themed[0].themeKey, label: themed[0].themeLabel });
  });

  it("shows every view of the result", async () => {
    const topicsView = (await get("legal")).view!;
    expect(topicsView.kind).toBe("topics");
    const overview = topicsView.kind === "topics" ? topicsView.overview : [];
    expect(overview[0].size).toBeGreaterThanOrEqual(overview[1].size);
    expect(overview.at(-1)!.noSubstance).toBe(true);

    expect((await thrown(get("drafter", "?topic=999999"))).status).toBe(404);
    const detail = (await get("drafter", `?topic=${overview[0].id}`)).view!;
    expect(detail.kind === "topic" && detail.comments.total).toBe(overview[0].size);
    // The topic's cited summary: each sentence with the receipt numbers of the topic's comments it rests on.
    if (detail.kind !== "topic") throw new Error("expected the topic view");
    expect(detail.topic.summary.length).toBeGreaterThan(0);
    const members = await db
      .select({ id: comments.id, receiptNo: comments.receiptNo })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .where(eq(commentAnalysis.topicId, overview[0].id));
    const receiptOf = new Map(members.map((m) => [m.id, m.receiptNo]));
    for (const s of detail.topic.summary) {
      expect(s.text).toMatch(/^\d+ 条意见认为：“.+”/);
      expect(s.cited.length).toBeGreaterThan(0);
      for (const c of s.cited) expect(c.receiptNo).toBe(receiptOf.get(c.id));
    }

    const articles = (await get("drafter", "?view=articles&article=15")).view!;
    if (articles.kind !== "articles") throw new Error("expected the article view");
    expect(articles.ranking.ranked[0].total).toBeGreaterThanOrEqual(articles.ranking.ranked[1].total);
    expect(articles.comments!.items.every((c) => c.articles.some((a) => a.number === 15))).toBe(true);

    const cards = (await get("drafter", "?view=campaigns")).view!;
    expect(cards.kind === "campaigns" && cards.campaigns[0].members.length).toBeGreaterThanOrEqual(10);

    const charts = (await get("drafter", "?view=charts&channel=web")).view!;
    if (charts.kind !== "charts") throw new Error("expected the charts");
    expect(charts.charts.map((c) => c.id)).toEqual(["per-day", "per-article", "per-topic", "per-identity", "per-stance"]);
    const webCount = (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(commentAnalysis)
        .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
        .where(eq(comments.channel, "web"))
        .limit(1)
    )[0]!.n;
    expect(charts.charts[0].rows.reduce((s, r) => s + r.value, 0)).toBe(webCount);
    expect(charts.charts[4].rows.reduce((s, r) => s + r.value, 0)).toBe(webCount);
  });

  it("reports progress as JSON for the page to poll", async () => {
    const res = (await progressLoader({
      request: new Request(url("/progress"), { headers: { Cookie: cookies.legal } }),
      params: { id: String(OPEN) },
      context: context(),
    })) as Response;
    expect(res.headers.get("Content-Type")).toMatch(/json/);
    expect(await res.json()).toMatchObject({ status: "done", progress: 1 });
    expect(
      (
        await thrown(
          progressLoader({
            request: new Request(url("/progress"), { headers: { Cookie: cookies.drafter2 } }),
            params: { id: String(OPEN) },
            context: context(),
          })
        )
      ).status
    ).toBe(403);
  });

  it("analyses a consultation without comments into an empty, finished result", async () => {
    const run = await runAnalysis("drafter", 2);
    expect(run.status).toBe("done");
  });
});

describe("one run at a time", () => {
  it("refuses a second run, and edits, while one is going", async () => {
    const drafter = (await findUserByUsername(db, "drafter"))!;
    const runId = await startAnalysisRun(db, OPEN, drafter);
    const second = unwrap(await post("reviewer", [["intent", "run"]]));
    expect(second.status).toBe(409);
    expect(second.body.errors.form).toContain("正在进行");
    const edit = unwrap(
      await post("drafter", [
        ["intent", "rename"],
        ["topicId", String((await liveTopics())[0].id)],
        ["label", "改名"],
      ])
    );
    expect(edit.status).toBe(409);
    await analysisRunSettled(runId);
    expect((await latestRun(db, OPEN))!.status).toBe("done");
  });

  it("marks failed a run that a stopped process left running", async () => {
    const stale = (
      await db
        .insert(analysisRuns)
        .values({ consultationId: OPEN, status: "running", stage: "topics", progress: 0.6, startedAt: new Date(Date.now() - 3 * 3600_000) })
        .returning()
    )[0];
    const page = await get("drafter");
    expect(page.run.latest).toMatchObject({ id: stale.id, status: "failed" });
    expect(page.run.latest?.error).toContain("中断");
    // Showing it so writes nothing (no GET handler writes); the next run, or a process with jobs, records it.
    expect((await db.select().from(analysisRuns).where(eq(analysisRuns.id, stale.id)).limit(1))[0]!.status).toBe("running");
    // The workspace still shows the last finished result, and a new run may start.
    expect(page.view?.kind).toBe("topics");
    expect((await runAnalysis()).status).toBe("done");
    expect((await db.select().from(analysisRuns).where(eq(analysisRuns.id, stale.id)).limit(1))[0]!.error).toContain("中断");
  });
});

describe("staff edits", () => {
  it("validates each form and keeps what was typed", async () => {
    const [a] = await liveTopics();
    const rename = unwrap(
      await post("drafter", [
        ["intent", "rename"],
        ["topicId", String(a.id)],
        ["label", "  "],
      ])
    );
    expect(rename.status).toBe(400);
    expect(rename.body.errors.label).toBe("请填写话题名称。");
    const merge = unwrap(
      await post("drafter", [
        ["intent", "merge"],
        ["targetId", String(a.id)],
        ["topicIds", String(a.id)],
        ["label", "新名"],
      ])
    );
    expect(merge.status).toBe(400);
    expect(merge.body.errors.topicIds).toContain("至少勾选一个");
    expect(merge.body.values.label).toBe("新名");
    const move = unwrap(
      await post("drafter", [
        ["intent", "move"],
        ["commentId", "999999"],
        ["toTopicId", String(a.id)],
      ])
    );
    expect(move.status).toBe(404);
    const split = unwrap(
      await post("drafter", [
        ["intent", "split"],
        ["topicId", String(a.id)],
        ["label", "全部"],
        ...(await membersOf(a.id)).map((id): [string, string] => ["commentIds", String(id)]),
      ])
    );
    expect(split.body.errors.commentIds).toContain("不能把全部意见");
  });

  it("apply at once, and survive a re-run that only places new comments", async () => {
    const sized = await Promise.all((await liveTopics()).filter((t) => !t.noSubstance).map(async (t) => ({ t, n: (await membersOf(t.id)).length })));
    const [a, b, c, d] = sized.sort((x, y) => y.n - x.n).map((s) => s.t);
    const moved = (await membersOf(d.id))[0];
    const reviewer = (await findUserByUsername(db, "reviewer"))!;

    expect(
      (
        (await post("drafter", [
          ["intent", "rename"],
          ["topicId", String(a.id)],
          ["label", "就业帮扶的落实"],
        ])) as Response
      ).status
    ).toBe(302);
    const merged = (await post("reviewer", [
      ["intent", "merge"],
      ["targetId", String(b.id)],
      ["topicIds", String(b.id)],
      ["topicIds", String(c.id)],
      ["label", "岗位与招录"],
    ])) as Response;
    expect(merged.headers.get("Location")).toBe(`/admin/consultations/${OPEN}/analysis?topic=${b.id}&done=merge`);
    expect(
      (
        (await post("drafter", [
          ["intent", "move"],
          ["commentId", String(moved)],
          ["toTopicId", String(a.id)],
        ])) as Response
      ).status
    ).toBe(302);

    // The stored topics show the edits at once.
    const aMembers = await membersOf(a.id);
    const bMembers = await membersOf(b.id);
    expect(aMembers).toContain(moved);
    expect((await analysisOf(moved))!.topicSource).toBe("staff");
    expect((await db.select().from(topics).where(eq(topics.id, c.id)).limit(1))[0]!.mergedInto).toBe(b.id);
    expect(await membersOf(c.id)).toEqual([]);
    expect(await get("drafter", `?topic=${c.id}`).catch((r: Response) => r.headers.get("Location"))).toBe(`?topic=${b.id}`);
    expect((await db.select().from(topicEdits)).map((e) => e.kind)).toEqual(["rename", "merge", "move"]);
    expect((await db.select().from(auditLog).where(eq(auditLog.entityType, "topic")).orderBy(auditLog.id)).map((e) => e.action)).toEqual([
      "topic.rename",
      "topic.merge",
      "topic.move",
    ]);

    // A disposition on the merged topic must still apply after the re-run.
    await db.insert(dispositions).values({ consultationId: OPEN, topicId: b.id, decision: "partly_adopted", reason: "部分采纳", decidedBy: reviewer.id });
    const fresh = await Promise.all(
      ["建议明确公益性岗位和定向招录岗位的名额，县乡也要有岗位，年龄可以适当放宽。", "希望就业帮扶政策真正落实到位，服务站要有专人负责就业帮扶。"].map(
        async (body, i) => {
          const receivedAt = new Date();
          return (
            await db
              .insert(comments)
              .values({
                consultationId: OPEN,
                receiptNo: newReceiptNo(receivedAt) + i,
                checkCodeHash: "x".repeat(64),
                body,
                bodyNormalized: body,
                identityCategory: "退役军人",
                receivedAt,
              })
              .returning()
          )[0].id;
        }
      )
    );
    expect((await get("drafter")).run.notYetAnalysed).toBe(2);

    expect((await runAnalysis("reviewer")).status).toBe("done");
    const a2 = (await db.select().from(topics).where(eq(topics.id, a.id)).limit(1))[0]!;
    const b2 = (await db.select().from(topics).where(eq(topics.id, b.id)).limit(1))[0]!;
    expect(a2).toMatchObject({ label: "就业帮扶的落实", staffEdited: true, mergedInto: null });
    expect(b2).toMatchObject({ label: "岗位与招录", staffEdited: true, mergedInto: null });
    // Every comment staff placed or grouped is where they left it; only the new ones were placed afresh.
    expect(await membersOf(a.id)).toEqual(expect.arrayContaining(aMembers));
    expect(await membersOf(b.id)).toEqual(expect.arrayContaining(bMembers));
    expect(await analysisOf(moved)).toMatchObject({ topicId: a.id, topicSource: "staff" });
    const placedNew = [...(await membersOf(a.id)), ...(await membersOf(b.id))].filter((id) => !aMembers.includes(id) && !bMembers.includes(id));
    expect(placedNew.every((id) => fresh.includes(id))).toBe(true);
    for (const id of fresh) expect((await analysisOf(id))?.topicId).toBeTruthy();
    // The merged-away topic is gone; the disposition still points at a live topic.
    expect((await db.select().from(topics).where(eq(topics.id, c.id)).limit(1))[0]).toBeUndefined();
    expect((await db.select().from(dispositions).where(eq(dispositions.topicId, b.id)).limit(1))[0]).toBeDefined();
    expect((await get("drafter")).run.notYetAnalysed).toBe(0);
  });

  it("splits a topic and makes a comment its own topic", async () => {
    const topic = (await liveTopics()).find((t) => t.label === "就业帮扶的落实")!;
    const [first, second, third] = await membersOf(topic.id);
    const split = (await post("drafter", [
      ["intent", "split"],
      ["topicId", String(topic.id)],
      ["label", "服务站"],
      ["commentIds", String(first)],
      ["commentIds", String(second)],
    ])) as Response;
    const newId = Number(new URL(split.headers.get("Location")!, "http://x").searchParams.get("topic"));
    expect(await membersOf(newId)).toEqual([first, second]);
    expect((await db.select().from(topics).where(eq(topics.id, newId)).limit(1))[0]).toMatchObject({ label: "服务站", staffEdited: true });
    const own = (await post("drafter", [
      ["intent", "own-topic"],
      ["commentId", String(third)],
      ["label", "单列"],
    ])) as Response;
    const ownId = Number(new URL(own.headers.get("Location")!, "http://x").searchParams.get("topic"));
    expect(await membersOf(ownId)).toEqual([third]);
    // A merge may not swallow a topic that has its own disposition.
    const decided = (await liveTopics()).find((t) => t.label === "岗位与招录")!;
    const refused = unwrap(
      await post("drafter", [
        ["intent", "merge"],
        ["targetId", String(ownId)],
        ["topicIds", String(decided.id)],
      ])
    );
    expect(refused.body.errors.topicIds).toContain("已记录处理意见");
    expect((await runAnalysis()).status).toBe("done");
    expect(await membersOf(newId)).toEqual(expect.arrayContaining([first, second]));
    expect(await membersOf(ownId)).toEqual(expect.arrayContaining([third]));

    // A staff topic that staff emptied is gone after the next run.
    for (const id of await membersOf(ownId))
      await post("drafter", [
        ["intent", "move"],
        ["commentId", String(id)],
        ["toTopicId", String(newId)],
      ]);
    expect(await membersOf(ownId)).toEqual([]);
    expect((await runAnalysis()).status).toBe("done");
    expect((await db.select().from(topics).where(eq(topics.id, ownId)).limit(1))[0]).toBeUndefined();
    expect(await membersOf(newId)).toEqual(expect.arrayContaining([first, second, third]));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("letter families", () => {
  it("stores each variant letter's personal additions and lists them on its campaign card", async () => {
    const template = [
      "我们是退役军人家属，强烈建议在办法中明确军属随迁就业的具体安置渠道。",
      "目前各地接收单位标准不一，家属往往等待一年以上才能上岗。",
      "请规定接收时限，并由人社部门统一登记、按月通报安置进度。",
      "同时建议对吸纳军属就业的企业给予社保补贴，提高企业积极性。",
    ];
    const addition = "我爱人已经等了十四个月，孩子上学的费用全靠我一个人打零工。";
    const bodies = [template.join(""), template.join(""), [template[0], addition, ...template.slice(1)].join("")];
    const ids = await Promise.all(
      bodies.map(async (body, i) => {
        const receivedAt = new Date();
        return (
          await db
            .insert(comments)
            .values({
              consultationId: OPEN,
              receiptNo: newReceiptNo(receivedAt) + `f${i}`,
              checkCodeHash: "x".repeat(64),
              body,
              bodyNormalized: body,
              identityCategory: "退役军人",
              receivedAt,
            })
            .returning()
        )[0].id;
      })
    );
    expect((await runAnalysis()).status).toBe("done");
    const [first, second, variant] = await Promise.all(ids.map(async (id) => (await analysisOf(id))!));
    expect(first.campaignId).not.toBeNull();
    expect(new Set([first.campaignId, second.campaignId, variant.campaignId]).size).toBe(1);
    expect(variant.campaignAdditions).toEqual([addition]);
    expect(second.campaignAdditions ?? []).toEqual([]);

    const view = (await get("drafter", "?view=campaigns")).view!;
    if (view.kind !== "campaigns") throw new Error("expected the campaign cards");
    const card = view.campaigns.find((c) => c.id === variant.campaignId)!;
    expect(card.members.find((m) => m.id === ids[2])?.additions).toEqual([addition]);
  });
});
