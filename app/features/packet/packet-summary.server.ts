// The 意见采纳情况说明 the packet carries: the saved one (whatever its review state, which the packet
// states), else a fresh draft from the data, else nothing — and the legal office then reads 未起草.
import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { feedbackSummaries } from "~db/schema";
import { env } from "~/platform/env.server";
import { draftSummary } from "~/features/responses";
import { summaryData } from "~/features/responses/index.server";

export type SummaryState = "draft" | "pending_review" | "approved" | "published";

export const SUMMARY_STATE_LABELS: Record<SummaryState, string> = {
  draft: "起草中",
  pending_review: "待审核",
  approved: "已审核",
  published: "已公布",
};

export interface PacketSummary {
  text: string | null;
  /** Where the text comes from: the saved summary, a draft made for this download, or none. */
  source: "saved" | "drafted" | "none";
  /** What the packet prints beside the heading, e.g. （已审核）or（未起草）. */
  note: string;
}

/** The platform's own draft, for a consultation whose drafter has not saved one yet. */
async function draftFromData(db: Db, consultationId: number): Promise<string | null> {
  const data = await summaryData(db, consultationId, env().DEPARTMENT_NAME);
  return data ? draftSummary(data) : null;
}

export async function packetSummary(db: Db, consultationId: number): Promise<PacketSummary> {
  const saved = (
    await db
      .select({ body: feedbackSummaries.body, status: feedbackSummaries.status })
      .from(feedbackSummaries)
      .where(eq(feedbackSummaries.consultationId, consultationId))
      .limit(1)
  )[0];
  if (saved?.body.trim()) return { text: saved.body, source: "saved", note: SUMMARY_STATE_LABELS[saved.status] };
  const drafted = await draftFromData(db, consultationId);
  if (drafted?.trim()) return { text: drafted, source: "drafted", note: "平台初稿" };
  return { text: null, source: "none", note: "未起草" };
}
