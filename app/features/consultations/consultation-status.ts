import type { ConsultationStatus, DocType } from "~db/vocabulary";

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  rule: "政府规章",
  major_decision: "重大行政决策",
  normative: "行政规范性文件",
  normative_business: "行政规范性文件（涉企）",
};

/** What the public sees: the stored status, refined by the clock while published. */
export type PublicPhase = "draft" | "pending_review" | "upcoming" | "open" | "closed" | "processing" | "legal_review" | "feedback_published" | "withdrawn";

export const PHASE_LABELS: Record<PublicPhase, string> = {
  draft: "草稿",
  pending_review: "待审核",
  upcoming: "即将开始",
  open: "征求中",
  closed: "已截止",
  processing: "意见处理中",
  legal_review: "已报送法制审核",
  feedback_published: "已公布反馈",
  withdrawn: "已撤回",
};

/**
 * The phases a consultation the public may see can be in, in the order the public list shows them: open
 * ones first. The list's filter, its sort and the API's `status` values are this one list.
 */
export const PUBLIC_PHASES = [
  "open",
  "upcoming",
  "closed",
  "processing",
  "legal_review",
  "feedback_published",
  "withdrawn",
] as const satisfies readonly PublicPhase[];
export type PublicFacingPhase = (typeof PUBLIC_PHASES)[number];

export function publicPhase(c: { status: ConsultationStatus; opensAt: Date | null; closesAt: Date | null }, now: Date = new Date()): PublicPhase {
  if (c.status !== "published") return c.status;
  if (c.opensAt && now < c.opensAt) return "upcoming";
  if (c.closesAt && now > c.closesAt) return "closed";
  return "open";
}

/** Statuses in which the public may see a consultation at all. */
export const PUBLIC_STATUSES: ConsultationStatus[] = ["published", "processing", "legal_review", "feedback_published", "withdrawn"];
