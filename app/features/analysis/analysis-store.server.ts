// Writes one analysis result in one transaction: a re-run replaces the machine's topics and campaigns, keeps
// the topics staff settled (same row, same id, so dispositions recorded on them still apply) and the
// comments staff placed, and adds the articles found in the text beside the commenter's own choices.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { analysisRuns, campaigns, commentAnalysis, commentArticles, comments, dispositions, topics } from "~db/schema";
import type { AnalysisResult } from "~/engine/types";
import { appendAudit } from "~/platform/audit.server";
import { latestArticles } from "~/features/consultations/index.server";
import { settledTopicIds } from "./analysis-input.server";
import { settlePlacements } from "./analysis-placement";

const CHUNK = 500;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const ofConsultation = (consultationId: number) => sql`(select ${comments.id} from ${comments} where ${comments.consultationId} = ${consultationId})`;

const notAnswered = sql`not exists (select 1 from ${dispositions} where ${dispositions.topicId} = ${topics.id})`;

export interface StoreInput {
  runId: number;
  consultationId: number;
  result: AnalysisResult;
  /** staff key → topic row id, as sent to the engine */
  settled: Map<string, number>;
  now: Date;
  /** The process holding the run's lease: the result is stored only while it still holds it. */
  owner?: string;
}

export async function storeAnalysisResult(db: Db, { runId, consultationId, result, settled, now, owner }: StoreInput): Promise<void> {
  const identityOf = new Map((await latestArticles(db, consultationId)).map((a) => [a.number, a.identityId]));
  await db.transaction(async (tx) => {
    if (owner !== undefined) {
      const run = (
        await tx.select({ status: analysisRuns.status, leaseOwner: analysisRuns.leaseOwner }).from(analysisRuns).where(eq(analysisRuns.id, runId)).limit(1)
      )[0];
      if (run?.status !== "running" || run.leaseOwner !== owner) throw new Error(`analysis run ${runId} is no longer held by this process`);
    }
    const previous = new Map(
      (
        await tx
          .select({ commentId: commentAnalysis.commentId, topicId: commentAnalysis.topicId, topicSource: commentAnalysis.topicSource })
          .from(commentAnalysis)
          .where(inArray(commentAnalysis.commentId, ofConsultation(consultationId)))
      ).map((r) => [r.commentId, r])
    );
    // A disposition may have been recorded on a machine topic while the engine ran: that topic keeps its row
    // and its comments, as if it had been settled before the run started.
    const keep = new Set(await settledTopicIds(tx, consultationId));
    const sentToEngine = new Set(settled.values());
    const lateSettled = new Set([...keep].filter((id) => !sentToEngine.has(id)));

    await tx.delete(commentAnalysis).where(inArray(commentAnalysis.commentId, ofConsultation(consultationId)));
    // A topic a disposition points at is never deleted, even one merged away (the matrix should not allow that).
    await tx.delete(topics).where(and(eq(topics.consultationId, consultationId), keep.size ? notInArray(topics.id, [...keep]) : undefined, notAnswered));
    await tx.delete(campaigns).where(eq(campaigns.consultationId, consultationId));
    // Theme keys are numbered afresh each run: a topic this run does not describe keeps none from an earlier one.
    await tx.update(topics).set({ themeKey: null, themeLabel: null }).where(eq(topics.consultationId, consultationId));

    const campaignIds = new Map<string, number>();
    for (const c of result.campaigns) {
      const row = (
        await tx
          .insert(campaigns)
          .values({
            consultationId,
            runId,
            representativeCommentId: Number(c.representative_id),
            size: c.size,
            distinctSenders: c.distinct_senders,
            createdAt: now,
          })
          .returning({ id: campaigns.id })
      )[0];
      campaignIds.set(c.id, row.id);
    }

    const topicIds = new Map<string, number>();
    const keptRepresentatives = new Map<number, number[]>();
    const themeLabels = new Map((result.themes ?? []).map((theme) => [theme.id, theme.label]));
    for (const t of result.topics) {
      const theme = t.theme ? { themeKey: t.theme, themeLabel: themeLabels.get(t.theme) ?? null } : { themeKey: null, themeLabel: null };
      const described = { runId, keywords: t.keywords, representativeIds: t.representative_ids.map(Number), summary: t.summary ?? null, ...theme };
      const kept = t.kind === "staff" ? settled.get(t.id) : undefined;
      if (kept !== undefined && keep.has(kept)) {
        await tx.update(topics).set(described).where(eq(topics.id, kept));
        topicIds.set(t.id, kept);
        keptRepresentatives.set(kept, described.representativeIds);
      } else {
        const row = (
          await tx
            .insert(topics)
            .values({ consultationId, label: t.label, noSubstance: t.kind === "no_substance", staffEdited: false, createdAt: now, ...described })
            .returning({ id: topics.id })
        )[0];
        topicIds.set(t.id, row.id);
      }
    }

    const placed = settlePlacements(
      result.comments.map((c) => ({ commentId: Number(c.id), topicId: c.topic ? topicIds.get(c.topic) ?? null : null, previous: previous.get(Number(c.id)) })),
      keep,
      lateSettled
    );
    const rows = result.comments.map((c) => {
      const commentId = Number(c.id);
      const before = previous.get(commentId);
      const topicId = placed.get(commentId) ?? null;
      // "staff" marks a comment staff placed by hand; it stays so while the comment stays where they put it.
      const topicSource = before?.topicSource === "staff" && before.topicId === topicId ? ("staff" as const) : ("auto" as const);
      return {
        commentId,
        runId,
        topicId,
        topicSource,
        campaignId: c.campaign ? campaignIds.get(c.campaign) ?? null : null,
        stance: c.stance,
        // Only where a clause names an article with another stance than the comment's: most comments need none.
        articleStances: Object.values(c.article_stances).some((s) => s !== c.stance) ? c.article_stances : null,
        keywords: c.keywords,
        campaignAdditions: c.campaign_additions ?? null,
      };
    });
    // A kept topic's representatives are its own members, whatever the engine proposed for comments sent elsewhere.
    for (const [topicId, ids] of keptRepresentatives) {
      let own = ids.filter((id) => placed.get(id) === topicId);
      if (own.length === 0)
        own = rows
          .filter((r) => r.topicId === topicId)
          .slice(0, 3)
          .map((r) => r.commentId);
      if (own.length !== ids.length) await tx.update(topics).set({ representativeIds: own }).where(eq(topics.id, topicId));
    }
    await insertChunked(rows, (chunk) => tx.insert(commentAnalysis).values(chunk));
    // A staff topic every comment has left (moved out, or rejected as spam since) goes, unless it was answered.
    const used = new Set(rows.map((r) => r.topicId));
    const emptied = [...keep].filter((id) => !used.has(id));
    if (emptied.length) await tx.delete(topics).where(and(inArray(topics.id, emptied), notAnswered));

    await storeArticles(tx, consultationId, result, identityOf);

    await tx
      .update(analysisRuns)
      .set({ status: "done", progress: 1, stage: "done", commentCount: result.comments.length, finishedAt: now, error: null })
      .where(eq(analysisRuns.id, runId));
    await appendAudit(tx, {
      actor: null,
      action: "analysis.finish",
      entityType: "consultation",
      entityId: consultationId,
      after: { runId, comments: result.comments.length, topics: result.topics.length, campaigns: result.campaigns.length },
      at: now,
    });
  });
}

