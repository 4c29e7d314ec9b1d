// The legality-review packet (合法性审查材料) as data: what it is about, the summary, the statistics,
// the moderation record and the legal office's progress. The register itself is streamed apart
// (register.server.ts); the exports in app/features/packet/writers/ turn both into DOCX, PDF, XLSX and CSV.
import type { Db } from "~db/client.server";
import type { Role } from "~db/vocabulary";
import { env } from "~/platform/env.server";
import { DOC_TYPE_LABELS, PHASE_LABELS, publicPhase } from "~/features/consultations";
import { canDraft } from "~/features/accounts";
import { getStaffConsultation } from "~/features/consultations/index.server";
import { getLegalReview, type LegalReview } from "./legal-review.server";
import { moderationRecord, packetStats, type ModerationRecord, type PacketStats } from "./packet-stats.server";
import { packetDraft, type PacketDraft } from "./packet-draft.server";
import { packetSummary, type PacketSummary } from "./packet-summary.server";
import { summaryData } from "~/features/responses/index.server";
import { registerCount } from "./register.server";

type Staff = { id: number; role: Role; divisionId: number | null };
type Owned = { divisionId: number; authorId: number };

export interface PacketMeta {
  id: number;
  title: string;
  department: string;
  divisionName: string;
  docType: string;
  phase: string;
  opensAt: Date | null;
  closesAt: Date | null;
}

export interface Packet {
  meta: PacketMeta;
  summary: PacketSummary;
  /** 送审稿, 起草说明, 修改对照表 and the register's index by article. */
  draft: PacketDraft;
  stats: PacketStats;
  moderation: ModerationRecord;
  legalReview: LegalReview | undefined;
  /** Rows of the internal register, i.e. every comment received. */
  registerCount: number;
  generatedAt: Date;
}

export async function loadPacket(db: Db, consultationId: number, now = new Date()): Promise<Packet | undefined> {
  const c = await getStaffConsultation(db, consultationId);
  if (!c) return undefined;
  return {
    meta: {
      id: c.id,
      title: c.title,
      department: env().DEPARTMENT_NAME,
      divisionName: c.divisionName,
      docType: DOC_TYPE_LABELS[c.docType],
      phase: PHASE_LABELS[publicPhase(c, now)],
      opensAt: c.opensAt,
      closesAt: c.closesAt,
    },
    summary: await packetSummary(db, c.id),
    draft: await packetDraft(db, c.id, await summaryData(db, c.id, env().DEPARTMENT_NAME, now)),
    stats: await packetStats(db, c.id),
    moderation: await moderationRecord(db, c.id),
    legalReview: await getLegalReview(db, c.id),
    registerCount: await registerCount(db, c.id, "internal"),
    generatedAt: now,
  };
}
