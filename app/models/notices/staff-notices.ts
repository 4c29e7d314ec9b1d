// Notices to staff: the daily digest of new comments and deadline reminders to the drafting
// division, review requests to reviewers and packet arrival to the legal office.
import { formatDate, formatDateTime, timeLeft } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { oneLine, renderNotice } from "./layout";

const title = (t: string) => `《${oneLine(t).replace(/^《|》$/g, "")}》`;
const adminLink = (id: number, page = "") => `${env().PUBLIC_URL}/admin/consultations/${id}${page}`;

export interface DigestLine {
  consultationId: number;
  title: string;
  received: number;
  pending: number;
}

export function commentDigestNotice(input: { name: string; day: string; lines: DigestLine[] }) {
  const total = input.lines.reduce((n, l) => n + l.received, 0);
  const day = formatDate(`${input.day}T12:00:00+08:00`);
  return renderNotice(`新意见日报（${day}）：共 ${total} 条`, [
    `${oneLine(input.name)}：您好！`,
    `${day}，您处室的征求意见共收到 ${total} 条新意见：`,
    ...input.lines.flatMap((l) => [
      `${title(l.title)}：新增 ${l.received} 条，目前待审核 ${l.pending} 条。`,
      { link: adminLink(l.consultationId, "/moderation"), label: `审核${title(l.title)}的意见` },
    ]),
  ]);
}

export function deadlineReminderNotice(input: { name: string; consultationId: number; title: string; closesAt: Date; now: Date; total: number; pending: number }) {
  return renderNotice(`征求意见即将截止（${timeLeft(input.closesAt, input.now)}）：${title(input.title)}`, [
    `${oneLine(input.name)}：您好！`,
    `${title(input.title)}将于 ${formatDateTime(input.closesAt)} 截止征求意见（${timeLeft(input.closesAt, input.now)}）。`,
    `目前共收到 ${input.total} 条意见，其中 ${input.pending} 条待审核。`,
    "如需延长征求意见期，须在截止前办理并说明理由；截止后请及时研究处理意见。",
    { link: adminLink(input.consultationId), label: "打开征求意见工作页" },
  ]);
}

export function reviewRequestNotice(input: { name: string; consultationId: number; title: string; submittedBy: string; divisionName: string }) {
  return renderNotice(`待审核：${title(input.title)}`, [
    `${oneLine(input.name)}：您好！`,
    `${oneLine(input.divisionName)}的${oneLine(input.submittedBy)}提交了${title(input.title)}，请审核后决定发布或退回修改。`,
    { link: adminLink(input.consultationId), label: "打开审核页面" },
  ]);
}

export function packetArrivalNotice(input: { name: string; consultationId: number; title: string; divisionName: string }) {
  return renderNotice(`意见处理材料已送达：${title(input.title)}`, [
    `${oneLine(input.name)}：您好！`,
    `${oneLine(input.divisionName)}已将${title(input.title)}的征求意见处理材料（意见汇总、采纳情况及反馈说明）报送法制机构，请进行合法性审查。`,
    { link: adminLink(input.consultationId), label: "查看报送材料" },
  ]);
}
