// Notices to staff: the daily digest of new comments and deadline reminders to the drafting
// division, review requests to reviewers and packet arrival to the legal office.
import { formatDate, formatDateTime, timeLeft } from "~/platform/dates";
import { env } from "~/platform/env.server";
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

export function deadlineReminderNotice(input: {
  name: string;
  consultationId: number;
  title: string;
  closesAt: Date;
  now: Date;
  total: number;
  pending: number;
}) {
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

export function packetArrivalNotice(input: { name: string; consultationId: number; title: string; divisionName: string; round?: number }) {
  const again = input.round && input.round > 1 ? `（第 ${input.round} 轮，已答复上一轮审查意见）` : "";
  return renderNotice(`意见处理材料已送达${again ? `（第 ${input.round} 轮）` : ""}：${title(input.title)}`, [
    `${oneLine(input.name)}：您好！`,
    `${oneLine(input.divisionName)}已将${title(input.title)}的征求意见处理材料（意见汇总、采纳情况及反馈说明）报送法制机构${again}，请进行合法性审查。`,
    { link: adminLink(input.consultationId), label: "查看报送材料" },
  ]);
}

export type LegalProgressStep = "received" | "returned" | "finished";

const LEGAL_STEP_TEXT: Record<LegalProgressStep, { subject: string; line: string }> = {
  received: { subject: "法制机构已登记接收", line: "法制机构已登记接收，正在审查。" },
  returned: { subject: "法制机构退回修改", line: "法制机构提出了审查意见并退回修改。请逐条答复后重新报送。" },
  finished: { subject: "合法性审查完毕", line: "法制机构已审查完毕。审查完毕后即可公布意见采纳情况说明。" },
};

/** To the drafting division: where its packet stands at the legal office. */
export function legalProgressNotice(input: {
  name: string;
  consultationId: number;
  title: string;
  step: LegalProgressStep;
  round: number;
  conclusion?: string | null;
}) {
  const text = LEGAL_STEP_TEXT[input.step];
  return renderNotice(`${text.subject}（第 ${input.round} 轮）：${title(input.title)}`, [
    `${oneLine(input.name)}：您好！`,
    `${title(input.title)}的合法性审查材料（第 ${input.round} 轮）：${text.line}`,
    ...(input.conclusion?.trim() ? [`审查结论：${input.conclusion.trim()}`] : []),
    { link: adminLink(input.consultationId, "/packet"), label: "查看法制审核进度" },
  ]);
}
