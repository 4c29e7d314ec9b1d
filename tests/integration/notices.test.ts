// Notices caused by events, delivered to a real SMTP server: status changes of a comment, the
// disposition, review requests, new consultations for subscribers, packet arrival.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { dispositions, emailOutbox, legalReviews } from "~db/schema";
import { checkCodeFor, statusToken } from "~/features/comments/receipt.server";
import { approveComment, rejectComments } from "~/features/comments/moderation.server";
import { extendDeadline, review, submitForReview } from "~/features/consultations/consultation-workflow.server";
import { queueResultNotice } from "~/features/notices/comment-status-notices.server";
import { queuePacketArrivalNotice } from "~/features/notices/handoff-notices.server";
import { sendDue } from "~/features/notices/outbox-sender.server";
import { verifyUnsubscribeToken } from "~/features/notices/subscription.server";
import { useSmtpSink } from "../setup/smtp-sink";
import { commentAt, consultationAt, readyDraft, staff, subscription } from "./notice-fixtures";
import { testDb } from "./helpers";

const db = testDb();
const day = 86_400_000;
const smtp = useSmtpSink();
beforeEach(async () => {
  await db.delete(emailOutbox);
  smtp.sink.received.length = 0;
});

async function deliver() {
  await sendDue(db, smtp.mailer, { log: () => undefined });
  const rows = await db.select().from(emailOutbox);
  await smtp.sink.waitFor(() => true, { count: rows.length });
  expect(rows.every((r) => r.status === "sent")).toBe(true);
  return smtp.sink.received;
}

const drafter = await staff(db, "drafter", "通知测试处", "drafter@example.gov.cn");
const reviewer = await staff(db, "reviewer", "办公室", "reviewer@example.gov.cn");
const quietReviewer = await staff(db, "reviewer", "办公室", null); // no address: nothing to send
await staff(db, "reviewer", "办公室", "retired@example.gov.cn", false); // inactive: never told
const legal = await staff(db, "legal", "政策法规处", "legal@example.gov.cn");

describe("status changes of a comment", async () => {
  const c = await consultationAt(db, drafter, {
    opensAt: new Date(Date.now() - 5 * day),
    closesAt: new Date(Date.now() + 20 * day),
    title: "关于《就业办法》\n的意见",
  });
  const webKey = "notice-web-key-0123456789";

  it("tells the commenter that the comment was published, once, with a working status link", async () => {
    const m = await commentAt(db, c.id, new Date(), { email: "pub@example.com", idempotencyKey: webKey, publishPreference: "named" });
    await approveComment(db, c.id, drafter, { commentId: m.id, publishedBody: "意见", confirmNoPii: false });
    await approveComment(db, c.id, drafter, { commentId: m.id, publishedBody: "意见（修改）", confirmNoPii: false });
    const [mail, ...more] = await deliver();
    expect(more).toHaveLength(0);
    expect(mail.envelopeTo).toEqual(["pub@example.com"]);
    expect(mail.subject).toBe(`您的意见已通过审核 ${m.receiptNo}`);
    expect(mail.text).toContain("《关于《就业办法》 的意见》");
    expect(mail.text).toContain("已实名公开");
    // The link opens this receipt's status by a signed token; never the code, which would stay in the history of the browser that opens it.
    expect(mail.text).toContain(`/status/${m.receiptNo}/${statusToken(m.receiptNo)}`);
    expect(mail.text).not.toContain("code=");
    expect(mail.text).not.toContain(checkCodeFor(webKey));
  });

  it("tells the commenter a comment was not published, and why; a comment without email is not mailed", async () => {
    const m = await commentAt(db, c.id, new Date(), { email: "rej@example.com", channel: "letter" });
    const silent = await commentAt(db, c.id, new Date());
    await rejectComments(db, c.id, drafter, { ids: [m.id, silent.id], reason: "off_topic" });
    const [mail, ...more] = await deliver();
    expect(more).toHaveLength(0);
    expect(mail.subject).toBe(`您的意见未予公开 ${m.receiptNo}`);
    expect(mail.text).toContain("理由：与本次征求意见内容无关");
    // Entered by staff from a letter: the code is on the receipt only; the link shows the status without it.
    expect(mail.text).toContain(`/status/${m.receiptNo}/${statusToken(m.receiptNo)}`);
    expect(mail.text).not.toContain("&code=");
  });

  it("tells the answer once, for the feedback's publication to trigger", async () => {
    const m = await commentAt(db, c.id, new Date(), { email: "disp@example.com", idempotencyKey: "notice-disp-key-0123456789" });
    await db
      .insert(dispositions)
      .values({ consultationId: c.id, commentId: m.id, decision: "partly_adopted", reason: "已在第五条中增加相关内容。", decidedBy: drafter.id });
    await db.transaction(async (tx) => {
      expect(await queueResultNotice(tx, m.id)).toBe(true);
      await queueResultNotice(tx, m.id);
    });
    const [mail, ...more] = await deliver();
    expect(more).toHaveLength(0);
    expect(mail.subject).toBe(`您的意见处理结果：部分采纳 ${m.receiptNo}`);
    expect(mail.text).toContain("说明：已在第五条中增加相关内容。");
  });
});

