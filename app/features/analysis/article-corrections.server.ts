// Staff judging the articles the analysis inferred (docs/analysis.md, "Inferred articles"): confirm one (it
// becomes staff's own link), reject it (it is removed and never inferred again for that comment), or correct
// it to another article (both at once). Corrections are read back by the next run (articleCorrections in
// analysis-input.server.ts):
// what staff linked teaches the engine how the public names that article, what they rejected stays out.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { commentArticles, comments, rejectedArticleLinks } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { latestArticles } from "~/features/consultations/index.server";
import { hasActiveRun } from "./analysis-runs.server";
import { TopicEditError } from "./topic-edits.server";

type Staff = { id: number; displayName: string };

export interface ArticleCorrection {
  commentId: number;
  /** the inferred article staff judged */
  article: number;
  verdict: "confirm" | "reject";
  /** with reject: the article the comment is about instead */
  replacement?: number;
}

export async function correctInferredArticle(db: Db, consultationId: number, actor: Staff, input: ArticleCorrection, now = new Date()): Promise<void> {
  if (await hasActiveRun(db, consultationId)) throw new TopicEditError("意见分析正在进行，请在分析完成后再修改条款。", 409);
  const identityOf = new Map((await latestArticles(db, consultationId)).map((a) => [a.number, a.identityId]));
  const judged = identityOf.get(input.article);
  if (judged === undefined) throw new TopicEditError("征求意见稿中没有该条款。", 400, "article");
  const replacement = input.replacement === undefined ? undefined : identityOf.get(input.replacement);
  if (input.replacement !== undefined && replacement === undefined) throw new TopicEditError("请选择征求意见稿中的条款。", 400, "replacement");
  if (input.replacement !== undefined && input.replacement === input.article) throw new TopicEditError("改正后的条款与推断的条款相同。", 400, "replacement");
  await db.transaction(async (tx) => {
    const link = (
      await tx
        .select({ source: commentArticles.source })
        .from(commentArticles)
        .innerJoin(comments, eq(comments.id, commentArticles.commentId))
        .where(and(eq(commentArticles.commentId, input.commentId), eq(commentArticles.articleIdentityId, judged), eq(comments.consultationId, consultationId)))
        .limit(1)
    )[0];
    if (link?.source !== "inferred") throw new TopicEditError("该条款不是推断得出的，或已被处理。请刷新页面。", 409);
    if (input.verdict === "confirm") {
      await tx
        .update(commentArticles)
        .set({ source: "staff", confidence: null })
        .where(and(eq(commentArticles.commentId, input.commentId), eq(commentArticles.articleIdentityId, judged)));
    } else {
      await tx.delete(commentArticles).where(and(eq(commentArticles.commentId, input.commentId), eq(commentArticles.articleIdentityId, judged)));
      await tx
        .insert(rejectedArticleLinks)
        .values({ commentId: input.commentId, articleIdentityId: judged, userId: actor.id, createdAt: now })
        .onConflictDoNothing();
      if (replacement !== undefined) await linkByStaff(tx, input.commentId, replacement);
    }
    await appendAudit(tx, {
      actor: { id: actor.id, label: actor.displayName },
      action: input.verdict === "confirm" ? "comment.article_confirmed" : "comment.article_rejected",
      entityType: "comment",
      entityId: input.commentId,
      after: { article: input.article, ...(input.replacement !== undefined ? { replacement: input.replacement } : {}) },
      at: now,
    });
  });
}

/** Staff's own link wins over whatever the analysis found for that article. */
async function linkByStaff(tx: Tx, commentId: number, articleIdentityId: number) {
  await tx
    .insert(commentArticles)
    .values({ commentId, articleIdentityId, source: "staff" })
    .onConflictDoUpdate({ target: [commentArticles.commentId, commentArticles.articleIdentityId], set: { source: "staff", confidence: null } });
}
