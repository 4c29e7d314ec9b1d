import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { dialect, dialectOf } from "./columns";
import { isPostgres, migratePostgres, openPostgres, pgExecute, probePostgresWrite, type PgDb } from "./postgres.server";
import * as schema from "./schema";

// The one seam to the database. Every query is asynchronous, so the code above this file can run
// on a networked database; on the embedded SQLite file (better-sqlite3, synchronous underneath)
// the queries go through drizzle's proxy driver into `execute` below.
//
// One connection serves the whole process, so an open transaction must not see another request's
// statements slip in between its own (they would commit or roll back with it). A transaction
// therefore holds the connection's gate from BEGIN to COMMIT or ROLLBACK, and a statement from
// any other async context waits at the gate until it is free — the approach of Kysely's SQLite
// driver (a connection mutex). Code running inside the transaction is recognised by its async
// context (AsyncLocalStorage), so even a helper that reaches for the process's handle instead of
// the `tx` it was given joins the transaction rather than deadlocking on it.
//
// A transaction body holds database statements only: no mail, no HTTP, no worker calls, since
// every other request of the process waits while it is open.

export type Db = SqliteRemoteDatabase<typeof schema> & {
  /** The raw connection: for migrations, tests and scripts only; app code uses `raw()` below. */
  $client: Database.Database;
};
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the committed migrations (of SQLite, or of PostgreSQL) are, from the source tree or from the Remix build. */
export function migrationsFolder(of: "sqlite" | "postgres" = "sqlite"): string {
  const name = of === "postgres" ? "migrations-pg" : "migrations";
  const candidates = [path.join(here, name), path.join(here, "..", "db", name), path.join(process.cwd(), "db", name)];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta", "_journal.json")));
  if (!found) throw new Error(`No migrations found (looked in ${candidates.join(", ")})`);
  return found;
}

export const BUSY_TIMEOUT_MS = 200;

type Method = "run" | "all" | "values" | "get";

interface OpenTransaction {
  gate: Gate;
  /** Set once BEGIN has succeeded and the body runs. */
  tx?: Tx;
}

/** How long a transaction waits in all for another process's write lock before failing busy. */
export const TRANSACTION_WAIT_MS = 3000;

/** SQLite's error code, also when drizzle has wrapped the driver's error (DrizzleQueryError). */
export function sqliteErrorCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
  }
  return null;
}

