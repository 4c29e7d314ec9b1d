import { diffChars } from "diff";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { consultations, draftNodes, draftVersions } from "~db/schema";
import { flattenArticles, parseDraft } from "~/engine/draft-parser";
import { appendAudit } from "~/platform/audit.server";
import { matchArticles } from "./article-matching";
import { notifyPublicChange } from "./consultation-workflow.server";
import { WorkflowError } from "./workflow-error";
import { canDraft } from "~/features/accounts";
import { insertDraftVersion } from "./draft.server";

type Staff = { id: number; displayName: string; role: "admin" | "drafter" | "reviewer" | "legal"; divisionId: number | null };

export function listVersions(db: Db, consultationId: number) {
  return db
    .select({
      id: draftVersions.id,
      versionNo: draftVersions.versionNo,
      label: draftVersions.label,
      changeNote: draftVersions.changeNote,
      createdAt: draftVersions.createdAt,
      frozenAt: draftVersions.frozenAt,
    })
    .from(draftVersions)
    .where(eq(draftVersions.consultationId, consultationId))
    .orderBy(asc(draftVersions.versionNo));
}

async function versionArticles(db: Pick<Db, "select">, versionId: number) {
  return (
    await db
      .select({ number: draftNodes.number, text: draftNodes.text, identityId: draftNodes.articleIdentityId })
      .from(draftNodes)
      .where(and(eq(draftNodes.versionId, versionId), eq(draftNodes.kind, "article")))
      .orderBy(asc(draftNodes.number))
  ).filter((a): a is { number: number; text: string; identityId: number } => a.number !== null && a.identityId !== null);
}

/**
 * A published draft is never edited: a later text (第二次征求意见稿, the final text) is a new,
 * immediately frozen version whose articles continue the identities of the previous version's.
 */
export function createVersion(db: Db, consultationId: number, actor: Staff, input: { label: string; changeNote: string; draftText: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const c = (await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1))[0];
    if (!c) throw new WorkflowError("未找到该征求意见。", 404);
    if (!canDraft(actor, c)) throw new WorkflowError("只有本处室的起草人员可以发布新版本。", 403);
    if (c.status === "draft" || c.status === "pending_review" || c.status === "withdrawn") {
      throw new WorkflowError("尚未发布或已撤回的征求意见不能发布新版本；草稿可直接修改。");
    }
    const parsed = parseDraft(input.draftText);
    const articles = flattenArticles(parsed);
    if (articles.length === 0) throw new WorkflowError("新版本中没有识别出任何条文（第X条）。");
    const previous = (await tx.select().from(draftVersions).where(eq(draftVersions.consultationId, consultationId)).orderBy(asc(draftVersions.versionNo))).at(
      -1
    )!;
    const matches = matchArticles(await versionArticles(tx, previous.id), articles);
    const { versionId } = await insertDraftVersion(
      tx,
      { consultationId, label: input.label, changeNote: input.changeNote, sourceText: input.draftText, createdBy: actor.id },
      parsed,
      (number) => matches.get(number)
    );
    await tx.update(draftVersions).set({ frozenAt: new Date() }).where(eq(draftVersions.id, versionId));
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: "consultation.new_version",
      entityType: "consultation",
      entityId: consultationId,
      after: { label: input.label, changeNote: input.changeNote, articles: articles.length },
    });
    await notifyPublicChange(tx, consultationId);
    return versionId;
  });
}

export type DiffPart = { value: string; added?: boolean; removed?: boolean };

export interface ArticleDiff {
  identityId: number;
  fromNumber: number | null;
  toNumber: number | null;
  change: "unchanged" | "changed" | "added" | "removed";
  parts: DiffPart[];
}

/** Per-article differences between two versions, in the order of the newer version. */
export async function diffVersions(db: Db, fromVersionId: number, toVersionId: number): Promise<ArticleDiff[]> {
  const from = await versionArticles(db, fromVersionId);
  const to = await versionArticles(db, toVersionId);
  const fromById = new Map(from.map((a) => [a.identityId, a]));
  const toIds = new Set(to.map((a) => a.identityId));
  const result: ArticleDiff[] = to.map((a) => {
    const old = fromById.get(a.identityId);
    if (!old) return { identityId: a.identityId, fromNumber: null, toNumber: a.number, change: "added", parts: [{ value: a.text, added: true }] };
    const parts = diffChars(old.text, a.text).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined }));
    const changed = parts.some((p) => p.added || p.removed);
    return { identityId: a.identityId, fromNumber: old.number, toNumber: a.number, change: changed ? "changed" : "unchanged", parts };
  });
  for (const a of from) {
    if (!toIds.has(a.identityId)) {
      result.push({ identityId: a.identityId, fromNumber: a.number, toNumber: null, change: "removed", parts: [{ value: a.text, removed: true }] });
    }
  }
  return result;
}
