import { raw } from "~db/client.server";
// Bulk moderation by filter on 3,000 comments, on a real SQLite file: the confirmation step, the exact set,
// redactions nobody has reviewed, the single audit entry, and the time it takes.
import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, commentFlags, commentMarks, comments, moderationDecisions, redactions } from "~db/schema";
import { detectPii } from "~/engine/pii";
import { refreshModerationFlags } from "~/features/comments/moderation-flags.server";
import { moderationQueue } from "~/features/comments/moderation-queue.server";
import { parseQueueFilters } from "~/features/comments/moderation-schema";
import { approveComment, bulkApprove, rejectComments } from "~/features/comments/moderation.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.moderation/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap } from "./helpers";

const db = testDb();
const OPEN = 1;
const MARK = "批量样本";
const SIZE = 3000;
let cookie = "";
let seq = 0;

/** Inserts comments straight into the table (intake is tested elsewhere), with the detector's spans as intake stores them. */
async function insertComments(texts: string[], extra: Partial<{ email: string; name: string }> = {}): Promise<number[]> {
  const version = (await raw(db).get<{ id: number }>(`SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1`, OPEN))!;
  const base = Date.now() - 86_400_000;
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const body of texts) {
      const found = detectPii(body);
      seq++;
      const id = (await raw(tx).value<number>(
        `INSERT INTO comments (consultation_id, version_id, receipt_no, check_code_hash, body, body_normalized, name, email, identity_category, received_at, has_pii, created_at)
         VALUES (?, ?, ?, 'x', ?, ?, ?, ?, '其他群众', ?, ?, ?) RETURNING id`,
        OPEN,
        version.id,
        `T${String(seq).padStart(8, "0")}`,
        body,
        body.normalize("NFKC"),
        extra.name ?? null,
        extra.email ?? null,
        new Date(base + seq * 1000),
        found.length > 0,
        new Date(base)
      ))!;
      for (const m of found)
        await raw(tx).run(`INSERT INTO redactions (comment_id, kind, start, "end", field) VALUES (?, ?, ?, ?, 'body')`, id, m.kind, m.start, m.end);
      ids.push(id);
    }
    return ids;
  });
}

const sample = (i: number) =>
  i % 10 === 0
    ? `${MARK}${i}：第${(i % 22) + 1}条的创业担保贷款请在办理时电话通知，我的手机 139${String(10_000_000 + i).slice(-8)}。`
    : `${MARK}${i}：建议第${(i % 22) + 1}条把退役军人创业担保贷款额度提高到${i}元，贴息期限延长到${(i % 5) + 1}年，申请材料再简化一些，编号${i * 7919}。`;

let sampleIds: number[] = [];

beforeAll(async () => {
  await seedDemo(db, new Date());
  const user = (await findUserByUsername(db, "drafter"))!;
  cookie = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  sampleIds = await insertComments(Array.from({ length: SIZE }, (_, i) => sample(i)));
}, 120_000);

const url = (search: string) => `http://localhost/admin/consultations/${OPEN}/moderation${search}`;
const get = (search: string) =>
  loader({ request: new Request(url(search), { headers: { Cookie: cookie } }), params: { id: String(OPEN) }, context: context() });
const post = (fields: Array<[string, string]>, search = "") =>
  action({
    request: new Request(url(search), {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    }),
    params: { id: String(OPEN) },
    context: context(),
  });
const statusOf = (ids: number[]) => db.select({ id: comments.id, s: comments.moderationStatus }).from(comments).where(inArray(comments.id, ids));
const bulkAudits = () => db.select().from(auditLog).where(eq(auditLog.action, "comment.bulk_by_filter"));