function isBusy(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  return code !== null && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** Which transaction, if any, the running code belongs to. */
const current = new AsyncLocalStorage<OpenTransaction>();

/** One connection's gate: at most one open transaction, and no foreign statement while it is open. */
class Gate {
  /** Resolves when the transaction holding the gate ends; null when the gate is free. */
  private held: Promise<void> | null = null;

  constructor(readonly sqlite: Database.Database) {}

  /** True when code in this async context may use the connection now. */
  private mayRun(): boolean {
    return this.held === null || current.getStore()?.gate === this;
  }

  /** Runs one statement, after any transaction of another context has ended. */
  async statement<T>(run: () => T): Promise<T> {
    while (!this.mayRun()) await this.held;
    return run();
  }

  /** Holds the gate for `body`, queueing behind transactions of other contexts. */
  async exclusive<T>(body: () => Promise<T>): Promise<T> {
    while (this.held !== null) await this.held;
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    try {
      return await body();
    } finally {
      this.held = null;
      release();
    }
  }
}

const gates = new WeakMap<object, Gate>();

/** Rows as better-sqlite3 gives them, for drizzle's proxy driver (arrays for mapped queries). */
function execute(sqlite: Database.Database, cache: Map<string, Database.Statement>, sql: string, params: unknown[], method: Method) {
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, statement);
  }
  if (sql === "begin immediate") {
    // The transaction's retry loop waits for another process's lock on a timer: no busy wait here,
    // which would hold the whole process for the busy timeout on every try.
    sqlite.pragma("busy_timeout = 0");
    try {
      statement.run();
    } finally {
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    return { rows: [] };
  }
  params = bindable(params);
  if (!statement.reader) {
    const result = statement.run(...params);
    return { rows: [], changes: result.changes, lastInsertRowid: result.lastInsertRowid };
  }
  statement.raw(true);
  if (method === "get") return { rows: statement.get(...params) as unknown as unknown[] };
  return { rows: statement.all(...params) as unknown[] };
}

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL"); // durable across process crashes in WAL mode
  sqlite.pragma("foreign_keys = ON");
  // better-sqlite3 is synchronous: while a statement waits for another process's lock, every
  // request of this process waits with it. So the wait is short, and the writes that a person is
  // waiting for retry between other work (retryWhileBusy in app/platform/db-errors.server.ts).
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const gate = new Gate(sqlite);
  const statements = new Map<string, Database.Statement>();
  const db = drizzle((sql, params, method) => gate.statement(() => execute(sqlite, statements, sql, params, method)), { schema }) as Db;
  db.$client = sqlite;

  // drizzle's proxy driver issues BEGIN/COMMIT/ROLLBACK itself around an async callback; the gate
  // keeps every other context out meanwhile. BEGIN IMMEDIATE takes the write lock at once, so a
  // transaction never fails half-way because another process wrote first.
  const begin = db.transaction.bind(db);
  db.transaction = (async (body, config) => {
    const outer = current.getStore();
    // A transaction opened inside one of ours is a savepoint of it.
    if (outer?.gate === gate && outer.tx) return outer.tx.transaction(body);
    const started = Date.now();
    for (;;) {
      const open: OpenTransaction = { gate };
      try {
        return await gate.exclusive(() =>
          current.run(open, () =>
            begin(
              (tx) => {
                open.tx = tx;
                return body(tx);
              },
              { behavior: "immediate", ...config }
            )
          )
        );
      } catch (error) {
        // Another process holds the write lock: wait between tries, with the gate open, as long
        // as the body has not started (a started body is never replayed).
        if (open.tx || !isBusy(error) || Date.now() - started >= TRANSACTION_WAIT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }) as Db["transaction"];
  gates.set(db, gate);
  return db;
}

/** Plain-SQL statements on the same gated connection, for what the query builder cannot say. */
export interface RawStatements {
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  /** The first column of the first row. */
  value<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  /** The first column of every row. */
  column<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Every row as an array of its columns. */
  arrays(sql: string, ...params: unknown[]): Promise<unknown[][]>;
  run(sql: string, ...params: unknown[]): Promise<{ changes: number; lastInsertRowid: number | bigint }>;
}

function gateOf(q: Queryable): Gate {
  const gate = gates.get(q) ?? current.getStore()?.gate;
  if (!gate) throw new Error("raw(): not a database opened by openDatabase, nor inside one of its transactions");
  return gate;
}

/** Prepared statements of raw(), per connection: preparing costs more than running on hot paths. */
const rawStatements = new WeakMap<Gate, Map<string, Database.Statement>>();

/**
 * Plain-SQL statements on `q`. With `prepare`, for the few fixed statements of a hot path: PostgreSQL parses
 * and plans each once per connection (a named statement) instead of at every call. SQLite's are always kept.
 */
export function raw(q: Queryable, { prepare: named = false }: { prepare?: boolean } = {}): RawStatements {
  if (isPostgres(q)) return pgRaw(q, named);
  const gate = gateOf(q);
  let cache = rawStatements.get(gate);
  if (!cache) rawStatements.set(gate, (cache = new Map()));
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = gate.sqlite.prepare(sql);
      if (cache.size > 500) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  };
  // A cached statement keeps its mode: each call sets the one it needs.
  const rows = (sql: string) => {
    const st = prepare(sql);
    return st.reader ? st.raw(false).pluck(false) : st;
  };
  return {
    all: (sql, ...params) => gate.statement(() => rows(sql).all(...bindable(params)) as never),
    get: (sql, ...params) => gate.statement(() => rows(sql).get(...bindable(params)) as never),
    value: (sql, ...params) =>
      gate.statement(
        () =>
          prepare(sql)
            .raw(false)
            .pluck(true)
            .get(...bindable(params)) as never
      ),
    column: (sql, ...params) =>
      gate.statement(
        () =>
          prepare(sql)
            .raw(false)
            .pluck(true)
            .all(...bindable(params)) as never
      ),
    arrays: (sql, ...params) =>
      gate.statement(
        () =>
          prepare(sql)
            .pluck(false)
            .raw(true)
            .all(...bindable(params)) as unknown[][]
      ),
    run: (sql, ...params) => gate.statement(() => prepare(sql).run(...bindable(params))),
  };
}

/** Dates and booleans as SQLite stores them (milliseconds, 1/0), so the same call binds on both dialects. */
function bindable(params: unknown[]): unknown[] {
  return params.map((p) => {
    if (p instanceof Date) return p.getTime();
    if (typeof p === "boolean") return p ? 1 : 0;
    if (p && typeof p === "object" && !Buffer.isBuffer(p) && !Array.isArray(p))
      return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, bindable([v])[0]]));
    return p;
  });
}

