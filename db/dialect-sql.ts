// The few SQL expressions that are spelled differently on SQLite and PostgreSQL, for plain-SQL statements
// (raw()) and drizzle's sql`` alike. Everything else in those statements is written once, in the SQL both
// accept (docs/decisions/0039-postgresql.md).
import { sql, type SQL } from "drizzle-orm";
import { dialect } from "./columns";

const onPg = dialect === "postgres";

/** `SELECT value FROM …` the integers of a JSON array bound as one parameter (large IN lists). */
export const JSON_INTEGERS = onPg ? "SELECT value::integer AS value FROM json_array_elements_text(?::json) AS value" : "SELECT value FROM json_each(?)";

/** `column` is one of the strings of a JSON array bound as one parameter, looked up through its index. */
export const inJsonTexts = (column: string) =>
  onPg ? `${column} = ANY(ARRAY(SELECT json_array_elements_text(?::json)))` : `${column} IN (SELECT value FROM json_each(?))`;

/** `SELECT a, b FROM …` the pairs of integers of a JSON array of two-element arrays bound as one parameter. */
export const JSON_INTEGER_PAIRS = onPg
  ? "SELECT (value->>0)::integer AS a, (value->>1)::integer AS b FROM json_array_elements(?::json) AS value"
  : "SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS b FROM json_each(?)";

/** The values of an expression in a group, joined by commas. */
export const listOf = (expr: string) => (onPg ? `string_agg((${expr})::text, ',')` : `group_concat(${expr})`);

/** A JSON array (as text) of one object per row of a group: pairs of key and expression. */
export function jsonObjects(pairs: Array<[string, string]>): string {
  const args = pairs.map(([k, v]) => `'${k}', ${v}`).join(", ");
  return onPg ? `json_agg(json_build_object(${args}))` : `json_group_array(json_object(${args}))`;
}

/** The character of a code point. */
export const char = (code: number) => (onPg ? `chr(${code})` : `char(${code})`);

/** An instant as integer milliseconds since the epoch (SQLite stores it so; PostgreSQL's timestamptz converted). */
export const epochMs = (expr: SQL): SQL => (onPg ? sql`(floor(extract(epoch from ${expr}) * 1000))::bigint` : expr);

/** The greatest of several values, NULL ones ignored on PostgreSQL (SQLite's max() of a NULL is NULL). */
export const greatest = (values: SQL[]): SQL => sql`${sql.raw(onPg ? "greatest" : "max")}(${sql.join(values, sql`, `)})`;

/** The date (YYYY-MM-DD) of an instant in Asia/Shanghai, which has no daylight saving time. */
export const shanghaiDay = (expr: SQL | unknown): SQL =>
  onPg ? sql`to_char(${expr} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')` : sql`strftime('%Y-%m-%d', ${expr} / 1000 + 28800, 'unixepoch')`;

/** LIKE ignoring the case of Latin letters (SQLite's LIKE does; PostgreSQL's ILIKE). */
export const LIKE_ANY_CASE = onPg ? "ilike" : "like";

/** After a queue's `SELECT … LIMIT 1`: PostgreSQL skips a row another claimer holds; SQLite has one writer. */
export const SKIP_LOCKED = onPg ? "FOR UPDATE SKIP LOCKED" : "";

/**
 * The transaction a claim runs in: SQLite's takes the write lock at once; on PostgreSQL READ COMMITTED, as
 * SKIP LOCKED is meant to be used (a serializable claim would fail on the rows others took meanwhile).
 */
export const CLAIM_TRANSACTION = (onPg ? { isolationLevel: "read committed" } : { behavior: "immediate" }) as { behavior: "immediate" };

/**
 * The transaction of a write whose only rule across transactions is a unique constraint (a comment's
 * idempotency key and receipt number): on PostgreSQL READ COMMITTED, run again when it breaks that
 * constraint (the second of two concurrent identical submissions then finds the first), instead of
 * SERIALIZABLE, whose page-level predicate locks make concurrent inserts into one index abort each other.
 * SQLite's takes the write lock at once.
 */
export const UNIQUE_GUARDED_TRANSACTION = (onPg ? { isolationLevel: "read committed", retryOnUniqueViolation: true } : { behavior: "immediate" }) as {
  behavior: "immediate";
};

/** Taken before reading the audit chain's last entry to append after it: appends queue (PostgreSQL only). */
export const AUDIT_APPEND_LOCK = onPg ? "SELECT pg_advisory_xact_lock(hashtext('zhengqiu.audit'))" : null;

/**
 * A transaction that only reads, seeing one moment throughout (a packet's files must agree): SQLite's
 * deferred read transaction; on PostgreSQL REPEATABLE READ, READ ONLY, which never fails to serialize.
 */
export const READ_SNAPSHOT_TRANSACTION = (onPg ? { isolationLevel: "repeatable read", accessMode: "read only" } : { behavior: "deferred" }) as {
  behavior: "deferred";
};
