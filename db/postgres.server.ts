import crypto from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import * as schema from "./schema";

// PostgreSQL behind the same seam as the SQLite file (db/client.server.ts): a pool of node-postgres
// connections under drizzle's pg dialect (docs/decisions/0039-postgresql.md).
//
// Transactions are SERIALIZABLE, as every SQLite transaction is (one writer at a time): code written
// as "read, decide, write" inside a transaction stays correct with several instances. A transaction
// PostgreSQL aborts as a serialization failure or deadlock is run again, a few times, from the start;
// a body holds database statements only (no mail, no HTTP), so running it again has no other effect.
//
// Code inside a transaction that reaches for the process's handle instead of the `tx` it was given
// joins the transaction (as on SQLite, where there is one connection), recognised by its async
// context; otherwise it would wait on a second connection for the locks of its own transaction.

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
type PgTx = Parameters<Parameters<PgDb["transaction"]>[0]>[0];

interface Open {
  db: PgDb;
  tx: PgTx;
}
const current = new AsyncLocalStorage<Open>();

export const POOL_DEFAULTS = { max: 10, waitMs: 3000 };

/** A serialization failure or a deadlock (or, where asked, a unique violation): the transaction can be run again. */
export function isRetryable(error: unknown, uniqueViolation = false): boolean {
  const code = pgErrorCode(error);
  return code === "40001" || code === "40P01" || (uniqueViolation && code === "23505");
}

/** PostgreSQL's SQLSTATE (or the socket's error code), also when drizzle has wrapped the driver's error. */
export function pgErrorCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code) return code;
    const message = (e as { message?: unknown }).message;
    // node-postgres's pool says so in words when no connection came free in time.
    if (typeof message === "string" && /timeout exceeded when trying to connect|Connection terminated/i.test(message)) return "POOL_TIMEOUT";
  }
  return null;
}

const TRANSACTION_TRIES = 6;

/** The server named by DATABASE_URL did not answer: a message for the operator, not a stack trace. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

export function openPostgres(url: string, options: { max?: number; waitMs?: number; applicationName?: string } = {}): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? POOL_DEFAULTS.max,
    // A request waits a bounded time for a connection, then is answered 503 (its text kept).
    connectionTimeoutMillis: options.waitMs ?? POOL_DEFAULTS.waitMs,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? "zhengqiu",
  });
  // A connection the server dropped (a restart) is discarded by the pool; without a listener the
  // process would exit on the 'error' event.
  pool.on("error", () => {});
  const base = drizzle({ client: pool, schema }) as PgDb;

  const begin = base.transaction.bind(base);
  const transaction = (async (body, config) => {
    const outer = current.getStore();
    if (outer?.db === proxy) return outer.tx.transaction(body);
    // Not drizzle's: a transaction guarded by unique constraints is run again when it breaks one (db/dialect-sql.ts).
    const { retryOnUniqueViolation = false, ...pgConfig } = (config ?? {}) as NonNullable<typeof config> & { retryOnUniqueViolation?: boolean };
    for (let attempt = 1; ; attempt++) {
      try {
        return await begin((tx) => current.run({ db: proxy, tx }, () => body(tx)), { isolationLevel: "serializable", ...pgConfig });
      } catch (error) {
        if (!isRetryable(error, retryOnUniqueViolation) || attempt >= TRANSACTION_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }) as PgDb["transaction"];

  const proxy: PgDb = new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === "transaction") return transaction;
      if (prop === "$client") return pool;
      const open = current.getStore();
      const on = open?.db === proxy ? open.tx : target;
      const value = Reflect.get(on, prop, on === target ? receiver : on);
      return typeof value === "function" ? value.bind(on) : value;
    },
  });
  pgDatabases.add(proxy);
  return proxy;
}

const pgDatabases = new WeakSet<object>();

export function isPostgres(q: object): boolean {
  return pgDatabases.has(q) || current.getStore()?.tx === q;
}

/**
 * Turns the `?` (or `@name`) placeholders of a plain-SQL statement into PostgreSQL's `$n`, outside quoted
 * strings, quoted identifiers and comments. The same statement text then runs on SQLite and on PostgreSQL.
 */
