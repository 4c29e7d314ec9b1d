import { and, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { consultations, draftNodes, draftVersions } from "~db/schema";
import { parseDraft } from "~/engine/draft-parser";
import { appendAudit } from "~/platform/audit.server";
import type { ConsultationInput } from "./consultation-schema";
import { insertDraftVersion } from "./draft.server";

type Actor = { id: number; displayName: string; divisionId: number | null };
const actorOf = (u: Actor) => ({ id: u.id, label: u.displayName });

/** Fields the audit log records for a consultation: enough to see what changed, not the whole draft. */
export function auditView(c: typeof consultations.$inferSelect) {
  return {
    title: c.title,
    docType: c.docType,
    status: c.status,
    opensAt: c.opensAt?.toISOString() ?? null,
    closesAt: c.closesAt?.toISOString() ?? null,
    shortPeriodReason: c.shortPeriodReason,
    withdrawnReason: c.withdrawnReason,
  };
}

function fields(input: ConsultationInput) {
  return {
    title: input.title,
    docType: input.docType,
    summary: input.summary,
    basis: input.basis,
    interpretation: input.interpretation,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    shortPeriodReason: input.shortPeriodReason,
    contactAddress: input.contactAddress,
    contactEmail: input.contactEmail,
    showComments: input.showComments,
  };
}

export function createConsultation(db: Db, input: ConsultationInput, author: Actor): Promise<number> {
  if (author.divisionId === null) throw new Error("a drafter without a division cannot create consultations");
  return db.transaction(async (tx) => {
    const c = (
      await tx
        .insert(consultations)
        .values({ ...fields(input), divisionId: author.divisionId!, authorId: author.id, status: "draft" })
        .returning()
    )[0];
    await insertDraftVersion(tx, { consultationId: c.id, label: "征求意见稿", sourceText: input.draftText, createdBy: author.id }, parseDraft(input.draftText));
    await appendAudit(tx, { actor: actorOf(author), action: "consultation.create", entityType: "consultation", entityId: c.id, after: auditView(c) });
    return c.id;
  });
}

/** Saves a draft that has not been published yet: its single version is replaced in place. */
export async function updateDraftConsultation(db: Db, id: number, input: ConsultationInput, editor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await tx.select().from(consultations).where(eq(consultations.id, id)).limit(1))[0];
    if (!before || before.status !== "draft") throw new Error("only a draft can be edited");
    const after = (
      await tx
        .update(consultations)
        .set({ ...fields(input), updatedAt: new Date() })
        .where(eq(consultations.id, id))
        .returning()
    )[0];
    const version = (
      await tx
        .select()
        .from(draftVersions)
        .where(and(eq(draftVersions.consultationId, id), eq(draftVersions.versionNo, 1)))
        .limit(1)
    )[0];
    if (version?.sourceText !== input.draftText) {
      if (version) {
        await tx.delete(draftNodes).where(eq(draftNodes.versionId, version.id));
        await tx.delete(draftVersions).where(eq(draftVersions.id, version.id));
      }
      await insertDraftVersion(tx, { consultationId: id, label: "征求意见稿", sourceText: input.draftText, createdBy: editor.id }, parseDraft(input.draftText));
    }
    await appendAudit(tx, {
      actor: actorOf(editor),
      action: "consultation.edit",
      entityType: "consultation",
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
  });
}
