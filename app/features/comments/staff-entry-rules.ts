import type { Channel, ConsultationStatus } from "~db/vocabulary";
import { shanghaiDate } from "~/platform/periods";
import { publicPhase } from "~/features/consultations";

/** What staff say about a comment they enter: how and when it arrived, and for a late letter why it still counts. */
export interface StaffEntryFacts {
  channel: Exclude<Channel, "web">;
  receivedAt: Date;
  postmarkedAt: Date | null;
  lateReason: string | null;
  /** The sending department, for 部门来函 (its identity); none for the other channels. */
  department?: string | null;
}

export type StaffEntryProblem = { field: "form" | "receivedOn" | "postmarkedOn" | "lateReason" | "department"; message: string; status: number };

type Period = { status: ConsultationStatus; opensAt: Date | null; closesAt: Date | null };

const zh = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * Whether a comment received outside the web form may still enter the record. The record the
 * legal office received stays that record: entry is open from the start of the period until the
 * hand-off (征求中, 已截止, 意见处理中), and the received date lies inside the period — or after it
 * for a letter postmarked inside it, with the reason stated.
 */
export function staffEntryProblem(c: Period, facts: StaffEntryFacts, now: Date): StaffEntryProblem | null {
  const phase = publicPhase(c, now);
  if (phase === "legal_review" || phase === "feedback_published") {
    return { field: "form", message: "意见已随合法性审查材料报送法制机构，征求意见记录已确定，不能再录入意见。", status: 409 };
  }
  if (phase === "withdrawn") return { field: "form", message: "该征求意见已撤回，不能录入意见。", status: 409 };
  if (phase !== "open" && phase !== "closed" && phase !== "processing") {
    return { field: "form", message: "征求意见尚未开始，不能录入意见。", status: 409 };
  }
  if (!c.opensAt || !c.closesAt) return { field: "form", message: "该征求意见没有设定征求意见期，不能录入意见。", status: 409 };
  if (facts.channel === "department_letter" && !facts.department?.trim()) {
    return { field: "department", message: "部门来函请填写来函部门的名称（如“某某市财政局”），它将作为提出人单位记录。", status: 400 };
  }
  if (facts.channel !== "department_letter" && facts.department?.trim()) {
    return { field: "department", message: "只有部门来函填写来函部门；其他渠道的单位请填在“单位”中。", status: 400 };
  }

  const first = shanghaiDate(c.opensAt);
  // A deadline at 00:00 ends the day before; the last day is that of the last instant still inside.
  const last = shanghaiDate(new Date(c.closesAt.getTime() - 1));
  const period = `${zh(first)}至${zh(last)}`;
  const received = shanghaiDate(facts.receivedAt);
  if (received > shanghaiDate(now)) return { field: "receivedOn", message: "收到日期不能晚于今天。", status: 400 };
  if (received < first) return { field: "receivedOn", message: `收到日期早于征求意见期（${period}），请核对。`, status: 400 };
  if (received <= last) return null;

  // Received after the period: only a letter posted in time still counts (the postmark decides).
  if (facts.channel !== "letter") {
    return { field: "receivedOn", message: `收到日期晚于征求意见期（${period}）。只有在期限内寄出（以邮戳为准）的信函可以在期满后录入。`, status: 400 };
  }
  if (!facts.postmarkedAt) return { field: "postmarkedOn", message: `收到日期晚于征求意见期（${period}），请填写信封上的邮戳日期。`, status: 400 };
  const postmarked = shanghaiDate(facts.postmarkedAt);
  if (postmarked < first || postmarked > last) {
    return { field: "postmarkedOn", message: `邮戳日期不在征求意见期（${period}）内，该信函不能计入本次征求意见。`, status: 400 };
  }
  if (postmarked > received) return { field: "postmarkedOn", message: "邮戳日期不能晚于收到日期。", status: 400 };
  if (!facts.lateReason?.trim()) return { field: "lateReason", message: "期满后收到的信函，请说明计入的理由。", status: 400 };
  return null;
}