export function toPgQuery(text: string, params: unknown[]): { text: string; values: unknown[] } {
  const named = params.length === 1 && params[0] !== null && typeof params[0] === "object" && !(params[0] instanceof Date) && !Buffer.isBuffer(params[0]);
  const byName = named ? (params[0] as Record<string, unknown>) : null;
  const values: unknown[] = [];
  const slots = new Map<string, number>();
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "-" && text[i + 1] === "-") {
      const eol = text.indexOf("\n", i);
      const stop = eol === -1 ? text.length : eol;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (ch === "?" && !byName) {
      values.push(params[values.length]);
      out += `$${values.length}`;
    } else if (ch === "@" && byName && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      const name = /^[A-Za-z_]\w*/.exec(text.slice(i + 1))![0];
      if (!(name in byName)) throw new Error(`No value for @${name}`);
      let slot = slots.get(name);
      if (slot === undefined) {
        values.push(byName[name]);
        slots.set(name, (slot = values.length));
      }
      out += `$${slot}`;
      i += name.length;
    } else out += ch;
  }
  if (!byName && values.length !== params.length) throw new Error(`The statement has ${values.length} placeholders for ${params.length} values`);
  return { text: out, values: values.map((v) => (v === undefined ? null : v)) };
}

// Plain SQL answers as SQLite gives them, so the code that reads them is one: times as milliseconds,
// booleans as 1 and 0, JSON as its text, counts and sums as numbers.
const OID = { bool: 16, int8: 20, json: 114, numeric: 1700, timestamptz: 1184, jsonb: 3802 } as const;
const rawTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    switch (oid) {
      case OID.bool:
        return (v: string) => (v === "t" ? 1 : 0);
      case OID.int8:
      case OID.numeric:
        return (v: string) => Number(v);
      case OID.timestamptz:
        return (v: string) => new Date(v.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")).getTime();
      case OID.json:
      case OID.jsonb:
        return (v: string) => v;
      default:
        return pg.types.getTypeParser(oid, format as "text");
    }
  }) as typeof pg.types.getTypeParser,
};

// drizzle's own queries: counts and sums typed as numbers in the code arrive as numbers.
pg.types.setTypeParser(OID.int8, (v: string) => Number(v));
pg.types.setTypeParser(OID.numeric, (v: string) => Number(v));

export interface PgResult {
  rows: Array<Record<string, unknown>>;
  fields: Array<{ name: string }>;
  rowCount: number | null;
}

/** The connection a statement of this handle runs on: the open transaction's, or the pool. */
function connectionOf(q: object): pg.Pool | pg.PoolClient {
  const open = current.getStore();
  const tx = open && (q === open.db || q === open.tx) ? open.tx : pgDatabases.has(q) ? null : q;
  if (tx) return (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
  return (q as PgDb).$client;
}

/** The names of statements prepared on every connection that runs them (raw(q, { prepare: true })), by text. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

/** Runs a plain-SQL statement on the handle, or on the transaction the running code is inside. */
export async function pgExecute(q: object, text: string, params: unknown[], named = false): Promise<PgResult> {
  const query = toPgQuery(text, params);
  let name = named ? statementNames.get(query.text) : undefined;
  if (named && !name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `zq_${crypto.createHash("sha1").update(query.text).digest("hex").slice(0, 24)}`;
    statementNames.set(query.text, name);
  }
  return (await connectionOf(q).query({ ...query, name, types: rawTypes })) as PgResult;
}

/**
 * Applies the pending migrations of db/migrations-pg under an advisory lock held from the first read of
 * the journal to the commit: of several instances starting at once, one migrates and the others then
 * find nothing left to do. Same journal table as drizzle's own migrator.
 */
export async function migratePostgres(db: PgDb, migrationsFolder: string): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  let client: pg.PoolClient;
  try {
    client = await db.$client.connect();
  } catch (error) {
    const where = new URL(String(db.$client.options.connectionString));
    if (where.password) where.password = "***";
    throw new DatabaseUnreachableError(
      `Cannot reach PostgreSQL at DATABASE_URL=${where.toString()}: ${
        error instanceof Error ? error.message || (error as { code?: string }).code : String(error)
      }`
    );
  }
  try {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('zhengqiu.migrate'))");
      await client.query('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
      const last = await client.query<{ created_at: string }>('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1');
      const lastAt = last.rows[0] ? Number(last.rows[0].created_at) : undefined;
      let applied = 0;
      for (const m of migrations) {
        if (lastAt !== undefined && lastAt >= m.folderMillis) continue;
        for (const statement of m.sql) if (statement.trim()) await client.query(statement);
        await client.query('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES ($1, $2)', [m.hash, m.folderMillis]);
        applied++;
      }
      await client.query("COMMIT");
      return applied;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

/** Throws unless the database accepts a write: a table created and rolled back. For /healthz. */
export async function probePostgresWrite(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query("BEGIN");
    try {
      await client.query("CREATE TEMP TABLE healthz_write_probe (x integer); INSERT INTO healthz_write_probe VALUES (1)");
    } finally {
      await client.query("ROLLBACK");
    }
  } finally {
    client.release();
  }
}
