// The intake's hot path as prepared statements: building and preparing each query anew costs more
// than running it (measured by `npm run bench:intake`), and every comment runs all of these.
import type { Statement } from "better-sqlite3";
import type { Db } from "~db/client.server";

export interface IntakeStatements {
  byIdempotencyKey: Statement<
    [string],
    { receiptNo: string; consultationId: number; body: string; name: string | null; email: string | null; clientHash: string | null; enteredBy: number | null }
  >;
  consultation: Statement<
    [number],
    { id: number; title: string; status: string; opensAt: number | null; closesAt: number | null; requireEmailVerification: number }
  >;
  latestVersionId: Statement<[number], { id: number }>;
  articles: Statement<[number], { number: number; identityId: number }>;
  insertComment: Statement<Record<string, unknown>, { id: number }>;
  insertArticle: Statement<[number, number, string]>;
  insertRedaction: Statement<[number, string, number, number, string]>;
  identityCategories: Statement<[], { label: string }>;
}

const cache = new WeakMap<Db, IntakeStatements>();

/**
 * Prepared once per connection: the intake is the hottest write path. Used only inside the intake's
 * transaction, which holds the connection (db/client.server.ts), so running them synchronously on
 * the raw connection cannot interleave with another request's statements.
 */
export function intakeStatements(db: Db): IntakeStatements {
  let s = cache.get(db);
  if (s) return s;
  const c = db.$client;
  s = {
    byIdempotencyKey: c.prepare(`SELECT receipt_no AS receiptNo, consultation_id AS consultationId, body, name, email, client_hash AS clientHash,
         entered_by AS enteredBy
       FROM comments WHERE idempotency_key = ?`),
    consultation: c.prepare(
      `SELECT id, title, status, opens_at AS opensAt, closes_at AS closesAt, require_email_verification AS requireEmailVerification
       FROM consultations WHERE id = ?`
    ),
    latestVersionId: c.prepare(`SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1`),
    articles: c.prepare(
      `SELECT number, article_identity_id AS identityId FROM draft_nodes
       WHERE version_id = ? AND kind = 'article' AND article_identity_id IS NOT NULL`
    ),
    insertComment: c.prepare(
      `INSERT INTO comments (consultation_id, version_id, receipt_no, check_code_hash, body, body_normalized, name,
         organisation, identity_category, email, notify_result, publish_preference, channel, entered_by, received_at, has_pii,
         idempotency_key, client_hash, created_at)
       VALUES (@consultationId, @versionId, @receiptNo, @checkCodeHash, @body, @bodyNormalized, @name,
         @organisation, @identityCategory, @email, @notifyResult, @publishPreference, @channel, @enteredBy, @receivedAt, @hasPii,
         @idempotencyKey, @clientHash, @createdAt)
       RETURNING id`
    ),
    insertArticle: c.prepare(`INSERT INTO comment_articles (comment_id, article_identity_id, source) VALUES (?, ?, ?)`),
    insertRedaction: c.prepare(`INSERT INTO redactions (comment_id, kind, start, "end", field) VALUES (?, ?, ?, ?, ?)`),
    identityCategories: c.prepare(`SELECT label FROM identity_categories WHERE active = 1`),
  } as IntakeStatements;
  cache.set(db, s);
  return s;
}