describe("hand-offs between staff", () => {
  it("asks every active reviewer with an email, but not the author, and again after a return", async () => {
    const id = await readyDraft(db, drafter, "待审核的办法（征求意见稿）");
    await submitForReview(db, id, drafter);
    const [mail, ...more] = await deliver();
    expect(more).toHaveLength(0);
    expect(mail.envelopeTo).toEqual([reviewer.email]);
    expect(mail.subject).toBe("待审核：《待审核的办法（征求意见稿）》");
    expect(mail.text).toContain(`${drafter.displayName}提交了《待审核的办法（征求意见稿）》`);
    expect(mail.text).toContain(`http://localhost:3000/admin/consultations/${id}`);
    await review(db, id, reviewer, "returned", "请补充依据。");
    await submitForReview(db, id, drafter);
    expect(await deliver()).toHaveLength(2);
    expect(quietReviewer.email).toBeNull();
  });

  it("tells the legal office a packet has arrived", async () => {
    const c = await consultationAt(db, drafter, { opensAt: new Date(Date.now() - 40 * day), closesAt: new Date(Date.now() - 10 * day) });
    await db.insert(legalReviews).values({ consultationId: c.id, submittedBy: drafter.id, submittedAt: new Date() });
    await db.transaction((tx) => queuePacketArrivalNotice(tx, c.id));
    const [mail] = await deliver();
    expect(mail.envelopeTo).toEqual([legal.email]);
    expect(mail.subject).toBe(`意见处理材料已送达：《${c.title}》`);
    expect(mail.text).toContain("合法性审查");
  });
});

describe("new consultations for subscribers", () => {
  it("announces a consultation once, when it becomes public, with one-click unsubscribe headers", async () => {
    const both = await subscription(db, "both@example.com", "all", null);
    await subscription(db, "both@example.com", "division", String(drafter.divisionId));
    await subscription(db, "rules@example.com", "doc_type", "rule");
    await subscription(db, "other@example.com", "doc_type", "normative");
    await subscription(db, "pending@example.com", "all", null, "pending");
    await subscription(db, "gone@example.com", "all", null, "unsubscribed");
    const id = await readyDraft(db, drafter, "新发布的办法（征求意见稿）");
    await submitForReview(db, id, drafter);
    await db.delete(emailOutbox); // the review request is tested above
    await review(db, id, reviewer, "approved", undefined);
    await extendDeadline(db, id, drafter, new Date(Date.now() + 50 * day), "延长以充分听取意见。");
    const mails = await deliver();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(["both@example.com", "rules@example.com"]);
    const mail = mails.find((m) => m.envelopeTo[0] === "both@example.com")!;
    expect(mail.subject).toBe("新的征求意见：《新发布的办法（征求意见稿）》");
    expect(mail.text).toContain(`http://localhost:3000/consultations/${id}`);
    expect(mail.text).toContain("文件类型：政府规章");
    expect(mail.text).toContain("您订阅了：全部征求意见");
    const unsubscribe = /<(http:\/\/localhost:3000\/unsubscribe\/([^>]+))>/.exec(mail.header("list-unsubscribe"))!;
    expect(mail.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(verifyUnsubscribeToken(unsubscribe[2])).toBe(both.id);
    expect(mail.text).toContain(unsubscribe[1]);
  });

  it("does not announce an old consultation on a later public change", async () => {
    await subscription(db, "late@example.com", "all", null);
    const c = await consultationAt(db, drafter, { opensAt: new Date(Date.now() - 10 * day), closesAt: new Date(Date.now() + 10 * day) });
    await extendDeadline(db, c.id, drafter, new Date(Date.now() + 30 * day), "延长。");
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "new_consultation"))).toHaveLength(0);
  });
});
