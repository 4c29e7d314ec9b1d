// The queue's hints, computed lazily and stored in comment_flags (docs/decisions/0025-bulk-moderation-by-filter.md):
// the first queue load after new comments arrive judges those comments against the draft version they were sent
// on, and re-reads the consultation's texts for likely duplicates. Same-sender copies come from the 重复提交 module
// so the two never disagree; the rest are near-identical texts from anyone.
import { raw, type Db } from "~db/client.server";
import { draftProfile, findLikelyDuplicates, judgeTopicality, type DraftProfile } from "~/engine/moderation-signals";
import { createSegmenter } from "~/engine/segment";
import { duplicateOf } from "./comment-duplicates.server";

interface Row {
  id: number;
  text: string;
  versionId: number | null;
  flagged: number | null;
  duplicateOf: number | null;
  duplicateKind: string | null;
}

/** Brings every comment of the consultation's flags up to date; returns how many were judged anew. */
export async function refreshModerationFlags(db: Db, consultationId: number, now = new Date()): Promise<number> {
  // The common case, every comment already judged, reads no text.
  const missing = (await raw(db).get<{ n: number }>(
    `SELECT count(*) AS n FROM comments m WHERE m.consultation_id = ? AND NOT EXISTS (SELECT 1 FROM comment_flags f WHERE f.comment_id = m.id)`,
    consultationId
  ))!;
  if (missing.n === 0) return 0;
  const sameSender = await duplicateOf(db, consultationId);
  // Read and written in one transaction, so the flags it writes match the comments it read.
  return db.transaction(async (tx) => {
    const sql = raw(tx);
    const rows = await sql.all<Row>(
      `SELECT m.id, m.body_normalized AS text, m.version_id AS "versionId", f.comment_id AS flagged,
              f.duplicate_of AS "duplicateOf", f.duplicate_kind AS "duplicateKind"
       FROM comments m LEFT JOIN comment_flags f ON f.comment_id = m.id
       WHERE m.consultation_id = ? ORDER BY m.received_at, m.id`,
      consultationId
    );
    const fresh = rows.filter((r) => r.flagged === null);
    if (fresh.length === 0) return 0;

    const meta = await sql.get<{ title: string }>(`SELECT title FROM consultations WHERE id = ?`, consultationId);
    const latest = await sql.get<{ id: number }>(`SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1`, consultationId);
    const segmenter = createSegmenter();
    const profiles = new Map<number, DraftProfile | null>();
    const profileFor = async (versionId: number | null): Promise<DraftProfile | null> => {
      const id = versionId ?? latest?.id ?? null;
      if (id === null) return null;
      if (!profiles.has(id)) {
        const v = await sql.get<{ text: string }>(`SELECT source_text AS text FROM draft_versions WHERE id = ? AND consultation_id = ?`, id, consultationId);
        profiles.set(id, v && meta ? draftProfile(segmenter, meta.title, v.text) : null);
      }
      return profiles.get(id)!;
    };

    const similar = findLikelyDuplicates(rows);
    const duplicateFor = (id: number) => {
      const first = sameSender.get(id);
      if (first !== undefined) return { of: first, kind: "same_sender" as const };
      const hint = similar.get(id);
      return hint ? { of: hint.of, kind: "similar" as const } : { of: null, kind: null };
    };

    for (const r of fresh) {
      const profile = await profileFor(r.versionId);
      const verdict = profile ? judgeTopicality(segmenter, profile, r.text) : null;
      const d = duplicateFor(r.id);
      await sql.run(
        `INSERT INTO comment_flags (comment_id, draft_version_id, off_topic, off_topic_reason, duplicate_of, duplicate_kind, computed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        r.id,
        profile ? r.versionId ?? latest?.id ?? null : null,
        verdict?.offTopic ?? false,
        verdict?.reason ?? null,
        d.of,
        d.kind,
        now
      );
    }
    // A letter entered late with an earlier received date can make an older comment the first copy.
    for (const r of rows) {
      if (r.flagged === null) continue;
      const d = duplicateFor(r.id);
      if (d.of !== r.duplicateOf || d.kind !== r.duplicateKind)
        await sql.run(`UPDATE comment_flags SET duplicate_of = ?, duplicate_kind = ? WHERE comment_id = ?`, d.of, d.kind, r.id);
    }
    return fresh.length;
  });
}
