import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { auditLog, comments, moderationDecisions, redactions } from "~db/schema";
import { detectPii, redact } from "~/engine/pii";
import { moderationQueue } from "~/features/comments/moderation-queue.server";
import { parseQueueFilters } from "~/features/comments/moderation-schema";
import { approveComment, bulkApprove, rejectComments } from "~/features/comments/moderation.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action, loader } from "~/routes/admin.consultations.$id.moderation/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, unwrap, thrown } from "./helpers";

const db = testDb();
const OPEN = 1;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(db, new Date());
  for (const name of ["drafter", "drafter2", "reviewer", "legal"]) {
    const user = (await findUserByUsername(db, name))!;
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
  }
});

const staff = async (name: string) => (await findUserByUsername(db, name))!;
const url = (search = "", id = OPEN) => `http://localhost/admin/consultations/${id}/moderation${search}`;
const get = (who: string | null, search = "", id = OPEN) =>
  loader({ request: new Request(url(search, id), { headers: who ? { Cookie: cookies[who] } : {} }), params: { id: String(id) }, context: context() });
function post(who: string, fields: Array<[string, string]>, search = "") {
  return action({
    request: new Request(url(search), {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[who] },
    }),
    params: { id: String(OPEN) },
    context: context(),
  });
}
const comment = async (id: number) => (await db.select().from(comments).where(eq(comments.id, id)).limit(1))[0]!;
const byText = async (text: string) =>
  (
    await db
      .select()
      .from(comments)
      .where(like(comments.body, `%${text}%`))
      .limit(1)
  )[0]!;
const decisions = (id: number) => db.select().from(moderationDecisions).where(eq(moderationDecisions.commentId, id));
const pendingIds = async () =>
  (
    await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.consultationId, OPEN), eq(comments.moderationStatus, "pending")))
  ).map((r) => r.id);

