// The intake's hot path in plain SQL: a batch of comments (comment.server.ts) costs a handful of
// statements whatever its size, each a round trip on PostgreSQL (docs/decisions/0042).
import { raw, type Queryable } from "~db/client.server";
import { inJsonTexts, JSON_INTEGER_PAIRS, jsonObjects } from "~db/dialect-sql";

/** What is compared when a key comes back: the comment stored under it. */
export type StoredByKey = {
  receiptNo: string;
  consultationId: number;
  body: string;
  name: string | null;
  email: string | null;
  clientHash: string | null;
  enteredBy: number | null;
};
type ConsultationRow = { id: number; title: string; status: string; opensAt: number | null; closesAt: number | null; requireEmailVerification: number };
type ContextRow = ConsultationRow & { versionId: number | null; articles: string | null; categories: string | null };

/** What a submission to a consultation is checked against, read in one statement. */
export interface ConsultationContext {
  consultation: ConsultationRow;
  versionId: number | null;
  /** Article number → its identity, in the latest version. */
  articles: Map<number, number>;
  /** The identity categories a form may choose (none configured: the fallback list). */
  categories: string[];
}

/** The columns a comment is inserted with, in order. */
const COMMENT_COLUMNS = [
  ["consultation_id", "consultationId"],
  ["version_id", "versionId"],
  ["receipt_no", "receiptNo"],
  ["check_code_hash", "checkCodeHash"],
  ["body", "body"],
  ["body_normalized", "bodyNormalized"],
  ["name", "name"],
  ["organisation", "organisation"],
  ["identity_category", "identityCategory"],
  ["email", "email"],
  ["notify_result", "notifyResult"],
  ["publish_preference", "publishPreference"],
  ["channel", "channel"],
  ["entered_by", "enteredBy"],
  ["received_at", "receivedAt"],
  ["has_pii", "hasPii"],
  ["idempotency_key", "idempotencyKey"],
  ["client_hash", "clientHash"],
  ["created_at", "createdAt"],
] as const;
const ROW = `(${COMMENT_COLUMNS.map(() => "?").join(", ")})`;

const SQL = {
  // The consultation, its latest version with that version's articles, and the identity categories:
  // one row, or none when the consultation does not exist.
  context: `WITH v AS (SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1)
       SELECT c.id, c.title, c.status, c.opens_at AS "opensAt", c.closes_at AS "closesAt",
         c.require_email_verification AS "requireEmailVerification",
         (SELECT id FROM v) AS "versionId",
         (SELECT ${jsonObjects([
           ["number", "number"],
           ["identityId", "article_identity_id"],
         ])} FROM draft_nodes WHERE version_id = (SELECT id FROM v) AND kind = 'article' AND article_identity_id IS NOT NULL) AS articles,
         (SELECT ${jsonObjects([["label", "label"]])} FROM identity_categories WHERE active) AS categories
       FROM consultations c WHERE c.id = ?`,
  byIdempotencyKeys: `SELECT receipt_no AS "receiptNo", consultation_id AS "consultationId", body, name, email, client_hash AS "clientHash",
         entered_by AS "enteredBy", idempotency_key AS "key"
       FROM comments WHERE ${inJsonTexts("idempotency_key")}`,
  insertComments: (rows: number) =>
    `INSERT INTO comments (${COMMENT_COLUMNS.map(([c]) => c).join(", ")})
       VALUES ${Array.from({ length: rows }, () => ROW).join(", ")}
       RETURNING id, receipt_no AS "receiptNo"`,
  insertArticles: `INSERT INTO comment_articles (comment_id, article_identity_id, source) SELECT a, b, ? FROM (${JSON_INTEGER_PAIRS}) AS pairs`,
  insertRedaction: `INSERT INTO redactions (comment_id, kind, start, "end", field) VALUES (?, ?, ?, ?, ?)`,
};

const list = <T>(json: string | null | undefined): T[] => (json ? (JSON.parse(json) as T[]) : []);

/** The intake's statements on the transaction's connection. */
export function intakeStatements(tx: Queryable) {
  const q = raw(tx);
  return {
    consultationContext: async (consultationId: number): Promise<ConsultationContext | null> => {
      const row = await q.get<ContextRow>(SQL.context, consultationId, consultationId);
      if (!row) return null;
      const { versionId, articles, categories, ...consultation } = row;
      return {
        consultation,
        versionId,
        articles: new Map(list<{ number: number; identityId: number }>(articles).map((a) => [a.number, a.identityId])),
        categories: list<{ label: string }>(categories).map((c) => c.label),
      };
    },
    /** The comments already stored under any of these keys, by key. */
    byIdempotencyKeys: async (keys: string[]): Promise<Map<string, StoredByKey>> => {
      const rows = await q.all<StoredByKey & { key: string }>(SQL.byIdempotencyKeys, JSON.stringify(keys));
      return new Map(rows.map(({ key, ...stored }) => [key, stored]));
    },
    /** Inserts the rows in one statement; their ids by receipt number. */
    insertComments: async (rows: Array<Record<(typeof COMMENT_COLUMNS)[number][1], unknown>>): Promise<Map<string, number>> => {
      const values = rows.flatMap((r) => COMMENT_COLUMNS.map(([, field]) => r[field]));
      const inserted = await q.all<{ id: number; receiptNo: string }>(SQL.insertComments(rows.length), ...values);
      return new Map(inserted.map((r) => [r.receiptNo, r.id]));
    },
    /** [comment id, article identity] pairs, all from one source, in one statement. */
    insertArticles: (pairs: Array<[number, number]>, source: string) => q.run(SQL.insertArticles, source, JSON.stringify(pairs)),
    insertRedaction: (commentId: number, kind: string, start: number, end: number, field: string) =>
      q.run(SQL.insertRedaction, commentId, kind, start, end, field),
  };
}
