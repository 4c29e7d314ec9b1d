import { raw } from "~db/client.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, comments, consultations, dispositions, emailOutbox } from "~db/schema";
import { dispositionFor } from "~/features/comments/comment-status.server";
import { latestArticles } from "~/features/consultations/article-numbers.server";
import { hashCheckCode, newCheckCode } from "~/features/comments/receipt.server";
import { receiptViewCookie } from "~/features/comments/receipt-view.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.dispositions/route";
import { loader as statusLoader } from "~/routes/status/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap, thrown } from "./helpers";
import { commentIdsOf, seedAnalysis, type SeededAnalysis } from "./topic-fixtures";

const db = testDb();
const OPEN = 1;
const CLOSED = 3;
const cookies: Record<string, string> = {};
let fx: SeededAnalysis;
let memorial: number[];
let volunteerId: number;

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "drafter2", "reviewer", "legal", "admin"]) {
    const user = (await findUserByUsername(db, name))!;
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  }
  const all = await commentIdsOf(raw(db), CLOSED);
  memorial = await commentIdsOf(raw(db), CLOSED, "烈士");
  volunteerId = (await commentIdsOf(raw(db), CLOSED, "志愿服务力量"))[0];
  const perks = await commentIdsOf(raw(db), CLOSED, "优待");
  const rest = all.filter((id) => !memorial.includes(id) && !perks.includes(id));
  fx = await seedAnalysis(raw(db), CLOSED, [
    { label: "烈士纪念设施", keywords: ["烈士", "纪念"], commentIds: memorial },
    { label: "优待证使用", keywords: ["优待证"], commentIds: perks },
    { label: "其他意见", commentIds: rest },
  ]);
});

const url = (id: number, search = "") => `http://localhost/admin/consultations/${id}/dispositions${search}`;
const get = (who: string | null, id = CLOSED, search = "") =>
  loader({ request: new Request(url(id, search), { headers: who ? { Cookie: cookies[who] } : {} }), params: { id: String(id) }, context: context() });
const post = (who: string, fields: Record<string, string>, id = CLOSED) =>
  action({
    request: new Request(url(id), {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[who] },
    }),
    params: { id: String(id) },
    context: context(),
  });
const topicRow = (topicId: number) => db.select().from(dispositions).where(eq(dispositions.topicId, topicId));
const membersOfTopic = async (topicId: number) => (await raw(db).column(`SELECT comment_id FROM comment_analysis WHERE topic_id = ?`, topicId)) as number[];
/** A new opinion of the topic answering all its comments still unanswered. */
const opinion = (topicId: number, fields: Record<string, string>) => ({
  intent: "opinion",
  topicId: String(topicId),
  title: "测试意见要点",
  includeUnanswered: "on",
  ...fields,
});
const article = async (n: number, id = CLOSED) => (await latestArticles(db, id)).find((a) => a.number === n)!.identityId;

describe("who may see and record dispositions", () => {
  it("shows the matrix to the division's drafters, reviewers and the legal office; records only for drafters", async () => {
    const drafter = await get("drafter");
    expect(drafter.canRecord).toBe(true);
    expect(drafter.matrix.topics.map((t) => t.label)).toEqual(expect.arrayContaining(["烈士纪念设施", "优待证使用", "其他意见"]));
    expect((await get("reviewer")).canRecord).toBe(false);
    expect((await get("legal")).canRecord).toBe(false);
    expect((await thrown(get("drafter2"))).status).toBe(403);
    expect((await thrown(get("drafter", 9999))).status).toBe(404);
    expect((await thrown(get("drafter", Number.NaN))).status).toBe(404);
    const anonymous = await thrown(get(null));
    expect(anonymous.status).toBe(302);
  });

  it("refuses a disposition from anyone but the division's drafters", async () => {
    const fields = opinion(fx.topicIds[0], { decision: "not_adopted", reason: "理由" });
    expect((await thrown(post("reviewer", fields))).status).toBe(403);
    expect((await thrown(post("legal", fields))).status).toBe(403);
    expect((await thrown(post("admin", fields))).status).toBe(403);
    expect((await thrown(post("drafter2", fields))).status).toBe(403);
    expect(await topicRow(fx.topicIds[0])).toHaveLength(0);
  });
});

