import type { ConsultationStatus } from "~db/vocabulary";

type Owned = { status: ConsultationStatus };

/**
 * Why the analysis cannot be run or edited now, or null. Before publication there is nothing to analyse;
 * once the packet has gone to the legal office (or the feedback is out) the topics its answers were written
 * against must not move under it.
 */
export function analysisLockReason(c: Pick<Owned, "status">): string | null {
  switch (c.status) {
    case "draft":
    case "pending_review":
      return "征求意见尚未发布，还没有可分析的意见。";
    case "withdrawn":
      return "征求意见已撤回，不再分析。";
    case "legal_review":
    case "feedback_published":
      return "已报送法制审核，意见分析结果已锁定，不能重新运行或调整话题。";
    default:
      return null;
  }
}
