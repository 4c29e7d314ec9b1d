// Gathers the facts 意见采纳情况说明 is drafted from (see summary-types.ts). Counts are made in
// SQL so that a consultation of 100,000 comments is read in a few passes; quotes are only ever
// the published (redacted) text of comments the public may read.
import { raw, type Db } from "~db/client.server";
import type { Channel, Disposition } from "~db/vocabulary";
import { latestArticles } from "~/features/consultations/index.server";
import { countDistinctCommenters, type CommenterIdentity } from "~/features/comments";
import { answersByComment, type CommentAnswer } from "./comment-answers.server";
import { currentTopics, dispositionsOf, type CurrentTopic } from "./dispositions.server";
import type { DispositionCounts, SummaryArticleGroup, SummaryData } from "./summary-types";

const QUOTE_CANDIDATES = 6;
const PUBLIC = `c.moderation_status = 'approved' AND c.publish_preference <> 'private' AND c.published_body IS NOT NULL`;

type Row<T> = T[];

export async function summaryData(db: Db, consultationId: number, department: string, now = new Date()): Promise<SummaryData | undefined> {
  const q = async <T>(sql: string, ...params: unknown[]) => (await raw(db).all(sql, consultationId, ...params)) as Row<T>;
  const c = (await raw(db).get(`SELECT title, opens_at AS "opensAt", closes_at AS "closesAt" FROM consultations WHERE id = ?`, consultationId)) as
    | { title: string; opensAt: number | null; closesAt: number | null }
    | undefined;
  if (!c) return undefined;

  const channels = await q<{ channel: Channel; count: number }>(
    `SELECT channel, count(*) AS count FROM comments WHERE consultation_id = ? GROUP BY channel ORDER BY count DESC, channel`
  );
  const commentCount = channels.reduce((n, ch) => n + ch.count, 0);
  const commenters = await raw(db).all<CommenterIdentity>(`SELECT email, name, organisation FROM comments WHERE consultation_id = ?`, consultationId);

  // The answer each comment carries (comment-answers.server.ts): never one made for other comments.
  const answers = await answersByComment(db, consultationId);
  const dispositionCounts: DispositionCounts = {};
  const undecided = { notPublished: 0, other: 0 };
  const statuses = await raw(db).all<{ id: number; rejected: number }>(
    `SELECT id, moderation_status = 'rejected' AS rejected FROM comments WHERE consultation_id = ?`,
    consultationId
  );
  for (const r of statuses) {
    const decision = answers.get(r.id)?.decision;
    if (decision) dispositionCounts[decision] = (dispositionCounts[decision] ?? 0) + 1;
    else if (r.rejected) undecided.notPublished++;
    else undecided.other++;
  }

  const campaigns = (
    await q<{ size: number; distinctSenders: number; quote: string | null }>(
      `SELECT count(*) AS size, max(cp.distinct_senders) AS "distinctSenders",
            (SELECT c.published_body FROM comments c WHERE c.id = cp.representative_comment_id AND ${PUBLIC}) AS quote
     FROM comment_analysis ca JOIN campaigns cp ON cp.id = ca.campaign_id
     WHERE cp.consultation_id = ? GROUP BY cp.id HAVING count(*) > 1 ORDER BY size DESC, cp.id`
    )
  ).map((r) => ({ ...r, distinctSenders: Math.min(r.distinctSenders, r.size) }));

  const articleCounts = await articleCommentCounts(db, consultationId);
  const groups = await groupByArticle(db, consultationId, articleCounts, answers);
  const identities = await q<{ label: string; count: number }>(
    `SELECT identity_category AS label, count(*) AS count FROM comments WHERE consultation_id = ? GROUP BY identity_category ORDER BY count DESC, label`
  );
  return {
    title: c.title,
    department,
    opensAt: c.opensAt === null ? null : new Date(c.opensAt),
    closesAt: c.closesAt === null ? null : new Date(c.closesAt),
    channels,
    commentCount,
    commenterCount: countDistinctCommenters(commenters),
    identities,
    notPublishedCount: (await q<{ n: number }>(`SELECT count(*) AS n FROM comments WHERE consultation_id = ? AND moderation_status = 'rejected'`))[0].n,
    campaigns,
    groups,
    dispositionCounts,
    undecided,
    draftedAt: now,
    articleCounts: articleCounts.perArticle,
  };
}

