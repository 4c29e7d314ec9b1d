// The intake's hot path in plain SQL: a batch of comments (comment.server.ts) costs a handful of
// statements whatever its size, each a round trip on PostgreSQL (docs/decisions/0042, 0047): the batch's
// consultation with the comments already under its keys in one, and on PostgreSQL the comments with their
// articles and proposed redactions in one.
import { raw, type Queryable } from "~db/client.server";
import { dialect } from "~db/columns";
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
type ContextRow = Omit<ConsultationRow, "id"> & {
  id: number | null;
  versionId: number | null;
  articles: string | null;
  categories: string | null;
  existing: string | null;
};

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

const STORED_BY_KEY = jsonObjects([
  ["receiptNo", "receipt_no"],
  ["consultationId", "consultation_id"],
  ["body", "body"],
  ["name", "name"],
  ["email", "email"],
  ["clientHash", "client_hash"],
  ["enteredBy", "entered_by"],
  ["key", "idempotency_key"],
]);

const SQL = {
  // The consultation, its latest version with that version's articles, the identity categories, and the
  // comments already stored under the keys: always one row, its consultation columns null when there is none.
  context: `WITH v AS (SELECT id FROM draft_versions WHERE consultation_id = ? ORDER BY version_no DESC LIMIT 1)
       SELECT c.id, c.title, c.status, c.opens_at AS "opensAt", c.closes_at AS "closesAt",
         c.require_email_verification AS "requireEmailVerification",
         (SELECT id FROM v) AS "versionId",
         (SELECT ${jsonObjects([
           ["number", "number"],
           ["identityId", "article_identity_id"],
         ])} FROM draft_nodes WHERE version_id = (SELECT id FROM v) AND kind = 'article' AND article_identity_id IS NOT NULL) AS articles,
         (SELECT ${jsonObjects([["label", "label"]])} FROM identity_categories WHERE active) AS categories,
         (SELECT ${STORED_BY_KEY} FROM comments WHERE ${inJsonTexts("idempotency_key")}) AS existing
       FROM (SELECT 1 AS one) AS one LEFT JOIN consultations c ON c.id = ?`,
  insertComments: (rows: number) =>
    `INSERT INTO comments (${COMMENT_COLUMNS.map(([c]) => c).join(", ")})
       VALUES ${Array.from({ length: rows }, () => ROW).join(", ")}
       RETURNING id, receipt_no AS "receiptNo"`,
  // PostgreSQL: the comments, their articles and their proposed redactions in one statement (one round trip),
  // the articles and redactions joined to the new rows by receipt number.
  insertCommentsWithParts: (rows: number) =>
    `WITH ins AS (
         INSERT INTO comments (${COMMENT_COLUMNS.map(([c]) => c).join(", ")})
         VALUES ${Array.from({ length: rows }, () => ROW).join(", ")}
         RETURNING id, receipt_no),
       arts AS (
         INSERT INTO comment_articles (comment_id, article_identity_id, source)
         SELECT ins.id, (value->>1)::integer, value->>2 FROM json_array_elements(?::json) AS value JOIN ins ON ins.receipt_no = value->>0),
       reds AS (
         INSERT INTO redactions (comment_id, kind, start, "end", field)
         SELECT ins.id, value->>1, (value->>2)::integer, (value->>3)::integer, value->>4 FROM json_array_elements(?::json) AS value JOIN ins ON ins.receipt_no = value->>0)
       SELECT id, receipt_no AS "receiptNo" FROM ins`,
  insertArticles: `INSERT INTO comment_articles (comment_id, article_identity_id, source) SELECT a, b, ? FROM (${JSON_INTEGER_PAIRS}) AS pairs`,
  insertRedaction: `INSERT INTO redactions (comment_id, kind, start, "end", field) VALUES (?, ?, ?, ?, ?)`,
};

const list = <T>(json: string | null | undefined): T[] => (json ? (JSON.parse(json) as T[]) : []);

/** [receipt number, article identity, source] of a comment about to be stored. */
export type ArticleOf = [string, number, string];
/** [receipt number, kind, start, end, field] of a proposed redaction of a comment about to be stored. */
export type RedactionOf = [string, string, number, number, string];

/** The intake's statements on the transaction's connection, each prepared once per connection. */
export function intakeStatements(tx: Queryable) {
  const q = raw(tx, { prepare: true });
  return {
    /** The consultation a submission is checked against (null when there is none), and the comments already stored under `keys`, by key. */
    consultationContext: async (
      consultationId: number,
      keys: string[]
    ): Promise<{ context: ConsultationContext | null; existing: Map<string, StoredByKey> }> => {
      const row = (await q.get<ContextRow>(SQL.context, consultationId, JSON.stringify(keys), consultationId))!;
      const existing = new Map(list<StoredByKey & { key: string }>(row.existing).map(({ key, ...stored }) => [key, stored]));
      const { id, versionId, articles, categories, existing: _existing, ...rest } = row;
      if (id === null) return { context: null, existing };
      return {
        context: {
          consultation: { id, ...rest },
          versionId,
          articles: new Map(list<{ number: number; identityId: number }>(articles).map((a) => [a.number, a.identityId])),
          categories: list<{ label: string }>(categories).map((c) => c.label),
        },
        existing,
      };
    },
    /** Inserts the rows with their articles and proposed redactions; their ids by receipt number. */
    insertComments: async (
      rows: Array<Record<(typeof COMMENT_COLUMNS)[number][1], unknown>>,
      articles: ArticleOf[],
      redactions: RedactionOf[]
    ): Promise<Map<string, number>> => {
      const values = rows.flatMap((r) => COMMENT_COLUMNS.map(([, field]) => r[field]));
      if (dialect === "postgres") {
        const inserted = await q.all<{ id: number; receiptNo: string }>(
          SQL.insertCommentsWithParts(rows.length),
          ...values,
          JSON.stringify(articles),
          JSON.stringify(redactions)
        );
        return new Map(inserted.map((r) => [r.receiptNo, r.id]));
      }
      // SQLite: in this process, so a statement costs no round trip.
      const inserted = await q.all<{ id: number; receiptNo: string }>(SQL.insertComments(rows.length), ...values);
      const ids = new Map(inserted.map((r) => [r.receiptNo, r.id]));
      for (const source of new Set(articles.map(([, , s]) => s))) {
        const pairs = articles.filter(([, , s]) => s === source).map(([receiptNo, identity]) => [ids.get(receiptNo)!, identity]);
        await q.run(SQL.insertArticles, source, JSON.stringify(pairs));
      }
      for (const [receiptNo, kind, start, end, field] of redactions) await q.run(SQL.insertRedaction, ids.get(receiptNo)!, kind, start, end, field);
      return ids;
    },
  };
}