/**
 * Articles the engine found: named in the text ("detected") or most likely meant ("inferred"). They are
 * replaced on each run; the commenter's and staff's own choices are never touched, and win where both apply.
 */
async function storeArticles(tx: Tx, consultationId: number, result: AnalysisResult, identityOf: Map<number, number>) {
  await tx
    .delete(commentArticles)
    .where(and(inArray(commentArticles.commentId, ofConsultation(consultationId)), inArray(commentArticles.source, ["detected", "inferred"])));
  const rows: Array<typeof commentArticles.$inferInsert> = [];
  for (const c of result.comments) {
    const commentId = Number(c.id);
    const seen = new Set<number>();
    const add = (numbers: number[], source: "detected" | "inferred", confidence?: number[]) => {
      numbers.forEach((n, k) => {
        const articleIdentityId = identityOf.get(n);
        if (articleIdentityId === undefined || seen.has(articleIdentityId)) return;
        seen.add(articleIdentityId);
        rows.push({ commentId, articleIdentityId, source, confidence: confidence?.[k] ?? null });
      });
    };
    add(c.articles, "detected");
    add(c.articles_inferred, "inferred", c.articles_inferred_confidence);
  }
  await insertChunked(rows, (chunk) => tx.insert(commentArticles).values(chunk).onConflictDoNothing());
}
