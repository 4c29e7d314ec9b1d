import { raw } from "~db/client.server";
// Citizens are told when it is final, and the legal office's review is a real round trip: answers
// recorded and changed mail nobody; the legal office returns the packet with opinions, the drafter
// answers and resubmits, the legal office finishes; only then can the feedback be published, which
// queues one result notice per commenter with the answer at that moment, delivered to a real SMTP
// server with a link that opens the status page.
import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, dispositions, emailOutbox } from "~db/schema";
import { WorkflowError } from "~/features/consultations/workflow-error";
import { recordDisposition, recordOpinion } from "~/features/responses/dispositions.server";
import {
  addLegalOpinion,
  answerLegalOpinion,
  getLegalReview,
  legalOpinionsOf,
  markLegalReviewFinished,
  markLegalReviewReceived,
  resubmitLegalReview,
  returnLegalReview,
  submitToLegalReview,
} from "~/features/packet/legal-review.server";
import { queueResultNotices } from "~/features/notices/comment-status-notices.server";
import { sendDue } from "~/features/notices/outbox-sender.server";
import { newReceiptNo } from "~/features/comments/receipt.server";
import { generateSummary, publishSummary, reviewSummary, submitSummary } from "~/features/responses/summary-workflow.server";
import { loader as statusByLink } from "~/routes/status_.$receiptNo.$token/route";
import { verifyAuditChain } from "~/platform/audit.server";
import { useSmtpSink } from "../setup/smtp-sink";
import { context, testDb } from "./helpers";
import { commentAt, consultationAt, staff } from "./notice-fixtures";
import { seedAnalysis } from "./topic-fixtures";

const db = testDb();
const day = 86_400_000;
const smtp = useSmtpSink();
beforeEach(() => {
  smtp.sink.received.length = 0;
});

const drafter = await staff(db, "drafter", "终稿测试处", "final-drafter@example.gov.cn");
const reviewer = await staff(db, "reviewer", "办公室", "final-reviewer@example.gov.cn");
const legal = await staff(db, "legal", "政策法规处", "final-legal@example.gov.cn");

async function closedWithComments() {
  const c = await consultationAt(db, drafter, { opensAt: new Date(Date.now() - 40 * day), closesAt: new Date(Date.now() - 5 * day) });
  const received = new Date(Date.now() - 20 * day);
  const mk = (email: string | null) => commentAt(db, c.id, received, { email, receiptNo: newReceiptNo(received) });
  const [a, b, silent, own] = [await mk("final-a@example.com"), await mk("final-b@example.com"), await mk(null), await mk("final-own@example.com")];
  const { topicIds } = await seedAnalysis(raw(db), c.id, [{ label: "就业服务", publicTitle: "就业服务保障", commentIds: [a.id, b.id, silent.id, own.id] }]);
  return { c, a, b, silent, own, topicId: topicIds[0] };
}

const resultMails = async (consultationComments: number[]) =>
  (await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "disposition"))).filter((m) =>
    consultationComments.some((id) => m.dedupeKey === `result:${id}`)
  );