describe("bulk approval by filter on 3,000 comments", () => {
  const search = `?q=${encodeURIComponent(MARK)}`;

  it("offers the action on every matching comment, and confirms with the count and what pending redactions mean", async () => {
    const first = performance.now();
    const page = await get(search);
    console.info(`first queue load with 3,000 new comments (flags computed): ${Math.round(performance.now() - first)} ms`);
    expect(page.queue.total).toBe(SIZE);
    expect(page.queue.items).toHaveLength(50);
    expect(page.bulk).toBeNull();

    const again = performance.now();
    await get(search);
    console.info(`queue load once flags are stored: ${Math.round(performance.now() - again)} ms`);

    const confirm = await get(`${search}&bulk=approve`);
    expect(confirm.bulk?.preview).toMatchObject({ action: "approve", count: SIZE, unreviewed: SIZE / 10 });
    expect(confirm.bulk?.preview?.filtersText).toBe(`待审核、内容包含“${MARK}”`);
    expect((await statusOf(sampleIds)).every((r) => r.s === "pending")).toBe(true);
  });

  it("acts only after the confirmation, and refuses a set that changed since the count was shown", async () => {
    const { preview } = (await get(`${search}&bulk=approve`)).bulk!;
    const refused = unwrap(
      await post([
        ["intent", "bulk-filter"],
        ["q", MARK],
        ["bulk", "approve"],
        ["count", String(SIZE)],
      ])
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.form).toBe("确认信息无效，请重新确认。");

    // A new matching comment arrives between the count and the confirmation.
    const late = await insertComments([`${MARK}迟到的一条：建议简化贴息申请材料，网上就能办。`]);
    const changed = unwrap(
      await post(
        [
          ["intent", "bulk-filter"],
          ["q", MARK],
          ["bulk", "approve"],
          ["count", String(SIZE)],
          ["token", preview!.token],
        ],
        `${search}&bulk=approve`
      )
    );
    expect(changed.status).toBe(409);
    expect(changed.body.errors.form).toBe(`筛选结果已变化：确认时为 ${SIZE} 条，现在为 ${SIZE + 1} 条。未执行任何操作，请核对后重新确认。`);
    expect((await statusOf([...sampleIds, ...late])).every((r) => r.s === "pending")).toBe(true);
    expect(await bulkAudits()).toHaveLength(0);
    sampleIds.push(...late);
  });

  it("approves exactly the matching set in chunks, holds the ones with unreviewed detections, and audits once", async () => {
    const others = (
      await db
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.consultationId, OPEN), eq(comments.moderationStatus, "pending")))
    )
      .map((r) => r.id)
      .filter((id) => !sampleIds.includes(id));
    expect(others.length).toBeGreaterThan(0);
    const { preview } = (await get(`${search}&bulk=approve`)).bulk!;
    expect(preview!.count).toBe(SIZE + 1);

    // How long the event loop is held: a timer that should fire every 10 ms records its longest wait.
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const res = (await post(
      [
        ["intent", "bulk-filter"],
        ["q", MARK],
        ["bulk", "approve"],
        ["count", String(preview!.count)],
        ["token", preview!.token],
      ],
      `${search}&bulk=approve`
    )) as Response;
    const took = performance.now() - started;
    clearInterval(timer);
    console.info(`bulk approval by filter of ${SIZE + 1} comments: ${Math.round(took)} ms; longest event-loop pause ${Math.round(longest)} ms`);

    expect(res.status).toBe(302);
    const held = SIZE / 10;
    expect(res.headers.get("Location")).toBe(
      `/admin/consultations/${OPEN}/moderation?q=${encodeURIComponent(MARK)}&done=filter-approve&n=${SIZE + 1 - held}&held=${held}`
    );
    const after = await statusOf(sampleIds);
    expect(after.filter((r) => r.s === "approved")).toHaveLength(SIZE + 1 - held);
    // Held: every comment with a phone number nobody confirmed stays pending, its detection still to review.
    const pending = after.filter((r) => r.s === "pending").map((r) => r.id);
    expect(pending).toHaveLength(held);
    expect((await db.select().from(redactions).where(inArray(redactions.commentId, pending))).every((s) => s.status === "proposed")).toBe(true);
    expect((await db.select({ b: comments.publishedBody }).from(comments).where(inArray(comments.id, pending))).every((r) => r.b === null)).toBe(true);
    // Nothing outside the filter moved.
    expect((await statusOf(others)).every((r) => r.s === "pending")).toBe(true);
    // One audit entry for the whole action, with the count and the filter; each comment keeps its decision row.
    const audits = await bulkAudits();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].after!)).toMatchObject({
      action: "approve",
      filters: `?q=${encodeURIComponent(MARK)}`,
      count: SIZE + 1,
      done: SIZE + 1 - held,
      completed: true,
    });
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "comment.approve"), inArray(auditLog.entityId, sampleIds.map(String))))
    ).toHaveLength(0);
    expect(await db.select().from(moderationDecisions).where(inArray(moderationDecisions.commentId, sampleIds))).toHaveLength(SIZE + 1 - held);
    expect(longest).toBeLessThan(2000);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // The held ones are one filter away, each saying what is pending.
    const { queue } = await get(`${search}&unreviewed=1`);
    expect(queue.total).toBe(held);
    expect(queue.items.every((i) => i.unreviewed > 0 && i.redactions.some((s) => s.kind === "phone" && s.status === "proposed"))).toBe(true);
  }, 120_000);

  it("rejects by filter only with a reason, and marks and unmarks by filter", async () => {
    const heldSearch = `${search}&unreviewed=1`;
    expect((await get(`${heldSearch}&bulk=reject`)).bulk).toMatchObject({ preview: null, error: "请选择不予公开的理由。" });
    const { preview } = (await get(`${heldSearch}&bulk=reject&bulkReason=personal_data`)).bulk!;
    const res = (await post(
      [
        ["intent", "bulk-filter"],
        ["q", MARK],
        ["unreviewed", "1"],
        ["bulk", "reject"],
        ["bulkReason", "personal_data"],
        ["count", String(preview!.count)],
        ["token", preview!.token],
      ],
      `${heldSearch}&bulk=reject&bulkReason=personal_data`
    )) as Response;
    expect(res.status).toBe(302);
    expect(
      await db
        .select()
        .from(comments)
        .where(and(like(comments.body, `${MARK}%`), eq(comments.moderationStatus, "rejected")))
    ).toHaveLength(SIZE / 10);

    const toMark = (await get(`?status=rejected&q=${encodeURIComponent(MARK)}&bulk=mark`)).bulk!.preview!;
    await post([
      ["intent", "bulk-filter"],
      ["status", "rejected"],
      ["q", MARK],
      ["bulk", "mark"],
      ["count", String(toMark.count)],
      ["token", toMark.token],
    ]);
    expect(await db.select().from(commentMarks)).toHaveLength(SIZE / 10);
    expect((await get(`?status=all&marked=1`)).queue.total).toBe(SIZE / 10);
    const toUnmark = (await get(`?status=all&marked=1&bulk=unmark`)).bulk!.preview!;
    await post([
      ["intent", "bulk-filter"],
      ["status", "all"],
      ["marked", "1"],
      ["bulk", "unmark"],
      ["count", String(toUnmark.count)],
      ["token", toUnmark.token],
    ]);
    expect(await db.select().from(commentMarks)).toHaveLength(0);
    expect((await bulkAudits()).map((a) => JSON.parse(a.after!).action)).toEqual(["approve", "reject", "mark", "unmark"]);
  });
});