describe("validation", () => {
  it("asks for a result, a reason except for 采纳, and the change for 采纳 and 部分采纳, keeping what was typed", async () => {
    const none = unwrap(await post("drafter", opinion(fx.topicIds[0], { reason: "写了理由" })));
    expect(none.status).toBe(400);
    expect(none.body.errors.decision).toBe("请选择处理结果。");
    expect(none.body.values.reason).toBe("写了理由");
    expect(none.body.target).toBe(`topic-${fx.topicIds[0]}-new`);

    const noReason = unwrap(await post("drafter", opinion(fx.topicIds[0], { decision: "not_adopted", reason: "  " })));
    expect(noReason.body.errors.reason).toMatch(/请填写理由/);
    const noChange = unwrap(await post("drafter", opinion(fx.topicIds[0], { decision: "partly_adopted", reason: "部分可行" })));
    expect(noChange.body.errors.changeMade).toMatch(/写明对征求意见稿所作的修改/);
    expect(noChange.body.errors.reason).toBeUndefined();
    const adopted = unwrap(await post("drafter", opinion(fx.topicIds[0], { decision: "adopted" })));
    expect(adopted.body.errors).toEqual({ changeMade: expect.stringMatching(/修改/) });
    const untitled = unwrap(await post("drafter", opinion(fx.topicIds[0], { decision: "not_adopted", reason: "x", title: " " })));
    expect(untitled.body.errors.title).toMatch(/请填写意见要点/);
    const nothingChosen = unwrap(await post("drafter", { ...opinion(fx.topicIds[0], { decision: "not_adopted", reason: "x" }), includeUnanswered: "" }));
    expect(nothingChosen.body.errors.commentIds).toMatch(/请勾选本意见要点答复的意见/);
    expect(await topicRow(fx.topicIds[0])).toHaveLength(0);
  });

  it("refuses an article of another consultation and a topic of another consultation", async () => {
    const foreign = unwrap(
      await post("drafter", opinion(fx.topicIds[0], { decision: "not_adopted", reason: "x", articleIdentityId: String(await article(3, OPEN)) }))
    );
    expect(foreign.body.errors.form).toBe("所选条款不在征求意见稿中。");
    const elsewhere = unwrap(await post("drafter", opinion(fx.topicIds[0], { decision: "not_adopted", reason: "x" }), OPEN));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.errors.form).toBe("未找到该主题。");
  });
});

