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
  // The rest reads and writes in one synchronous block on the connection (SQLite-only, like the
  // statements it prepares), so the flags it writes match the comments it read.
  return raw(db).sync((c) => {
    const rows = c
      .prepare(
        `SELECT m.id, m.body_normalized AS text, m.version_id AS versionId, f.comment_id AS flagged,
              f.duplicate_of AS duplicateOf, f.duplicate_kind AS duplicateKind
       FROM comments m LEFT JOIN comment_flags f ON f.comment_id = m.id
       WHERE m.consultation_id = ? ORDER BY m.received_at, m.id`
      )
      .all(consultationId) as Row[];
    const fresh = rows.filter((r) => r.flagged === null);
    if (fresh.length === 0) return 0;

    const meta = c.prepare(`SELECT title FROM consultations WHERE id = ?`).get(consultationId) as { title: string } | undefined;
    const latest = c.prepare(`SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1`).get(consultationId) as
      | { id: number }
      | undefined;
    const versionText = c.prepare(`SELECT source_text AS text FROM draft_versions WHERE id = ? AND consultation_id = ?`);
    const segmenter = createSegmenter();
    const profiles = new Map<number, DraftProfile | null>();
    const profileFor = (versionId: number | null): DraftProfile | null => {
      const id = versionId ?? latest?.id ?? null;
      if (id === null) return null;
      if (!profiles.has(id)) {
        const v = versionText.get(id, consultationId) as { text: string } | undefined;
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

    const insert = c.prepare(
      `INSERT INTO comment_flags (comment_id, draft_version_id, off_topic, off_topic_reason, duplicate_of, duplicate_kind, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
    );
    const update = c.prepare(`UPDATE comment_flags SET duplicate_of = ?, duplicate_kind = ? WHERE comment_id = ?`);
    const at = now.getTime();
    c.transaction(() => {
      for (const r of fresh) {
        const profile = profileFor(r.versionId);
        const verdict = profile ? judgeTopicality(segmenter, profile, r.text) : null;
        const d = duplicateFor(r.id);
        insert.run(r.id, profile ? r.versionId ?? latest?.id ?? null : null, verdict?.offTopic ? 1 : 0, verdict?.reason ?? null, d.of, d.kind, at);
      }
      // A letter entered late with an earlier received date can make an older comment the first copy.
      for (const r of rows) {
        if (r.flagged === null) continue;
        const d = duplicateFor(r.id);
        if (d.of !== r.duplicateOf || d.kind !== r.duplicateKind) update.run(d.of, d.kind, r.id);
      }
    }).immediate();
    return fresh.length;
  });
}
