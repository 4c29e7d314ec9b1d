// Topics, campaigns and per-comment analysis written straight into the database, as a finished
// analysis run would leave them. The disposition and summary tests use it instead of running the
// analysis engine, so they depend only on the tables' shape. Raw SQL on a better-sqlite3 handle,
// so that the browser tests can use it on the e2e server's database file as well.

/** The subset of better-sqlite3's Database this needs (db.$client in integration tests). */
export interface SqliteHandle {
  prepare(sql: string): { run(...params: unknown[]): { lastInsertRowid: number | bigint }; all(...params: unknown[]): unknown[] };
  transaction<T>(fn: () => T): () => T;
}

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
export function seedAnalysis(sqlite: SqliteHandle, consultationId: number, topics: FixtureTopic[], campaigns: FixtureCampaign[] = []): SeededAnalysis {
  return sqlite.transaction(() => {
    const now = Date.now();
    const commentCount = new Set(topics.flatMap((t) => t.commentIds)).size;
    const runId = Number(
      sqlite
        .prepare(
          `INSERT INTO analysis_runs (consultation_id, status, progress, stage, comment_count, started_at, finished_at)
           VALUES (?, 'done', 1, 'done', ?, ?, ?)`
        )
        .run(consultationId, commentCount, now - 1000, now).lastInsertRowid
    );
    const campaignOf = new Map<number, number>();
    const campaignIds = campaigns.map((c) => {
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO campaigns (consultation_id, run_id, representative_comment_id, size, distinct_senders)
             VALUES (?, ?, ?, ?, ?)`
          )
          .run(consultationId, runId, c.commentIds[0], c.commentIds.length, c.distinctSenders ?? c.commentIds.length).lastInsertRowid
      );
      for (const commentId of c.commentIds) campaignOf.set(commentId, id);
      return id;
    });
    const upsert = sqlite.prepare(
      `INSERT INTO comment_analysis (comment_id, run_id, topic_id, topic_source, campaign_id)
       VALUES (?, ?, ?, 'auto', ?)
       ON CONFLICT (comment_id) DO UPDATE SET run_id = excluded.run_id, topic_id = excluded.topic_id, campaign_id = excluded.campaign_id`
    );
    const topicIds = topics.map((t) => {
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO topics (consultation_id, run_id, label, keywords, representative_ids, public_title)
             VALUES (?, ?, ?, ?, ?, ?)`
          )
          .run(
            consultationId,
            runId,
            t.label,
            JSON.stringify(t.keywords ?? [t.label]),
            JSON.stringify(t.representativeIds ?? t.commentIds.slice(0, 2)),
            t.publicTitle ?? null
          ).lastInsertRowid
      );
      for (const commentId of t.commentIds) upsert.run(commentId, runId, id, campaignOf.get(commentId) ?? null);
      return id;
    });
    return { runId, topicIds, campaignIds };
  })();
}

/** The ids of a consultation's comments in the order received, optionally only those whose body matches. */
export function commentIdsOf(sqlite: SqliteHandle, consultationId: number, bodyLike?: string): number[] {
  const rows = bodyLike
    ? sqlite.prepare(`SELECT id FROM comments WHERE consultation_id = ? AND body LIKE ? ORDER BY received_at, id`).all(consultationId, `%${bodyLike}%`)
    : sqlite.prepare(`SELECT id FROM comments WHERE consultation_id = ? ORDER BY received_at, id`).all(consultationId);
  return (rows as Array<{ id: number }>).map((r) => r.id);
}