async function refused(fn: () => unknown): Promise<WorkflowError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("result notices wait for the final answer", () => {
  it("queues nothing while answers are recorded and changed, and one notice per commenter at publication", async () => {
    const { c, a, b, silent, own, topicId } = await closedWithComments();
    const ids = [a.id, b.id, silent.id, own.id];
    await answerTopic(db, c.id, drafter, topicId, { decision: "not_adopted", reason: "暂不具备条件", articleIdentityId: null, changeMade: "" });
    await answerTopic(db, c.id, drafter, topicId, { decision: "partly_adopted", reason: "分步实施", articleIdentityId: null, changeMade: "增加就业服务条款" });
    await recordDisposition(db, c.id, drafter, {
      commentId: own.id,
      decision: "already_provided",
      reason: "初稿答复",
      articleIdentityId: null,
      changeMade: "",
    });
    expect(await resultMails(ids)).toHaveLength(0);

    await generateSummary(db, c.id, drafter, "测试厅");
    await submitSummary(db, c.id, drafter, "经研究，部分采纳。", true);
    await reviewSummary(db, c.id, reviewer, "approved", undefined);
    await submitToLegalReview(db, c.id, drafter);
    await markLegalReviewReceived(db, c.id, legal);
    await markLegalReviewFinished(db, c.id, legal, "经审查，未发现合法性问题。");
    // Changed again after the legal review: the notice carries the answer at publication, not an earlier one.
    await recordDisposition(db, c.id, drafter, {
      commentId: own.id,
      decision: "adopted",
      reason: "",
      articleIdentityId: null,
      changeMade: "第三条采纳您的建议",
    });
    expect(await resultMails(ids)).toHaveLength(0);

    await publishSummary(db, c.id, drafter);
    const queued = await resultMails(ids);
    expect(queued.map((m) => m.toAddress).sort()).toEqual(["final-a@example.com", "final-b@example.com", "final-own@example.com"]);
    // A retried publication queues nothing more; publishing again is refused.
    await db.transaction((tx) => queueResultNotices(tx, c.id));
    expect((await refused(() => publishSummary(db, c.id, drafter))).message).toBe("意见采纳情况说明已公布。");
    expect(await resultMails(ids)).toHaveLength(3);

    await sendDue(db, smtp.mailer, { log: () => undefined });
    const mails = await smtp.sink.waitFor((m) => m.envelopeTo[0]?.startsWith("final-") ?? false, { count: 3 });
    const ownMail = mails.find((m) => m.envelopeTo[0] === "final-own@example.com")!;
    expect(ownMail.subject).toBe(`您的意见处理结果：采纳 ${own.receiptNo}`);
    expect(ownMail.text).toContain("修改情况：第三条采纳您的建议");
    expect(ownMail.text).not.toContain("初稿答复");
    expect(mails.find((m) => m.envelopeTo[0] === "final-a@example.com")!.text).toContain("处理结果为：部分采纳");

    // The link in the mail opens the status page, with the answer, and no check code.
    const link = /http:\/\/localhost:3000(\/status\/[^\s)]+)/.exec(ownMail.text)![1];
    const [, , receiptNo, token] = link.split("/");
    const page = await statusByLink({ request: new Request(`http://localhost${link}`), params: { receiptNo, token }, context: context() });
    expect(page.status).toMatchObject({ receiptNo: own.receiptNo });
    expect(page.status!.steps.at(-1)).toMatchObject({ label: "已研究", state: "current", detail: "处理结果：采纳。修改情况：第三条采纳您的建议" });
    const forged = await statusByLink({
      request: new Request(`http://localhost${link}x`),
      params: { receiptNo, token: `${token.slice(0, -1)}x` },
      context: context(),
    });
    expect(forged.status).toBeNull();
    const other = await statusByLink({ request: new Request("http://localhost/"), params: { receiptNo: a.receiptNo, token }, context: context() });
    expect(other.status).toBeNull();
  });
});

