import { raw } from "~db/client.server";
// Following one consultation (double opt-in, one-click unsubscribe): its followers hear that the
// period was extended, that it closed and that the feedback was published, once each; a commenter
// may follow (or stop following) their own comment, which decides whether its answer is mailed.
import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { dispositions, emailOutbox, subscriptions } from "~db/schema";
import { extendDeadline } from "~/features/consultations/consultation-workflow.server";
import { recordOpinion } from "~/features/responses/dispositions.server";
import { markLegalReviewFinished, markLegalReviewReceived, submitToLegalReview } from "~/features/packet/legal-review.server";
import { NOTICE_JOBS } from "~/features/notices/scheduled-notices.server";
import { sendDue } from "~/features/notices/outbox-sender.server";
import { newReceiptNo, statusToken } from "~/features/comments/receipt.server";
import { generateSummary, publishSummary, reviewSummary, submitSummary } from "~/features/responses/summary-workflow.server";
import { action as subscribeAction, loader as subscribeLoader } from "~/routes/subscribe/route";
import { action as confirmAction } from "~/routes/subscribe_.confirm.$token";
import { action as statusLinkAction, loader as statusLinkLoader } from "~/routes/status_.$receiptNo.$token/route";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { runDueJobs } from "~/platform/scheduler.server";
import { useSmtpSink } from "../setup/smtp-sink";
import { context, formRequest, testDb, unwrap } from "./helpers";
import { commentAt, consultationAt, staff, subscription } from "./notice-fixtures";
import { seedAnalysis } from "./topic-fixtures";

const db = testDb();
const day = 86_400_000;
const smtp = useSmtpSink();
beforeEach(async () => {
  await resetRateLimits();
  smtp.sink.received.length = 0;
});

const drafter = await staff(db, "drafter", "关注测试处", "follow-drafter@example.gov.cn");
const reviewer = await staff(db, "reviewer", "办公室", "follow-reviewer@example.gov.cn");
const legal = await staff(db, "legal", "政策法规处", "follow-legal@example.gov.cn");
const post = (url: string, fields: Record<string, string>) => subscribeAction({ request: formRequest(url, fields), context: context(), params: {} });
const follows = (id: number, kind: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.kind, kind), like(emailOutbox.dedupeKey, `follow-%:${id}:%`)));

