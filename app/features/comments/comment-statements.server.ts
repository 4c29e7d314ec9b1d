// The intake's hot path as prepared statements: building and preparing each query anew costs more
// than running it (measured by `npm run bench:intake`), and every comment runs all of these.
import { raw, type Queryable } from "~db/client.server";
import { JSON_INTEGERS, jsonObjects } from "~db/dialect-sql";

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
type ContextRow = ConsultationRow & { versionId: number | null; articles: string | null; categories: string | null; existing: string | null };

/** What a submission is checked against, read in one statement (each is a round trip on PostgreSQL). */
export interface IntakeContext {
  consultation: ConsultationRow | null;
  versionId: number | null;
  /** Article number → its identity, in the latest version. */
  articles: Map<number, number>;
  /** The identity categories a form may choose (none configured: the fallback list). */
  categories: string[];
  /** The comment already stored under the submission's key, in any consultation. */
  existing: IdempotentRow | null;
}

const SQL = {
  // The consultation, its latest version with that version's articles, the identity categories, and the
  // comment already stored under the key: one row, or none when the consultation does not exist.
  context: `WITH v AS (SELECT id FROM draft_versions WHERE consultation_id = @consultationId ORDER BY version_no DESC LIMIT 1)
       SELECT c.id, c.title, c.status, c.opens_at AS "opensAt", c.closes_at AS "closesAt",
         c.require_email_verification AS "requireEmailVerification",
         (SELECT id FROM v) AS "versionId",
         (SELECT ${jsonObjects([
           ["number", "number"],
           ["identityId", "article_identity_id"],
         ])} FROM draft_nodes WHERE version_id = (SELECT id FROM v) AND kind = 'article' AND article_identity_id IS NOT NULL) AS articles,
         (SELECT ${jsonObjects([["label", "label"]])} FROM identity_categories WHERE active) AS categories,
         (SELECT ${jsonObjects([
           ["receiptNo", "receipt_no"],
           ["consultationId", "consultation_id"],
           ["body", "body"],
           ["name", "name"],
           ["email", "email"],
           ["clientHash", "client_hash"],
           ["enteredBy", "entered_by"],
         ])} FROM comments WHERE idempotency_key = @key) AS existing
       FROM consultations c WHERE c.id = @consultationId`,
  byIdempotencyKey: `SELECT receipt_no AS "receiptNo", consultation_id AS "consultationId", body, name, email, client_hash AS "clientHash",
         entered_by AS "enteredBy"
       FROM comments WHERE idempotency_key = ?`,
  insertComment: `INSERT INTO comments (consultation_id, version_id, receipt_no, check_code_hash, body, body_normalized, name,
         organisation, identity_category, email, notify_result, publish_preference, channel, entered_by, received_at, has_pii,
         idempotency_key, client_hash, created_at)
       VALUES (@consultationId, @versionId, @receiptNo, @checkCodeHash, @body, @bodyNormalized, @name,
         @organisation, @identityCategory, @email, @notifyResult, @publishPreference, @channel, @enteredBy, @receivedAt, @hasPii,
         @idempotencyKey, @clientHash, @createdAt)
       RETURNING id`,
  insertArticles: `INSERT INTO comment_articles (comment_id, article_identity_id, source) SELECT ?, value, ? FROM (${JSON_INTEGERS}) AS ids`,
  insertRedaction: `INSERT INTO redactions (comment_id, kind, start, "end", field) VALUES (?, ?, ?, ?, ?)`,
};

/**
 * The intake's statements on the transaction's connection, each a named async query (prepared once per
 * connection by raw()), so that the PostgreSQL issue can give each its twin in one place.
 */
export function intakeStatements(tx: Queryable) {
  const q = raw(tx);
  return {
    context: async (consultationId: number, key: string): Promise<IntakeContext> => {
      const row = await q.get<ContextRow>(SQL.context, { consultationId, key });
      const list = <T>(json: string | null | undefined): T[] => (json ? (JSON.parse(json) as T[]) : []);
      if (!row) {
        const existing = await q.get<IdempotentRow>(SQL.byIdempotencyKey, key);
        return { consultation: null, versionId: null, articles: new Map(), categories: [], existing: existing ?? null };
      }
      const { versionId, articles, categories, existing, ...consultation } = row;
      return {
        consultation,
        versionId,
        articles: new Map(list<{ number: number; identityId: number }>(articles).map((a) => [a.number, a.identityId])),
        categories: list<{ label: string }>(categories).map((c) => c.label),
        existing: list<IdempotentRow>(existing)[0] ?? null,
      };
    },
    insertComment: async (values: Record<string, unknown>) => (await q.get<{ id: number }>(SQL.insertComment, values))!,
    insertArticles: (commentId: number, identityIds: number[], source: string) => q.run(SQL.insertArticles, commentId, source, JSON.stringify(identityIds)),
    insertRedaction: (commentId: number, kind: string, start: number, end: number, field: string) =>
      q.run(SQL.insertRedaction, commentId, kind, start, end, field),
  };
}