describe("the legal review's round trip", () => {
  it("returns with opinions, takes answers and a resubmission, finishes; publication waits for the finish", async () => {
    const { c, topicId } = await closedWithComments();
    await answerTopic(db, c.id, drafter, topicId, { decision: "not_adopted", reason: "暂不具备条件", articleIdentityId: null, changeMade: "" });
    await generateSummary(db, c.id, drafter, "测试厅");
    await submitSummary(db, c.id, drafter, "经研究，暂不采纳。", true);
    await reviewSummary(db, c.id, reviewer, "approved", undefined);
    await submitToLegalReview(db, c.id, drafter);
    const stage = async () => (await getLegalReview(db, c.id))!;
    const publishRefusal = async () => (await refused(() => publishSummary(db, c.id, drafter))).message;
    expect(await stage()).toMatchObject({ stage: "submitted", round: 1 });
    expect(await publishRefusal()).toContain("法制机构尚未审查完毕（第 1 轮，待登记）");

    // Only the legal office acts for the legal office; opinions need the packet taken in first.
    expect((await refused(() => markLegalReviewReceived(db, c.id, drafter))).status).toBe(403);
    expect((await refused(() => addLegalOpinion(db, c.id, legal, { article: null, body: "依据不足" }))).message).toBe("请先登记接收。");
    await markLegalReviewReceived(db, c.id, legal);
    expect(await publishRefusal()).toContain("审查中");
    expect((await refused(() => returnLegalReview(db, c.id, legal))).message).toBe("退回修改前请至少填写一条审查意见。");
    await addLegalOpinion(db, c.id, legal, { article: null, body: "请补充上位法依据。" });
    await addLegalOpinion(db, c.id, legal, { article: null, body: "第二条表述不清。" });
    expect((await refused(() => markLegalReviewFinished(db, c.id, legal, "结论"))).message).toContain("本轮已填写 2 条审查意见");
    await returnLegalReview(db, c.id, legal);
    expect(await stage()).toMatchObject({ stage: "returned", round: 1 });
    expect(await publishRefusal()).toContain("法制机构已退回修改（第 1 轮）");

    const [first, second] = await legalOpinionsOf(db, c.id);
    expect(first).toMatchObject({ round: 1, article: "总体意见", body: "请补充上位法依据。", answer: null });
    expect((await refused(() => answerLegalOpinion(db, c.id, legal, { opinionId: first.id, answer: "x" }))).status).toBe(403);
    await answerLegalOpinion(db, c.id, drafter, { opinionId: first.id, answer: "已在说明中补充依据。" });
    expect((await refused(() => resubmitLegalReview(db, c.id, drafter))).message).toBe("还有 1 条审查意见尚未答复，答复全部意见后才能重新报送。");
    await answerLegalOpinion(db, c.id, drafter, { opinionId: second.id, answer: "已修改第二条。" });
    await resubmitLegalReview(db, c.id, drafter);
    expect(await stage()).toMatchObject({ stage: "submitted", round: 2, receivedAt: null, returnedAt: null });
    expect(await publishRefusal()).toContain("第 2 轮，待登记");

    await markLegalReviewReceived(db, c.id, legal);
    await markLegalReviewFinished(db, c.id, legal, "经审查，同意公布。");
    expect(await stage()).toMatchObject({ stage: "finished", round: 2, note: "经审查，同意公布。" });
    expect((await refused(() => addLegalOpinion(db, c.id, legal, { article: null, body: "晚了" }))).message).toBe("已登记审查完毕。");
    await publishSummary(db, c.id, drafter);

    // Every step is audited; each notified the other side once.
    const actions = (
      await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(c.id)))
    ).map((a) => a.action);
    for (const a of [
      "legal_review.receive",
      "legal_review.opinion",
      "legal_review.return",
      "legal_review.answer",
      "legal_review.resubmit",
      "legal_review.finish",
      "consultation.feedback_publish",
    ]) {
      expect(actions).toContain(a);
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const toDrafter = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.kind, "legal_progress"), eq(emailOutbox.toAddress, drafter.email!), like(emailOutbox.subject, `%${c.title}%`)));
    expect(toDrafter.map((m) => m.subject.replace(/：.*$/, ""))).toEqual([
      "法制机构已登记接收（第 1 轮）",
      "法制机构退回修改（第 1 轮）",
      "法制机构已登记接收（第 2 轮）",
      "合法性审查完毕（第 2 轮）",
    ]);
    expect(toDrafter.at(-1)!.textBody).toContain("审查结论：经审查，同意公布。");
    const toLegal = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.kind, "packet_arrival"), eq(emailOutbox.toAddress, legal.email!), like(emailOutbox.subject, `%${c.title}%`)));
    expect(toLegal.map((m) => m.subject.startsWith("意见处理材料已送达（第 2 轮）"))).toEqual([false, true]);
  });
});

/** Answers every comment of a topic with one opinion (意见要点), revising it when it exists. */
async function answerTopic(
  db: Parameters<typeof recordOpinion>[0],
  consultationId: number,
  actor: Parameters<typeof recordOpinion>[2],
  topicId: number,
  fields: { decision: OpinionAnswer["decision"]; reason: string; articleIdentityId: number | null; changeMade: string },
  now?: Date
) {
  const existing = (await db.select({ id: dispositions.id }).from(dispositions).where(eq(dispositions.topicId, topicId)).limit(1))[0];
  return recordOpinion(
    db,
    consultationId,
    actor,
    { topicId, opinionId: existing?.id, title: "就业服务方面的意见", commentIds: [], listedIds: [], includeUnanswered: true, ...fields },
    now
  );
}
type OpinionAnswer = Parameters<typeof recordOpinion>[3];