describe("following a consultation", () => {
  it("asks for confirmation from the consultation's own form, and refuses one that cannot be followed", async () => {
    const c = await consultationAt(db, drafter, {
      opensAt: new Date(Date.now() - day),
      closesAt: new Date(Date.now() + 20 * day),
      title: "关注测试办法（征求意见稿）",
    });
    const page = await subscribeLoader({ request: new Request(`http://localhost/subscribe?consultation=${c.id}`), params: {}, context: context() });
    expect(page.follow).toEqual({ id: c.id, title: c.title });
    expect(await subscribeLoader({ request: new Request("http://localhost/subscribe?consultation=99999"), params: {}, context: context() })).toMatchObject({
      follow: null,
      followMissing: true,
    });

    const missing = unwrap(await post("/subscribe", { email: "f@example.com", scope: "consultation", consultation: "99999" }));
    expect(missing).toMatchObject({
      status: 400,
      body: { errors: { form: "该征求意见不存在，或意见采纳情况已经公布，无需再关注。" }, values: { email: "f@example.com" } },
    });
    const noId = unwrap(await post("/subscribe", { email: "f@example.com", scope: "consultation" }));
    expect(noId.body.errors.form).toBe("未找到要关注的征求意见，请从征求意见页面重新打开关注链接。");

    expect(
      unwrap(await post(`/subscribe?consultation=${c.id}`, { email: "Follower@Example.com", scope: "consultation", consultation: String(c.id) })).body.sentTo
    ).toBe("follower@example.com");
    await sendDue(db, smtp.mailer, { log: () => undefined });
    const [mail] = await smtp.sink.waitFor((m) => m.envelopeTo.includes("follower@example.com"));
    expect(mail.text).toContain("《关注测试办法（征求意见稿）》的进展");
    const token = /subscribe\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await confirmAction({ request: formRequest(`/subscribe/confirm/${token}`, {}), params: { token }, context: context() });
    expect((await db.select().from(subscriptions).where(eq(subscriptions.email, "follower@example.com")).limit(1))[0]).toMatchObject({
      status: "active",
      scope: "consultation",
      scopeValue: String(c.id),
    });
    const welcome = (
      await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.kind, "subscription_welcome"), eq(emailOutbox.toAddress, "follower@example.com")))
        .limit(1)
    )[0]!;
    expect(welcome.textBody).toContain("延长期限、截止征求意见、公布意见采纳情况时");
  });

  it("tells followers of an extension, the close and the publication, once each, and no one else", async () => {
    const now = Date.now();
    const c = await consultationAt(db, drafter, { opensAt: new Date(now - 30 * day), closesAt: new Date(now + 2 * day) });
    const other = await consultationAt(db, drafter, { opensAt: new Date(now - 30 * day), closesAt: new Date(now + 2 * day) });
    const follower = await subscription(db, "watch@example.com", "consultation", String(c.id));
    await subscription(db, "pending-watch@example.com", "consultation", String(c.id), "pending");
    await subscription(db, "other-watch@example.com", "consultation", String(other.id));
    await subscription(db, "everything@example.com", "all", null);

    await extendDeadline(db, c.id, drafter, new Date(now + 5 * day), "延长以便充分听取意见", new Date(now));
    expect((await follows(c.id, "follow_extended")).map((m) => m.toAddress)).toEqual(["watch@example.com"]);
    await extendDeadline(db, c.id, drafter, new Date(now + 6 * day), "再次延长", new Date(now));
    expect(await follows(c.id, "follow_extended")).toHaveLength(2);
    expect(await follows(other.id, "follow_extended")).toHaveLength(0);

    // The period ends; the 09:00 run tells followers once, however often it runs.
    const closesAt = new Date(now + 6 * day);
    const closeJob = NOTICE_JOBS.filter((j) => j.name === "follow-closed");
    expect(closeJob).toHaveLength(1);
    await runDueJobs(db, closeJob, new Date(closesAt.getTime() + day));
    await db.transaction((tx) => closeJob[0].run(tx, { period: "again", now: new Date(closesAt.getTime() + 2 * day) }));
    expect((await follows(c.id, "follow_closed")).map((m) => m.toAddress)).toEqual(["watch@example.com"]);

    // Published: answers, summary, legal review finished.
    const received = new Date(now - 10 * day);
    const m = await commentAt(db, c.id, received, { receiptNo: newReceiptNo(received) });
    const { topicIds } = await seedAnalysis(raw(db), c.id, [{ label: "主题", publicTitle: "审定主题", commentIds: [m.id] }]);
    const after = new Date(closesAt.getTime() + day);
    await answerTopic(db, c.id, drafter, topicIds[0], { decision: "adopted", reason: "", articleIdentityId: null, changeMade: "已修改" }, after);
    await generateSummary(db, c.id, drafter, "测试厅", after);
    await submitSummary(db, c.id, drafter, "经研究，采纳。", true, after);
    await reviewSummary(db, c.id, reviewer, "approved", undefined, after);
    await submitToLegalReview(db, c.id, drafter, after);
    await markLegalReviewReceived(db, c.id, legal, after);
    await markLegalReviewFinished(db, c.id, legal, "同意。", after);
    await publishSummary(db, c.id, drafter, after);
    const published = await follows(c.id, "follow_published");
    expect(published.map((p) => p.toAddress)).toEqual(["watch@example.com"]);
    expect(
      (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "everything@example.com"))).filter((r) => r.kind.startsWith("follow_"))
    ).toHaveLength(0);

    await sendDue(db, smtp.mailer, { log: () => undefined, clock: () => new Date(closesAt.getTime() + 3 * day) });
    const mails = await smtp.sink.waitFor((x) => x.envelopeTo.includes("watch@example.com"), { count: 4 });
    expect(mails.map((x) => x.subject.replace(/：.*$/, "")).sort()).toEqual(
      ["征求意见已截止", "征求意见期已延长", "征求意见期已延长", "意见采纳情况已公布"].sort()
    );
    const last = mails.find((x) => x.subject.startsWith("意见采纳情况已公布"))!;
    expect(last.text).toContain(`http://localhost:3000/consultations/${c.id}/feedback`);
    expect(last.header("list-unsubscribe")).toContain(`/unsubscribe/${follower.id}.`);
  });
});