describe("recording", () => {
  it("records an opinion once and updates it in place, audited, and the consultation moves to 意见处理中", async () => {
    expect((await db.select().from(consultations).where(eq(consultations.id, CLOSED)).limit(1))[0]!.status).toBe("published");
    const first = await post(
      "drafter",
      opinion(fx.topicIds[0], {
        decision: "partly_adopted",
        reason: "集中保护分步实施",
        articleIdentityId: String(await article(8)),
        changeMade: "第八条增加“分批推进零散烈士纪念设施集中保护”",
      })
    );
    expect(first).toBeInstanceOf(Response);
    const opinionId = (await topicRow(fx.topicIds[0]))[0].id;
    expect((first as Response).headers.get("Location")).toBe(`/admin/consultations/${CLOSED}/dispositions?done=opinion#opinion-${opinionId}`);
    await post("drafter", {
      intent: "opinion",
      topicId: String(fx.topicIds[0]),
      opinionId: String(opinionId),
      title: "集中保护零散烈士纪念设施",
      decision: "not_adopted",
      reason: "已纳入年度计划",
      articleIdentityId: String(await article(8)),
      changeMade: "不应保留",
    });
    const rows = await topicRow(fx.topicIds[0]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: "集中保护零散烈士纪念设施",
      decision: "not_adopted",
      reason: "已纳入年度计划",
      changeMade: null,
      articleIdentityId: await article(8),
    });
    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "disposition"), eq(auditLog.entityId, String(rows[0].id))))
    ).map((a) => a.action);
    expect(actions).toEqual(["disposition.record", "disposition.update"]);
    expect((await db.select().from(consultations).where(eq(consultations.id, CLOSED)).limit(1))[0]!.status).toBe("processing");
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const matrix = (await get("reviewer")).matrix;
    expect(matrix.decided).toBe(1);
    const topic = matrix.topics.find((t) => t.id === fx.topicIds[0])!;
    expect(topic.opinions).toEqual([
      expect.objectContaining({ decision: "not_adopted", articleLabel: "第八条", decidedBy: expect.any(String), memberCount: memorial.length }),
    ]);
  });

  it("lets a comment be answered on its own, and its opinion's answer apply again once that is undone", async () => {
    const id = memorial[0];
    await post("drafter", { intent: "record", commentId: String(id), decision: "adopted", changeMade: "第八条增加“为烈士寻亲”" });
    expect(await dispositionFor(db, id)).toMatchObject({ decision: "adopted", source: "own" });
    expect(await dispositionFor(db, memorial[1])).toMatchObject({ decision: "not_adopted", topicId: fx.topicIds[0], source: "opinion" });
    const topic = (await get("drafter")).matrix.topics.find((t) => t.id === fx.topicIds[0])!;
    expect(topic.overrideCount).toBe(1);
    expect(topic.comments[0]).toMatchObject({ id, own: { decision: "adopted" } });

    await post("drafter", { intent: "clear", commentId: String(id) });
    expect(await dispositionFor(db, id)).toMatchObject({ decision: "not_adopted", topicId: fx.topicIds[0], source: "opinion" });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "disposition.clear"))).toHaveLength(1);
  });

  it("keeps the answer off the commenter's status page until the feedback is published", async () => {
    const c = (await db.select().from(comments).where(eq(comments.id, memorial[1])).limit(1))[0]!;
    const code = newCheckCode();
    await db
      .update(comments)
      .set({ checkCodeHash: hashCheckCode(c.receiptNo, code) })
      .where(eq(comments.id, c.id));
    const cookie = receiptViewCookie({ receiptNo: c.receiptNo, code, fresh: false }).split(";")[0];
    const studied = async () => {
      const page = unwrap(
        await statusLoader({ request: new Request("http://localhost/status", { headers: { Cookie: cookie } }), params: {}, context: context("203.0.113.77") })
      );
      return page.body.status.steps.find((s: { label: string }) => s.label === "已研究");
    };
    // An answer may still change in review and legal review: the commenter is told the final one.
    expect(await studied()).toEqual({ label: "已研究", state: "todo", detail: "尚未答复" });
    const before = (await db.select().from(consultations).where(eq(consultations.id, CLOSED)).limit(1))[0]!.status;
    await db.update(consultations).set({ status: "feedback_published" }).where(eq(consultations.id, CLOSED));
    try {
      expect(await studied()).toMatchObject({ state: "current", detail: "处理结果：不采纳。已纳入年度计划" });
    } finally {
      await db.update(consultations).set({ status: before }).where(eq(consultations.id, CLOSED));
    }
  });

  it("queues no result notice when an answer is recorded or changed: commenters hear the final one at publication", async () => {
    const volunteerTopic = (await raw(db).value<number>(
      `SELECT topic_id FROM comment_analysis WHERE comment_id = ? AND topic_id IN (${fx.topicIds.join(",")})`,
      volunteerId
    ))!;
    const mails = () => db.select().from(emailOutbox).where(eq(emailOutbox.kind, "disposition"));
    expect(await mails()).toHaveLength(0);
    await post("drafter", opinion(volunteerTopic, { decision: "already_provided", reason: "第九条已规定" }));
    const opinionId = (await topicRow(volunteerTopic))[0].id;
    await post("drafter", { ...opinion(volunteerTopic, { decision: "adopted", reason: "", changeMade: "第九条增加志愿服务" }), opinionId: String(opinionId) });
    await post("drafter", { intent: "record", commentId: String(volunteerId), decision: "not_adopted", reason: "另行研究" });
    expect(await dispositionFor(db, volunteerId)).toMatchObject({ decision: "not_adopted" });
    expect(await mails()).toHaveLength(0);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "volunteer@example.org"))).toHaveLength(0);
  });

  it("may answer while a consultation is still open, without changing its status", async () => {
    const ids = (await commentIdsOf(raw(db), OPEN)).slice(0, 3);
    const { topicIds } = await seedAnalysis(raw(db), OPEN, [{ label: "早期意见", commentIds: ids }]);
    await post("drafter", opinion(topicIds[0], { decision: "out_of_scope", reason: "不属于本办法调整范围" }), OPEN);
    expect(await topicRow(topicIds[0])).toHaveLength(1);
    expect((await db.select().from(consultations).where(eq(consultations.id, OPEN)).limit(1))[0]!.status).toBe("published");
  });

  it("refuses changes once the feedback is published", async () => {
    await db.update(consultations).set({ status: "feedback_published" }).where(eq(consultations.id, CLOSED));
    try {
      const locked = unwrap(await post("drafter", opinion(fx.topicIds[1], { decision: "not_adopted", reason: "x" })));
      expect(locked.status).toBe(409);
      expect(locked.body.errors.form).toBe("意见采纳情况说明已公布，处理结果不能再修改。");
      expect((await get("drafter")).canRecord).toBe(false);
    } finally {
      await db.update(consultations).set({ status: "processing" }).where(eq(consultations.id, CLOSED));
    }
  });
});
