// The schema's building blocks, for either database: the SQLite file (the default) or PostgreSQL
// (when DATABASE_URL is a postgres:// URL). db/schema.ts is written once with these, so the two
// schemas cannot drift apart in what the code sees; tests/integration/schema-parity.test.ts checks
// what the migrations of each dialect actually create.
//
// The dialect is chosen once, when this module is loaded. Types are SQLite's builders' (the code
// above db/ is typed against one dialect); at run time on PostgreSQL they are pg-core's, which have
// the same methods for everything db/schema.ts uses. Times are `timestamptz` on PostgreSQL and
// integer milliseconds on SQLite; both read as Date.
import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import * as lite from "drizzle-orm/sqlite-core";

export type Dialect = "sqlite" | "postgres";

/** Which database a DATABASE_URL names: PostgreSQL for a postgres:// (or postgresql://) URL, else SQLite. */
export function dialectOf(databaseUrl: string | undefined): Dialect {
  return databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgres" : "sqlite";
}

export const dialect: Dialect = dialectOf(process.env.DATABASE_URL);
const onPg = dialect === "postgres";

const bytea = pg.customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Declared as SQLite's, built as the running dialect's (see the top of this file). */
const as = <T>(value: unknown) => value as T;

export const table = as<typeof lite.sqliteTable>(onPg ? pg.pgTable : lite.sqliteTable);
export const index = as<typeof lite.index>(onPg ? pg.index : lite.index);
export const uniqueIndex = as<typeof lite.uniqueIndex>(onPg ? pg.uniqueIndex : lite.uniqueIndex);
export const primaryKey = as<typeof lite.primaryKey>(onPg ? pg.primaryKey : lite.primaryKey);

/** An integer key numbered by the database. */
export const id = (name = "id") => (onPg ? as<ReturnType<typeof liteId>>(pg.integer(name).primaryKey().generatedByDefaultAsIdentity()) : liteId(name));
const liteId = (name: string) => lite.integer(name).primaryKey({ autoIncrement: true });

export const integer = (name: string) => (onPg ? as<ReturnType<typeof lite.integer>>(pg.integer(name)) : lite.integer(name));

/** An integer that may pass 2^31 (milliseconds, byte counts): 64-bit on PostgreSQL, read as a number. */
export const bigInteger = (name: string) => (onPg ? as<ReturnType<typeof lite.integer>>(pg.bigint(name, { mode: "number" })) : lite.integer(name));

export const real = (name: string) => (onPg ? as<ReturnType<typeof lite.real>>(pg.doublePrecision(name)) : lite.real(name));

/** Text, optionally typed as one of an enumeration (no CHECK in either database, as before). */
export const text = as<typeof lite.text>((name: string, config?: { enum: [string, ...string[]] }) =>
  onPg ? (config ? pg.text(name, config) : pg.text(name)) : config ? lite.text(name, config) : lite.text(name)
);

/** A point in time, read and written as a Date: timestamptz on PostgreSQL, integer milliseconds on SQLite. */
export const time = (name: string) =>
  onPg ? as<ReturnType<typeof liteTime>>(pg.timestamp(name, { withTimezone: true, mode: "date", precision: 3 })) : liteTime(name);
const liteTime = (name: string) => lite.integer(name, { mode: "timestamp_ms" });

/** When the row was written, by the database's clock. */
export const createdAt = () =>
  time("created_at")
    .notNull()
    .default(onPg ? sql`now()` : sql`(unixepoch('subsec') * 1000)`);

export const boolean = (name: string) => (onPg ? as<ReturnType<typeof liteBoolean>>(pg.boolean(name)) : liteBoolean(name));
const liteBoolean = (name: string) => lite.integer(name, { mode: "boolean" });

/** A JSON value: jsonb on PostgreSQL, JSON text on SQLite. */
export const json = (name: string) => (onPg ? as<ReturnType<typeof liteJson>>(pg.jsonb(name)) : liteJson(name));
const liteJson = (name: string) => lite.text(name, { mode: "json" });

/** Bytes: bytea on PostgreSQL, a blob on SQLite. */
export const bytes = (name: string) => (onPg ? as<ReturnType<typeof liteBytes>>(bytea(name)) : liteBytes(name));
const liteBytes = (name: string) => lite.blob(name, { mode: "buffer" });
