// Tells a commenter who gave an email what became of their comment: published, not published
// (with the reason), and the final answer when the feedback is published.
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { comments, consultations } from "~db/schema";
import { DISPOSITION_LABELS, REJECT_REASON_LABELS } from "~/features/comments";
import { answerForComment } from "~/features/responses/index.server";
import { queueNotice } from "./outbox.server";
import { statusLink } from "./comment-notices";
import { oneLine, renderNotice } from "./layout";

type Comment = typeof comments.$inferSelect;

/** The status page for a comment, with its number filled in; the check code is in the receipt. */
const linkFor = (c: Comment): string => statusLink(c.receiptNo);

const titleOf = async (tx: Tx, consultationId: number) => {
  const t = (await tx.select({ title: consultations.title }).from(consultations).where(eq(consultations.id, consultationId)).limit(1))[0]?.title ?? "";
  return `《${oneLine(t).replace(/^《|》$/g, "")}》`;
};

function opening(c: Comment, title: string) {
  return `您对${title}提出的意见（回执编号 ${c.receiptNo}）有了新的进展。`;
}

/**
 * Queued with each moderation decision. Each outcome is told once per comment: a comment
 * approved again after an edit does not mail twice, one rejected and then approved mails both.
 */
export async function queueModerationNotice(
  tx: Tx,
  c: Comment,
  decision: "approved" | "rejected",
  reason: Comment["rejectReason"],
  now = new Date()
): Promise<void> {
  if (!c.email) return;
  const title = await titleOf(tx, c.consultationId);
  const notice =
    decision === "approved"
      ? renderNotice(`您的意见已通过审核 ${c.receiptNo}`, [
          "您好！",
          opening(c, title),
          c.publishPreference === "private"
            ? "您的意见已通过审核。按您的选择，意见内容不在网上公开，仅供起草部门研究。"
            : `您的意见已通过审核，并已${c.publishPreference === "named" ? "实名" : "匿名"}公开（其中的个人信息已隐去）。`,
          "征求意见结束后，起草部门将研究全部意见并公布采纳情况，届时我们会再次告知您。",
          { link: linkFor(c), label: "查询意见处理情况" },
        ])
      : renderNotice(`您的意见未予公开 ${c.receiptNo}`, [
          "您好！",
          opening(c, title),
          `经审核，您的意见不予在网上公开${reason ? `，理由：${REJECT_REASON_LABELS[reason]}` : ""}。`,
          "未公开的意见仍计入本次征求意见的记录，起草部门同样会研究。如有疑问，可通过页脚的联系方式与我们联系。",
          { link: linkFor(c), label: "查询意见处理情况" },
        ]);
  const kind = decision === "approved" ? "comment_published" : "comment_not_published";
  await queueNotice(tx, { ...notice, to: c.email, kind, dedupeKey: `${kind}:${c.id}` }, now);
}

/**
 * The answer a comment has at the moment the feedback is published, told once: the dedupe key is
 * the comment's, so a retried or repeated publication queues nothing more. Answers whether a notice
 * was queued (not for a comment without email or without an answer).
 */
export async function queueResultNotice(tx: Tx, commentId: number, now = new Date()): Promise<boolean> {
  const c = (await tx.select().from(comments).where(eq(comments.id, commentId)).limit(1))[0];
  if (!c?.email) return false;
  const d = await answerForComment(tx, commentId);
  if (!d) return false;
  const title = await titleOf(tx, c.consultationId);
  const notice = renderNotice(`您的意见处理结果：${DISPOSITION_LABELS[d.decision]} ${c.receiptNo}`, [
    "您好！",
    opening(c, title),
    `意见采纳情况说明已经公布。起草部门研究了您的意见，处理结果为：${DISPOSITION_LABELS[d.decision]}。`,
    ...(d.reason.trim() ? [`说明：${d.reason.trim()}`] : []),
    ...(d.changeMade?.trim() ? [`修改情况：${d.changeMade.trim()}`] : []),
    "感谢您对本次征求意见的关注和参与！",
    { link: linkFor(c), label: "查询意见处理情况" },
  ]);
  await queueNotice(tx, { ...notice, to: c.email, kind: "disposition", dedupeKey: `result:${c.id}` }, now);
  return true;
}

/** Every commenter of the consultation who gave an email and follows the comment hears the final answer; answers how many were queued. */
export async function queueResultNotices(tx: Tx, consultationId: number, now = new Date()): Promise<number> {
  const ids = await tx
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.consultationId, consultationId), isNotNull(comments.email), eq(comments.notifyResult, true)))
    .orderBy(comments.id);
  let queued = 0;
  for (const r of ids) if (await queueResultNotice(tx, r.id, now)) queued++;
  return queued;
}
