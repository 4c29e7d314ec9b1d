// Plain SQL for fixtures, on either database: raw(db) in the integration tests (SQLite or PostgreSQL),
// or a better-sqlite3 handle on the browser tests' database file (fromSqlite). Statements use `?`
// placeholders and SQL both databases accept; times are passed as Date and booleans as true/false.
import type Database from "better-sqlite3";

export interface SqlRunner {
  run(sql: string, ...params: unknown[]): Promise<unknown>;
  get<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  value<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
}

const bindable = (params: unknown[]) => params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? (p ? 1 : 0) : p));

export function fromSqlite(handle: Database.Database): SqlRunner {
  return {
    run: async (sql, ...params) => handle.prepare(sql).run(...bindable(params)),
    get: async <T>(sql: string, ...params: unknown[]) => handle.prepare(sql).get(...bindable(params)) as T | undefined,
    all: async <T>(sql: string, ...params: unknown[]) => handle.prepare(sql).all(...bindable(params)) as T[],
    value: async <T>(sql: string, ...params: unknown[]) =>
      handle
        .prepare(sql)
        .pluck()
        .get(...bindable(params)) as T | undefined,
  };
}

/** The id an INSERT … RETURNING id gave. */
export async function insertedId(sql: SqlRunner, statement: string, ...params: unknown[]): Promise<number> {
  const id = await sql.value<number>(`${statement} RETURNING id`, ...params);
  if (id === undefined) throw new Error("The insert returned no id");
  return Number(id);
}
