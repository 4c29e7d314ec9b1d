// Topics, campaigns and per-comment analysis written straight into the database, as a finished
// analysis run would leave them. The disposition and summary tests use it instead of running the
// analysis engine, so they depend only on the tables' shape. Plain SQL through a SqlRunner, so that
// the browser tests can use it on the e2e server's database file as well.
import { insertedId, type SqlRunner } from "./sql-runner";

export interface FixtureTopic {
  label: string;
  keywords?: string[];
  commentIds: number[];
  /** Defaults to the first two comments of the topic. */
  representativeIds?: number[];
  /** The staff-approved public title; none (null) unless given. */
  publicTitle?: string;
}

export interface FixtureCampaign {
  commentIds: number[];
  distinctSenders?: number;
}

export interface SeededAnalysis {
  runId: number;
  topicIds: number[];
  campaignIds: number[];
}

/** Records one finished run with these topics and campaigns; comments not listed stay unanalysed. */
export async function seedAnalysis(sql: SqlRunner, consultationId: number, topics: FixtureTopic[], campaigns: FixtureCampaign[] = []): Promise<SeededAnalysis> {
  const now = Date.now();
  const commentCount = new Set(topics.flatMap((t) => t.commentIds)).size;
  const runId = await insertedId(
    sql,
    `INSERT INTO analysis_runs (consultation_id, status, progress, stage, comment_count, started_at, finished_at)
     VALUES (?, 'done', 1, 'done', ?, ?, ?)`,
    consultationId,
    commentCount,
    new Date(now - 1000),
    new Date(now)
  );
  const campaignOf = new Map<number, number>();
  const campaignIds: number[] = [];
  for (const c of campaigns) {
    const id = await insertedId(
      sql,
      `INSERT INTO campaigns (consultation_id, run_id, representative_comment_id, size, distinct_senders) VALUES (?, ?, ?, ?, ?)`,
      consultationId,
      runId,
      c.commentIds[0],
      c.commentIds.length,
      c.distinctSenders ?? c.commentIds.length
    );
    for (const commentId of c.commentIds) campaignOf.set(commentId, id);
    campaignIds.push(id);
  }
  const topicIds: number[] = [];
  for (const t of topics) {
    const id = await insertedId(
      sql,
      `INSERT INTO topics (consultation_id, run_id, label, keywords, representative_ids, public_title) VALUES (?, ?, ?, ?, ?, ?)`,
      consultationId,
      runId,
      t.label,
      JSON.stringify(t.keywords ?? [t.label]),
      JSON.stringify(t.representativeIds ?? t.commentIds.slice(0, 2)),
      t.publicTitle ?? null
    );
    for (const commentId of t.commentIds)
      await sql.run(
        `INSERT INTO comment_analysis (comment_id, run_id, topic_id, topic_source, campaign_id)
         VALUES (?, ?, ?, 'auto', ?)
         ON CONFLICT (comment_id) DO UPDATE SET run_id = excluded.run_id, topic_id = excluded.topic_id, campaign_id = excluded.campaign_id`,
        commentId,
        runId,
        id,
        campaignOf.get(commentId) ?? null
      );
    topicIds.push(id);
  }
  return { runId, topicIds, campaignIds };
}

/** The ids of a consultation's comments in the order received, optionally only those whose body matches. */
export async function commentIdsOf(sql: SqlRunner, consultationId: number, bodyLike?: string): Promise<number[]> {
  const rows = bodyLike
    ? await sql.all<{ id: number }>(
        `SELECT id FROM comments WHERE consultation_id = ? AND body LIKE ? ORDER BY received_at, id`,
        consultationId,
        `%${bodyLike}%`
      )
    : await sql.all<{ id: number }>(`SELECT id FROM comments WHERE consultation_id = ? ORDER BY received_at, id`, consultationId);
  return rows.map((r) => r.id);
}