async function articleCommentCounts(db: Db, consultationId: number) {
  const rows = (await raw(db).all(
    `SELECT ca.article_identity_id AS "identityId", count(DISTINCT ca.comment_id) AS n
       FROM comment_articles ca JOIN comments c ON c.id = ca.comment_id
       WHERE c.consultation_id = ? GROUP BY ca.article_identity_id`,
    consultationId
  )) as Array<{ identityId: number; n: number }>;
  const byIdentity = new Map(rows.map((r) => [r.identityId, r.n]));
  const general = (await raw(db).get(
    `SELECT count(*) AS n FROM comments c WHERE c.consultation_id = ?
       AND NOT EXISTS (SELECT 1 FROM comment_articles ca WHERE ca.comment_id = c.id)`,
    consultationId
  )) as { n: number };
  const articles = await latestArticles(db, consultationId);
  return {
    perArticle: articles.map((a) => ({ number: a.number, label: a.label, count: byIdentity.get(a.identityId) ?? 0 })),
    byIdentity,
    general: general.n,
    articles,
  };
}

/**
 * The one place that sorts answers by article: topics under the article they concern (the one
 * their answer names, else the one at least half their comments name, else 总体意见), and comments
 * answered on their own under the article their answer names, one entry per distinct answer.
 */
async function groupByArticle(
  db: Db,
  consultationId: number,
  { byIdentity, general, articles }: Awaited<ReturnType<typeof articleCommentCounts>>,
  answerOf: Map<number, CommentAnswer>
): Promise<SummaryArticleGroup[]> {
  const topics = await currentTopics(db, consultationId);
  const answers = await dispositionsOf(db, consultationId);
  // A topic's opinions, each with how many of the topic's comments carry its answer.
  const placed = (await raw(db).all(
    `SELECT ca.comment_id AS id, ca.topic_id AS "topicId" FROM comment_analysis ca JOIN topics t ON t.id = ca.topic_id WHERE t.consultation_id = ?`,
    consultationId
  )) as Array<{ id: number; topicId: number }>;
  const carried = new Map<number, number>();
  const unansweredIn = new Map<number, number>();
  for (const p of placed) {
    const a = answerOf.get(p.id);
    if (a && a.source !== "own") carried.set(a.dispositionId, (carried.get(a.dispositionId) ?? 0) + 1);
    if (!a) unansweredIn.set(p.topicId, (unansweredIn.get(p.topicId) ?? 0) + 1);
  }
  const opinionsOf = new Map<number, typeof answers>();
  for (const d of answers) if (d.topicId) opinionsOf.set(d.topicId, [...(opinionsOf.get(d.topicId) ?? []), d]);
  // One answer speaks for a topic only when the topic holds one opinion.
  const topicAnswer = new Map([...opinionsOf].flatMap(([topicId, list]) => (list.length === 1 ? [[topicId, list[0]] as const] : [])));
  const mostNamed = new Map<number, number>();
  const named = (await raw(db).all(
    `SELECT ca.topic_id AS "topicId", cart.article_identity_id AS "identityId", count(*) AS n
       FROM comment_analysis ca JOIN comment_articles cart ON cart.comment_id = ca.comment_id
       JOIN topics t ON t.id = ca.topic_id WHERE t.consultation_id = ?
       GROUP BY 1, 2 ORDER BY n DESC, "identityId"`,
    consultationId
  )) as Array<{ topicId: number; identityId: number; n: number }>;
  // An article speaks for a topic only when at least half its comments name it.
  const sizeOf = new Map(topics.map((t) => [t.id, t.size]));
  for (const r of named) if (!mostNamed.has(r.topicId) && r.n * 2 >= (sizeOf.get(r.topicId) ?? Infinity)) mostNamed.set(r.topicId, r.identityId);

  const overrides = new Map<number, DispositionCounts>();
  const overrideRows = (await raw(db).all(
    `SELECT ca.topic_id AS "topicId", d.decision, count(*) AS n FROM dispositions d
       JOIN comment_analysis ca ON ca.comment_id = d.comment_id
       WHERE d.consultation_id = ? AND ca.topic_id IS NOT NULL GROUP BY 1, 2`,
    consultationId
  )) as Array<{ topicId: number; decision: Disposition; n: number }>;
  for (const r of overrideRows) overrides.set(r.topicId, { ...overrides.get(r.topicId), [r.decision]: r.n });

  const quotes = await quoteCandidates(db, consultationId, topics);
  const known = new Set(articles.map((a) => a.identityId));
  const titles = new Map(
    (
      (await raw(db).all(`SELECT id, public_title AS title FROM topics WHERE consultation_id = ?`, consultationId)) as Array<{
        id: number;
        title: string | null;
      }>
    ).map((r) => [r.id, r.title])
  );
  const groupOf = new Map<number | null, SummaryArticleGroup>();
  const group = (chosen: number | null) => {
    const identity = chosen !== null && known.has(chosen) ? chosen : null;
    if (!groupOf.has(identity)) {
      const article = articles.find((a) => a.identityId === identity);
      groupOf.set(identity, {
        label: article?.label ?? null,
        number: article?.number ?? null,
        commentCount: identity === null ? general : byIdentity.get(identity) ?? 0,
        topics: [],
        individual: [],
      });
    }
    return groupOf.get(identity)!;
  };
  for (const t of topics) {
    const d = topicAnswer.get(t.id);
    const reps = t.representativeIds;
    const candidates = (quotes.get(t.id) ?? []).sort((a, b) => rank(reps, a.id) - rank(reps, b.id)).map((r) => r.text);
    group(d?.articleIdentityId ?? mostNamed.get(t.id) ?? null).topics.push({
      id: t.id,
      label: t.label,
      publicTitle: titles.get(t.id) ?? null,
      size: t.size,
      quotes: candidates,
      decision: d?.decision ?? null,
      reason: d?.reason ?? "",
      changeMade: d?.changeMade ?? null,
      overrides: overrides.get(t.id) ?? {},
      ...((opinionsOf.get(t.id)?.length ?? 0) > 1
        ? {
            opinions: opinionsOf
              .get(t.id)!
              .map((o) => ({ title: o.title ?? "", size: carried.get(o.id) ?? 0, decision: o.decision, reason: o.reason, changeMade: o.changeMade })),
          }
        : {}),
      unanswered: unansweredIn.get(t.id) ?? 0,
    });
  }
  // Comments answered on their own: one entry per distinct answer, never naming the commenter.
  for (const d of answers) {
    if (!d.commentId) continue;
    const g = group(d.articleIdentityId);
    const same = g.individual.find(
      (a) => a.decision === d.decision && a.reason.trim() === d.reason.trim() && (a.changeMade ?? "").trim() === (d.changeMade ?? "").trim()
    );
    if (same) same.count++;
    else g.individual.push({ decision: d.decision, reason: d.reason, changeMade: d.changeMade, count: 1 });
  }
  return [...groupOf.values()].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

const rank = (reps: number[], id: number) => (reps.includes(id) ? reps.indexOf(id) : reps.length + 1);

/** Up to QUOTE_CANDIDATES public texts per topic: its representatives, then the earliest others. */
async function quoteCandidates(db: Db, consultationId: number, topics: CurrentTopic[]): Promise<Map<number, Array<{ id: number; text: string }>>> {
  const reps = new Set(topics.flatMap((t) => t.representativeIds));
  const rows = (await raw(db).all(
    `SELECT id, text, "topicId" FROM (
         SELECT c.id, c.published_body AS text, ca.topic_id AS "topicId",
                row_number() OVER (PARTITION BY ca.topic_id ORDER BY c.received_at, c.id) AS rn
         FROM comment_analysis ca JOIN comments c ON c.id = ca.comment_id
         WHERE c.consultation_id = ? AND ca.topic_id IS NOT NULL AND ${PUBLIC}) AS ranked
       WHERE rn <= ? OR id IN (${[...reps].map(() => "?").join(",") || "NULL"})`,
    consultationId,
    QUOTE_CANDIDATES,
    ...reps
  )) as Array<{ id: number; text: string; topicId: number }>;
  const out = new Map<number, Array<{ id: number; text: string }>>();
  for (const r of rows) out.set(r.topicId, [...(out.get(r.topicId) ?? []), { id: r.id, text: r.text }]);
  return out;
}