describe("who may moderate", () => {
  it("lets the consultation's drafters and reviewers in, and nobody else", async () => {
    expect((await get("drafter")).queue.items.length).toBeGreaterThan(0);
    expect((await get("reviewer")).queue.counts.pending).toBeGreaterThan(0);
    expect((await thrown(get("drafter2"))).status).toBe(403);
    expect((await thrown(get("legal"))).status).toBe(403);
    expect((await thrown(get("drafter", "", 9999))).status).toBe(404);
    const anonymous = await thrown(get(null));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("checks again in the action: another division cannot decide", async () => {
    const id = (await pendingIds())[0];
    const refused = await thrown(
      post("drafter2", [
        ["intent", "reject"],
        ["commentId", String(id)],
        ["reason", "spam"],
      ])
    );
    expect(refused.status).toBe(403);
    expect(
      (
        await thrown(
          post("legal", [
            ["intent", "bulk-approve"],
            ["ids", String(id)],
          ])
        )
      ).status
    ).toBe(403);
    expect((await comment(id)).moderationStatus).toBe("pending");
  });
});

describe("the queue", () => {
  it("shows pending comments oldest first, with counts per status", async () => {
    const { queue } = await get("drafter");
    const times = queue.items.map((i) => i.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queue.items.every((i) => i.moderationStatus === "pending")).toBe(true);
    expect(queue.counts.all).toBe(queue.counts.pending + queue.counts.approved + queue.counts.rejected);
  });

  it("filters by personal data, article, text and campaign", async () => {
    const q = (search: string) => moderationQueue(db, OPEN, parseQueueFilters(new URLSearchParams(search)));
    const pii = await q("status=all&pii=1");
    expect(pii.items.length).toBeGreaterThanOrEqual(4);
    expect(pii.items.every((i) => i.hasPii)).toBe(true);
    expect((await q("status=all&article=15")).items.every((i) => i.articles.includes(15))).toBe(true);
    expect((await q("status=all&q=汽修店")).items.map((i) => i.body)).toEqual([expect.stringContaining("汽修店")]);
    // Campaigns come from an analysis run; before one, the filter simply finds nothing.
    expect((await q("status=all&campaign=1")).total).toBe(0);
    expect((await q("status=bogus&page=-3")).items.length).toBeGreaterThan(0);
    expect((await q("status=all")).total).toBe((await db.select().from(comments).where(eq(comments.consultationId, OPEN))).length);
  });

  it("proposes the text with the detector's spans redacted", async () => {
    const he = await byText("15840236619");
    const item = (await moderationQueue(db, OPEN, parseQueueFilters(new URLSearchParams("pii=1")))).items.find((i) => i.id === he.id)!;
    // "我叫何永强": a name after 我叫 is redacted as surely as the number.
    expect(item.redactions.map((r) => [r.kind, r.status])).toEqual([
      ["name", "proposed"],
      ["phone", "proposed"],
    ]);
    expect(item.proposedText).toContain("[手机号已隐去]");
    expect(item.proposedText).toContain("我叫[姓名已隐去]");
    expect(item.proposedText).not.toContain("15840236619");
    expect(item.stillDetected).toBeNull();
  });
});

describe("decisions", () => {
  it("approves with the redaction: the public text has no number, the original is untouched", async () => {
    const he = await byText("15840236619");
    const { queue } = await get("drafter", "?pii=1");
    const item = queue.items.find((i) => i.id === he.id)!;
    const res = (await post(
      "drafter",
      [
        ["intent", "approve"],
        ["commentId", String(he.id)],
        ["publishedBody", item.proposedText],
        ["next", "7"],
      ],
      "?pii=1"
    )) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/admin/consultations/${OPEN}/moderation?pii=1&done=approve&n=1#comment-7`);
    const after = await comment(he.id);
    expect(after.moderationStatus).toBe("approved");
    expect(after.publishedBody).toContain("[手机号已隐去]");
    expect(after.publishedBody).not.toMatch(/15840236619/);
    expect(after.body).toBe(he.body);
    expect(after.moderatedAt).not.toBeNull();
    expect((await db.select().from(redactions).where(eq(redactions.commentId, he.id))).map((r) => r.status)).toEqual(["accepted", "accepted"]);
    expect(await decisions(he.id)).toMatchObject([{ decision: "approved", moderatorId: (await staff("drafter")).id }]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "comment"), eq(auditLog.entityId, String(he.id))));
    expect(audit.map((a) => a.action)).toEqual(["comment.approve"]);
    expect(audit[0].after).not.toContain("15840236619");
  });

  it("refuses a public text that still holds a phone number, unless the moderator confirms", async () => {
    const id = (await pendingIds())[0];
    const typed = "请联系我，电话 13912345678。";
    const { status, body } = unwrap(
      await post("drafter", [
        ["intent", "approve"],
        ["commentId", String(id)],
        ["publishedBody", typed],
      ])
    );
    expect(status).toBe(400);
    expect(body.commentId).toBe(id);
    expect(body.errors.publishedBody).toContain("手机号“13912345678”");
    expect(body.values.publishedBody).toBe(typed);
    expect((await comment(id)).moderationStatus).toBe("pending");
    expect(await decisions(id)).toHaveLength(0);

    const res = (await post("reviewer", [
      ["intent", "approve"],
      ["commentId", String(id)],
      ["publishedBody", typed],
      ["confirmNoPii", "on"],
    ])) as Response;
    expect(res.status).toBe(302);
    expect((await comment(id)).publishedBody).toBe(typed);
    expect((await decisions(id))[0].note).toMatch(/^已核对，确认无个人信息/);
  });

  it("rejects with a reason, and a rejected comment keeps its place in the record", async () => {
    const id = (await pendingIds())[0];
    expect(
      unwrap(
        await post("drafter", [
          ["intent", "reject"],
          ["commentId", String(id)],
          ["note", "广告"],
        ])
      ).body.errors.reason
    ).toBe("请选择不予公开的理由。");
    const res = (await post("drafter", [
      ["intent", "reject"],
      ["commentId", String(id)],
      ["reason", "off_topic"],
      ["note", "与本办法无关"],
    ])) as Response;
    expect(res.status).toBe(302);
    expect(await comment(id)).toMatchObject({ moderationStatus: "rejected", rejectReason: "off_topic" });
    expect(await decisions(id)).toMatchObject([{ decision: "rejected", reason: "off_topic", note: "与本办法无关" }]);
    expect(await db.select().from(comments).where(eq(comments.id, id))).toHaveLength(1);
  });

  it("approves and rejects in bulk, each with its own decision and audit entry", async () => {
    const [a, b, c] = await pendingIds();
    expect(unwrap(await post("drafter", [["intent", "bulk-approve"]])).body.errors.ids).toBe("请先勾选要处理的意见。");
    expect(
      (await post("drafter", [
        ["intent", "bulk-approve"],
        ["ids", String(a)],
        ["ids", String(b)],
      ])) as Response
    ).toMatchObject({ status: 302 });
    expect([(await comment(a)).moderationStatus, (await comment(b)).moderationStatus]).toEqual(["approved", "approved"]);
    expect((await comment(a)).publishedBody).toBe(redact((await comment(a)).body, detectPii((await comment(a)).body)));

    const noReason = unwrap(
      await post("drafter", [
        ["intent", "bulk-reject"],
        ["ids", String(c)],
      ])
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.ids).toEqual([String(c)]);
    expect(
      (await post("drafter", [
        ["intent", "bulk-reject"],
        ["ids", String(c)],
        ["reason", "duplicate"],
      ])) as Response
    ).toMatchObject({ status: 302 });
    expect(await comment(c)).toMatchObject({ moderationStatus: "rejected", rejectReason: "duplicate" });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityType, "comment"))).filter((x) => [a, b, c].map(String).includes(x.entityId!));
    expect(actions.map((x) => x.action).sort()).toEqual(["comment.approve", "comment.approve", "comment.reject"]);
  });

  it("refuses ids of another consultation", async () => {
    const other = (await db.select().from(comments).where(eq(comments.consultationId, 3)).limit(1))[0]!;
    const { status, body } = unwrap(
      await post("drafter", [
        ["intent", "bulk-reject"],
        ["ids", String(other.id)],
        ["reason", "spam"],
      ])
    );
    expect(status).toBe(404);
    expect(body.errors.ids).toMatch(/不属于本征求意见/);
    expect((await comment(other.id)).moderationStatus).toBe(other.moderationStatus);
  });

  it("leaves a comment whose redacted text still trips the detector to a person in bulk", async () => {
    const id = (await pendingIds())[0];
    // As if the detector had missed this number at intake and learnt it since.
    await db.update(comments).set({ body: "我的电话是 13812345678，请回电。" }).where(eq(comments.id, id));
    const result = await bulkApprove(db, OPEN, await staff("drafter"), [id]);
    expect(result.approved).toEqual([]);
    expect(result.skipped[0].found).toContain("13812345678");
    expect((await comment(id)).moderationStatus).toBe("pending");
  });

  it("allows deciding again, and keeps every earlier decision", async () => {
    const ma = await byText("汽修店");
    expect(ma.moderationStatus).toBe("approved");
    await rejectComments(db, OPEN, await staff("drafter"), { ids: [ma.id], reason: "personal_data" });
    expect((await comment(ma.id)).moderationStatus).toBe("rejected");
    await approveComment(db, OPEN, await staff("reviewer"), { commentId: ma.id, publishedBody: (await comment(ma.id)).publishedBody!, confirmNoPii: false });
    expect(await comment(ma.id)).toMatchObject({ moderationStatus: "approved", rejectReason: null });
    expect((await decisions(ma.id)).map((d) => d.decision)).toEqual(["approved", "rejected", "approved"]);
  });

  it("keeps the audit chain intact", async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, problem: null });
  });
});
