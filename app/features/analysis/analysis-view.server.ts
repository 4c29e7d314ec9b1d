// What the loader reads for the view asked for: a topic's comments, the topic list, the per-article view,
// the campaign cards or the charts, each under the same filters.
import { asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { comments } from "~db/schema";
import { articleDigest, articleRanking } from "./analysis-articles.server";
import { campaignCards } from "./analysis-campaigns.server";
import { duplicateCards } from "~/features/comments/index.server";
import { chartSeries } from "./analysis-charts.server";
import { commentPage, workspaceConditions } from "./analysis-comments.server";
import { isFiltered, type WorkspaceFilters } from "./analysis-schema";
import { topicChoices, topicDetail, topicOverview } from "./analysis-workspace.server";
import { latestArticles } from "~/features/consultations/index.server";
import { lastFinishedRun } from "./analysis-runs.server";
import { tooFewForTopics } from "~/engine/small-consultation";

async function filterOptions(db: Db, consultationId: number, articles: Array<{ number: number; label: string }>) {
  const identities = (
    await db
      .selectDistinct({ label: comments.identityCategory })
      .from(comments)
      .where(eq(comments.consultationId, consultationId))
      .orderBy(asc(comments.identityCategory))
  ).map((r) => r.label);
  return { identities, articles: articles.map(({ number, label }) => ({ number, label })) };
}

export async function viewData(db: Db, consultationId: number, f: WorkspaceFilters, canEdit: boolean) {
  const articles = await latestArticles(db, consultationId);
  const where = workspaceConditions(consultationId, f, articles);
  const shared = {
    options: await filterOptions(db, consultationId, articles),
    topics: await topicChoices(db, consultationId),
    filtered: isFiltered(f),
    canEdit,
  };
  if (f.topic) {
    const detail = await topicDetail(db, consultationId, f.topic, where, f.page, articles);
    if (!detail) throw new Response("Not Found", { status: 404 });
    if ("redirectTo" in detail) return { kind: "redirect" as const, topicId: detail.redirectTo };
    return { kind: "topic" as const, ...shared, ...detail };
  }
  switch (f.view) {
    case "articles":
      return {
        kind: "articles" as const,
        ...shared,
        // The ranking is of every article, whichever one is open below it.
        ranking: await articleRanking(db, workspaceConditions(consultationId, { ...f, article: undefined }, articles), articles),
        comments: f.article ? await commentPage(db, where, f.page, articles) : null,
        digest: f.article ? await articleDigest(db, where, articles, f.article) : null,
      };
    case "campaigns":
      return {
        kind: "campaigns" as const,
        ...shared,
        campaigns: await campaignCards(db, consultationId, where),
        duplicates: await duplicateCards(db, consultationId),
      };
    case "charts":
      return { kind: "charts" as const, ...shared, charts: await chartSeries(db, consultationId, where, articles) };
    default: {
      // Too few comments for topics: the analysis made none, so the first view lists them by article and text.
      const analysed = (await lastFinishedRun(db, consultationId))?.commentCount ?? 0;
      if (tooFewForTopics(analysed)) {
        return {
          kind: "articles" as const,
          ...shared,
          tooFewForTopics: true as const,
          ranking: await articleRanking(db, workspaceConditions(consultationId, { ...f, article: undefined }, articles), articles),
          comments: await commentPage(db, where, f.page, articles),
        };
      }
      return { kind: "topics" as const, ...shared, overview: await topicOverview(db, consultationId, where) };
    }
  }
}

export type ViewData = Exclude<Awaited<ReturnType<typeof viewData>>, { kind: "redirect" }>;