/** raw() on PostgreSQL: the same statements, placeholders turned into parameters (db/postgres.server.ts). */
function pgRaw(q: object, named: boolean): RawStatements {
  const run = (sql: string, params: unknown[]) => pgExecute(q, sql, params, named);
  const firstColumn = (r: { rows: Array<Record<string, unknown>>; fields: Array<{ name: string }> }) => r.rows.map((row) => row[r.fields[0].name]);
  return {
    all: async (sql, ...params) => (await run(sql, params)).rows as never,
    get: async (sql, ...params) => (await run(sql, params)).rows[0] as never,
    value: async (sql, ...params) => firstColumn(await run(sql, params))[0] as never,
    column: async (sql, ...params) => firstColumn(await run(sql, params)) as never,
    arrays: async (sql, ...params) => {
      const r = await run(sql, params);
      return r.rows.map((row) => r.fields.map((f) => row[f.name]));
    },
    run: async (sql, ...params) => ({ changes: (await run(sql, params)).rowCount ?? 0, lastInsertRowid: 0 }),
  };
}

/**
 * Applies the pending migrations, under the database's write lock from the first read of the journal to the
 * commit: of several instances starting at once on one file, the first migrates and the others find nothing
 * left to do. drizzle's own migrator reads the journal before its BEGIN, so two starting processes could both
 * apply the same migration. Same journal table and rows as drizzle's (`__drizzle_migrations`), so
 * `drizzle-kit` and existing databases keep working. Runs at start, before any request is served, so it may
 * block: a lock held by another instance's migration is waited out.
 */
export async function migrateDatabase(db: Db): Promise<number> {
  if (isPostgres(db)) return migratePostgres(db as unknown as PgDb, migrationsFolder("postgres"));
  const migrations = readMigrationFiles({ migrationsFolder: migrationsFolder() });
  const c = db.$client;
  c.pragma(`busy_timeout = ${MIGRATION_LOCK_WAIT_MS}`);
  try {
    c.exec("BEGIN IMMEDIATE");
    try {
      c.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
      const last = c.prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1').pluck().get() as number | string | undefined;
      let applied = 0;
      for (const m of migrations) {
        if (last !== undefined && Number(last) >= m.folderMillis) continue;
        for (const statement of m.sql) if (statement.trim()) c.exec(statement);
        c.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)').run(m.hash, m.folderMillis);
        applied++;
      }
      c.exec("COMMIT");
      return applied;
    } catch (error) {
      if (c.inTransaction) c.exec("ROLLBACK");
      throw error;
    }
  } finally {
    c.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * Throws unless the database accepts a write, within the busy timeout: a table created and rolled back.
 * A transaction of another request open on the connection already proves it writable. For /healthz.
 */
export function probeWrite(db: Db): Promise<void> {
  if (isPostgres(db)) return probePostgresWrite(db as unknown as PgDb);
  const gate = gateOf(db);
  return gate.statement(() => {
    const c = gate.sqlite;
    if (c.inTransaction) return;
    c.exec("BEGIN IMMEDIATE");
    try {
      c.exec("CREATE TABLE healthz_write_probe (x INTEGER); INSERT INTO healthz_write_probe VALUES (1);");
    } finally {
      c.exec("ROLLBACK");
    }
  });
}

/** How long a starting instance waits for another one's migration. */
const MIGRATION_LOCK_WAIT_MS = 60_000;

/** The first row a query returns, or undefined: the dialect-neutral `.get()` (which only SQLite's builders have). */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** The row an INSERT … RETURNING (or another statement sure to yield one) returned. */
export async function single<T>(rows: PromiseLike<T[]>): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new Error("The statement returned no row");
  return row;
}

/**
 * Opens the database a location names: a postgres:// URL (PostgreSQL, when the process was started with
 * DATABASE_URL naming it: the schema is built for one dialect when it loads), or an SQLite file's path.
 */
export function openDatabaseAt(location: string, options: { poolMax?: number; poolWaitMs?: number } = {}): Db {
  if (dialectOf(location) === "postgres") {
    if (dialect !== "postgres") throw new Error("PostgreSQL is opened only by a process started with DATABASE_URL naming it");
    return openPostgres(location, { max: options.poolMax, waitMs: options.poolWaitMs }) as unknown as Db;
  }
  if (dialect === "postgres") throw new Error(`This process runs on PostgreSQL (DATABASE_URL); it cannot open the SQLite file ${location}`);
  return openDatabase(location);
}

/** Closes the connection (SQLite) or the pool (PostgreSQL). */
export async function closeDatabase(db: Db): Promise<void> {
  if (isPostgres(db)) await (db as unknown as PgDb).$client.end();
  else db.$client.close();
}

/** Where the database is: the SQLite file's path or the PostgreSQL URL (for a worker thread to open it again). */
export function databaseLocation(db: Db): string {
  return isPostgres(db) ? String((db as unknown as PgDb).$client.options.connectionString) : db.$client.name;
}

export { dialect };
export { pgErrorCode } from "./postgres.server";

/** A database location fit for a log line: a PostgreSQL URL without its password. */
export function describeLocation(location: string): string {
  if (dialectOf(location) !== "postgres") return location;
  const u = new URL(location);
  if (u.password) u.password = "***";
  return u.toString();
}