describe("redaction safety in bulk approval", () => {
  it("keeps a moderator's edited text when a comment is approved again in bulk", async () => {
    const drafter = (await findUserByUsername(db, "drafter"))!;
    // The detector misses a neighbour's name; the moderator takes it out by hand.
    const [id] = await insertComments(["隔壁老邻居周桂兰家的孩子退伍后一直没找到工作，建议就业见习岗位向农村倾斜。"]);
    const edited = "有位邻居家的孩子退伍后一直没找到工作，建议就业见习岗位向农村倾斜。";
    await approveComment(db, OPEN, drafter, { commentId: id, publishedBody: edited, confirmNoPii: true });
    await rejectComments(db, OPEN, drafter, { ids: [id], reason: "personal_data" });
    await bulkApprove(db, OPEN, drafter, [id]);
    const row = (await db.select().from(comments).where(eq(comments.id, id)).limit(1))[0]!;
    expect(row.moderationStatus).toBe("approved");
    expect(row.publishedBody).toBe(edited);
  });

  it("holds a comment with a low-confidence name detection until a person confirms it", async () => {
    const [id] = await insertComments(["王建军说第十二条的贴息期限太短，应当延长到五年，建议采纳。"]);
    const spans = await db.select().from(redactions).where(eq(redactions.commentId, id));
    expect(spans.map((s) => [s.kind, s.status])).toEqual([["name", "proposed"]]);
    const result = await bulkApprove(db, OPEN, (await findUserByUsername(db, "drafter"))!, [id]);
    expect(result.approved).toEqual([]);
    expect(result.skipped[0].found).toContain("王建军");
  });
});

describe("flags: off-topic and likely duplicates", () => {
  it("flags, explains and filters, and never decides", async () => {
    const [offTopic] = await insertComments(["我家楼下烧烤店天天半夜吵闹，投诉好几次也没人管，太影响休息了。"]);
    const letter = "建议省里统一建设退役军人就业信息平台，岗位信息每周更新，并且与人社部门的招聘系统打通。";
    const [first] = await insertComments([letter], { name: "甲" });
    const [similar] = await insertComments([letter.replace("每周", "每天")], { name: "乙" });
    const [own] = await insertComments([letter], { name: "甲" });
    await refreshModerationFlags(db, OPEN);
    const q = (search: string) => moderationQueue(db, OPEN, parseQueueFilters(new URLSearchParams(search)));

    const off = await q("status=all&offTopic=1");
    expect(off.items.map((i) => i.id)).toContain(offTopic);
    expect(off.items.find((i) => i.id === offTopic)!.offTopicReason).toMatch(/没有共同的实词/);
    expect(off.items.map((i) => i.id)).not.toContain(first);

    const dup = await q("status=all&duplicate=1");
    const byId = new Map(dup.items.map((i) => [i.id, i.duplicate]));
    const receipt = (await db.select().from(comments).where(eq(comments.id, first)).limit(1))[0]!.receiptNo;
    expect(byId.get(similar)).toEqual({ id: first, receiptNo: receipt, sameSender: false });
    // The same sender's copy agrees with the 重复提交 module.
    expect(byId.get(own)).toEqual({ id: first, receiptNo: receipt, sameSender: true });
    expect(byId.has(first)).toBe(false);

    expect((await statusOf([offTopic, similar, own])).every((r) => r.s === "pending")).toBe(true);
    expect(
      await db
        .select()
        .from(commentFlags)
        .where(inArray(commentFlags.commentId, [offTopic, first, similar, own]))
    ).toHaveLength(4);
  });
});
