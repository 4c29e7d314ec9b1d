// The intake's hot path as prepared statements: building and preparing each query anew costs more
// than running it (measured by `npm run bench:intake`), and every comment runs all of these.
import { raw, type Queryable } from "~db/client.server";

type IdempotentRow = {
  receiptNo: string;
  consultationId: number;
  body: string;
  name: string | null;
  email: string | null;
  clientHash: string | null;
  enteredBy: number | null;
};
type ConsultationRow = { id: number; title: string; status: string; opensAt: number | null; closesAt: number | null; requireEmailVerification: number };

const SQL = {
  byIdempotencyKey: `SELECT receipt_no AS "receiptNo", consultation_id AS "consultationId", body, name, email, client_hash AS "clientHash",
         entered_by AS "enteredBy"
       FROM comments WHERE idempotency_key = ?`,
  consultation: `SELECT id, title, status, opens_at AS "opensAt", closes_at AS "closesAt", require_email_verification AS "requireEmailVerification"
       FROM consultations WHERE id = ?`,
  latestVersionId: `SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1`,
  articles: `SELECT number, article_identity_id AS "identityId" FROM draft_nodes
       WHERE version_id = ? AND kind = 'article' AND article_identity_id IS NOT NULL`,
  insertComment: `INSERT INTO comments (consultation_id, version_id, receipt_no, check_code_hash, body, body_normalized, name,
         organisation, identity_category, email, notify_result, publish_preference, channel, entered_by, received_at, has_pii,
         idempotency_key, client_hash, created_at)
       VALUES (@consultationId, @versionId, @receiptNo, @checkCodeHash, @body, @bodyNormalized, @name,
         @organisation, @identityCategory, @email, @notifyResult, @publishPreference, @channel, @enteredBy, @receivedAt, @hasPii,
         @idempotencyKey, @clientHash, @createdAt)
       RETURNING id`,
  insertArticle: `INSERT INTO comment_articles (comment_id, article_identity_id, source) VALUES (?, ?, ?)`,
  insertRedaction: `INSERT INTO redactions (comment_id, kind, start, "end", field) VALUES (?, ?, ?, ?, ?)`,
  identityCategories: `SELECT label FROM identity_categories WHERE active`,
};

/**
 * The intake's statements on the transaction's connection, each a named async query (prepared once per
 * connection by raw()), so that the PostgreSQL issue can give each its twin in one place.
 */
export function intakeStatements(tx: Queryable) {
  const q = raw(tx);
  return {
    byIdempotencyKey: (key: string) => q.get<IdempotentRow>(SQL.byIdempotencyKey, key),
    consultation: (id: number) => q.get<ConsultationRow>(SQL.consultation, id),
    latestVersionId: (consultationId: number) => q.value<number>(SQL.latestVersionId, consultationId),
    articles: (versionId: number) => q.all<{ number: number; identityId: number }>(SQL.articles, versionId),
    insertComment: async (values: Record<string, unknown>) => (await q.get<{ id: number }>(SQL.insertComment, values))!,
    insertArticle: (commentId: number, identityId: number, source: string) => q.run(SQL.insertArticle, commentId, identityId, source),
    insertRedaction: (commentId: number, kind: string, start: number, end: number, field: string) =>
      q.run(SQL.insertRedaction, commentId, kind, start, end, field),
    identityCategories: () => q.column<string>(SQL.identityCategories),
  };
}
