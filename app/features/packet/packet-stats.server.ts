// The packet's statistics and moderation record: counts only, each a GROUP BY over the
// consultation's comments, so they cost the same whether the register has 30 rows or 100,000.
import { raw, type Db } from "~db/client.server";
import type { Channel, Disposition, ModerationStatus, PiiKind, RejectReason } from "~db/vocabulary";
import {
  CHANNEL_LABELS,
  type CommenterIdentity,
  countDistinctCommenters,
  DISPOSITION_LABELS,
  PII_KIND_LABELS,
  QUEUE_STATUS_LABELS,
  REJECT_REASON_LABELS,
} from "~/features/comments";
import { answersByComment } from "~/features/responses/index.server";
import { articleLabels } from "./register.server";

/** A labelled count, in the order it is shown. */
export type Count = { label: string; count: number };

export interface PacketStats {
  received: number;
  /** Counted as the summary counts them (distinct-commenters.ts). */
  commenters: number;
  byChannel: Count[];
  byIdentity: Count[];
  byDisposition: Count[];
  /** 总体意见 first, then the articles by number; a comment on two articles counts for both. */
  byArticle: Count[];
}

export interface ModerationRecord {
  byStatus: Count[];
  byRejectReason: Count[];
  /** Comments in which personal data was found, and the spans hidden from their public text. */
  withPersonalData: number;
  redactionsByKind: Count[];
  /** Comments whose authors asked that they not be published. */
  keptPrivate: number;
}

async function grouped<K extends string>(db: Db, sql: string, consultationId: number): Promise<Array<{ key: K | null; count: number }>> {
  return (await raw(db).all(sql, consultationId)) as Array<{ key: K | null; count: number }>;
}

function inOrder<K extends string>(rows: Array<{ key: K | null; count: number }>, labels: Record<K, string>): Count[] {
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return (Object.keys(labels) as K[]).flatMap((k) => (byKey.get(k) ? [{ label: labels[k], count: byKey.get(k)! }] : []));
}

export async function packetStats(db: Db, consultationId: number): Promise<PacketStats> {
  const count = async (sql: string) => (await raw(db).value(sql, consultationId)) as number;
  const received = await count(`SELECT count(*) FROM comments WHERE consultation_id = ?`);
  const identitiesOfCommenters = await raw(db).all<CommenterIdentity>(
    `SELECT email, name, organisation FROM comments WHERE consultation_id = ?`,
    consultationId
  );
  const channels = await grouped<Channel>(
    db,
    `SELECT channel AS key, count(*) AS count FROM comments WHERE consultation_id = ? GROUP BY channel`,
    consultationId
  );
  const identities = await grouped<string>(
    db,
    `SELECT identity_category AS key, count(*) AS count FROM comments WHERE consultation_id = ? GROUP BY identity_category ORDER BY count DESC, key`,
    consultationId
  );
  // The answer each comment carries, by the one rule (comment-answers.server.ts), 重复提交 included.
  const answers = await answersByComment(db, consultationId);
  const tally = new Map<Disposition | null, number>();
  for (const id of await raw(db).column<number>(`SELECT id FROM comments WHERE consultation_id = ?`, consultationId)) {
    const key = answers.get(id)?.decision ?? null;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const decisions = [...tally].map(([key, count]) => ({ key, count }));
  const undecided = decisions.find((d) => d.key === null)?.count ?? 0;
  const perArticle = await grouped<string>(
    db,
    `SELECT l.article_identity_id AS key, count(DISTINCT l.comment_id) AS count FROM comment_articles l
     JOIN comments c ON c.id = l.comment_id WHERE c.consultation_id = ? AND l.source <> 'inferred'
     GROUP BY l.article_identity_id`,
    consultationId
  );
  const whole = await count(
    `SELECT count(*) FROM comments c WHERE c.consultation_id = ? AND NOT EXISTS
       (SELECT 1 FROM comment_articles l WHERE l.comment_id = c.id AND l.source <> 'inferred')`
  );
  const labels = await articleLabels(db, consultationId);
  const articles = perArticle
    .flatMap((r) => {
      const a = labels.get(Number(r.key));
      return a ? [{ ...a, count: r.count }] : [];
    })
    .sort((a, b) => a.number - b.number);
  return {
    received,
    commenters: countDistinctCommenters(identitiesOfCommenters),
    byChannel: inOrder(channels, CHANNEL_LABELS),
    byIdentity: identities.map((r) => ({ label: r.key ?? "未填写", count: r.count })),
    byDisposition: [...inOrder(decisions, DISPOSITION_LABELS), ...(undecided ? [{ label: "尚未处理", count: undecided }] : [])],
    byArticle: [...(whole ? [{ label: "总体意见", count: whole }] : []), ...articles.map((a) => ({ label: a.label, count: a.count }))],
  };
}

export async function moderationRecord(db: Db, consultationId: number): Promise<ModerationRecord> {
  const count = async (sql: string) => (await raw(db).value(sql, consultationId)) as number;
  const statuses = await grouped<ModerationStatus>(
    db,
    `SELECT moderation_status AS key, count(*) AS count FROM comments WHERE consultation_id = ? GROUP BY moderation_status`,
    consultationId
  );
  const reasons = await grouped<RejectReason>(
    db,
    `SELECT reject_reason AS key, count(*) AS count FROM comments
     WHERE consultation_id = ? AND moderation_status = 'rejected' GROUP BY reject_reason`,
    consultationId
  );
  const kinds = await grouped<PiiKind | "other">(
    db,
    `SELECT r.kind AS key, count(*) AS count FROM redactions r JOIN comments c ON c.id = r.comment_id
     WHERE c.consultation_id = ? AND r.status = 'accepted' GROUP BY r.kind`,
    consultationId
  );
  const { pending, approved, rejected } = QUEUE_STATUS_LABELS;
  return {
    byStatus: inOrder(statuses, { pending, approved, rejected }),
    byRejectReason: inOrder(reasons, REJECT_REASON_LABELS),
    withPersonalData: await count(`SELECT count(*) FROM comments WHERE consultation_id = ? AND has_pii`),
    redactionsByKind: inOrder(kinds, PII_KIND_LABELS),
    keptPrivate: await count(`SELECT count(*) FROM comments WHERE consultation_id = ? AND publish_preference = 'private'`),
  };
}