describe("following one's own comment", () => {
  it("mails the answer at publication only to commenters who follow their comment, as set at submission or from the status page", async () => {
    const now = Date.now();
    const c = await consultationAt(db, drafter, { opensAt: new Date(now - 30 * day), closesAt: new Date(now - day) });
    const received = new Date(now - 10 * day);
    const following = await commentAt(db, c.id, received, { receiptNo: newReceiptNo(received), email: "keen@example.com" });
    const unticked = await commentAt(db, c.id, received, { receiptNo: newReceiptNo(received), email: "quiet@example.com", notifyResult: false });
    const changedMind = await commentAt(db, c.id, received, { receiptNo: newReceiptNo(received), email: "later@example.com", notifyResult: false });
    const leaving = await commentAt(db, c.id, received, { receiptNo: newReceiptNo(received), email: "leaving@example.com" });

    // From the page a notice's link opens: follow, or no longer.
    const toggle = (r: { receiptNo: string }, follow: string, token = statusToken(r.receiptNo)) =>
      statusLinkAction({
        request: formRequest(`/status/${r.receiptNo}/${token}`, { intent: "follow", follow }),
        params: { receiptNo: r.receiptNo, token },
        context: context(),
      });
    expect(((await toggle(changedMind, "on")) as Response).status).toBe(303);
    expect(((await toggle(leaving, "off")) as Response).status).toBe(303);
    expect(unwrap(await toggle(unticked, "on", "forged-token-forged-token-forged1"))).toMatchObject({ status: 400 });
    expect(unwrap(await toggle(unticked, "maybe"))).toMatchObject({ status: 400 });
    const shown = await statusLinkLoader({
      request: new Request("http://localhost/"),
      params: { receiptNo: leaving.receiptNo, token: statusToken(leaving.receiptNo) },
      context: context(),
    });
    expect(shown.status!.follow).toEqual({ email: true, on: false, open: true });

    const { topicIds } = await seedAnalysis(raw(db), c.id, [
      { label: "主题", publicTitle: "审定主题", commentIds: [following.id, unticked.id, changedMind.id, leaving.id] },
    ]);
    await answerTopic(db, c.id, drafter, topicIds[0], { decision: "not_adopted", reason: "暂不采纳", articleIdentityId: null, changeMade: "" });
    await generateSummary(db, c.id, drafter, "测试厅");
    await submitSummary(db, c.id, drafter, "经研究，暂不采纳。", true);
    await reviewSummary(db, c.id, reviewer, "approved", undefined);
    await submitToLegalReview(db, c.id, drafter);
    await markLegalReviewReceived(db, c.id, legal);
    await markLegalReviewFinished(db, c.id, legal, "同意。");
    await publishSummary(db, c.id, drafter);
    const results = (await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "disposition"))).filter((r) =>
      [following, unticked, changedMind, leaving].some((x) => r.dedupeKey === `result:${x.id}`)
    );
    expect(results.map((r) => r.toAddress).sort()).toEqual(["keen@example.com", "later@example.com"]);
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
