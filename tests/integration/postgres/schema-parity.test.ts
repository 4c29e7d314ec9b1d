import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "~db/client.server";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../../setup/postgres";

// The two dialects' migrations build the same schema: tables, columns, types, nullability, defaults and
// indexes. Each side is built from its committed migrations alone and read back from the database's own
// catalogue, so a hand-written migration on one side without its twin on the other fails here.

type Family = "int" | "time" | "bool" | "text" | "json" | "real" | "bytes" | "untyped";
interface Column {
  type: Family[];
  notNull: boolean;
  default: string | null;
}
type Schema = Map<string, { columns: Map<string, Column>; indexes: Set<string> }>;

// SQLite declares times and booleans as integer and JSON as text: a column there may be any of these.
const SQLITE_FAMILIES: Record<string, Family[]> = {
  integer: ["int", "time", "bool"],
  text: ["text", "json"],
  real: ["real"],
  blob: ["bytes"],
  "": ["untyped"],
};
const PG_FAMILY: Record<string, Family> = {
  integer: "int",
  bigint: "int",
  "timestamp with time zone": "time",
  boolean: "bool",
  text: "text",
  jsonb: "json",
  "double precision": "real",
  bytea: "bytes",
};

/** One spelling of a default for both: the clock, a number, a boolean, a string. */
function canonicalDefault(value: string | null): string | null {
  if (value === null) return null;
  const v = value
    .trim()
    .replace(/^\((.*)\)$/s, "$1")
    .replace(/::[a-z ]+$/i, "");
  if (/unixepoch|now\(\)|CURRENT_TIMESTAMP/i.test(v)) return "clock";
  if (v === "true" || v === "false") return v === "true" ? "1" : "0";
  return v;
}

/** The index as columns and uniqueness, whatever its name. */
const indexKey = (table: string, columns: string[], unique: boolean) => `${table}(${columns.join(",")})${unique ? " unique" : ""}`;

function sqliteSchema(): Schema {
  const db = new Database(":memory:");
  for (const m of readMigrationFiles({ migrationsFolder: migrationsFolder("sqlite") })) for (const s of m.sql) if (s.trim()) db.exec(s);
  const schema: Schema = new Map();
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = new Map<string, Column>();
    const info = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>;
    const singlePk = info.filter((c) => c.pk > 0).length === 1;
    // The FTS5 table's implicit rowid is PostgreSQL's rowid column.
    if (table === "search_index") columns.set("rowid", { type: ["int"], notNull: true, default: null });
    for (const c of info)
      columns.set(c.name, {
        type: SQLITE_FAMILIES[c.type.toLowerCase()] ?? [c.type as Family],
        notNull: c.notnull === 1 || (singlePk && c.pk > 0),
        default: canonicalDefault(c.dflt_value),
      });
    const indexes = new Set<string>();
    const list = db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string; unique: number; origin: string }>;
    for (const i of list) {
      const cols = (db.prepare(`PRAGMA index_xinfo("${i.name}")`).all() as Array<{ name: string | null; key: number; cid: number }>)
        .filter((c) => c.key === 1)
        .map((c) => c.name ?? "<expression>");
      indexes.add(indexKey(table, cols, i.unique === 1));
    }
    if (singlePk)
      indexes.add(
        indexKey(
          table,
          info.filter((c) => c.pk > 0).map((c) => c.name),
          true
        )
      );
    if (table === "search_index") indexes.add(indexKey(table, ["rowid"], true)); // the FTS5 table's key
    schema.set(table, { columns, indexes });
  }
  db.close();
  return schema;
}

async function pgSchema(url: string): Promise<Schema> {
  return onServer(url, async (c) => {
    const schema: Schema = new Map();
    const cols = await c.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '__drizzle_migrations' ORDER BY table_name, ordinal_position`
    );
    for (const r of cols.rows) {
      if (!schema.has(r.table_name)) schema.set(r.table_name, { columns: new Map(), indexes: new Set() });
      schema.get(r.table_name)!.columns.set(r.column_name, {
        type: [PG_FAMILY[r.data_type] ?? (r.data_type as Family)],
        notNull: r.is_nullable === "NO",
        default: r.is_identity === "YES" ? null : canonicalDefault(r.column_default),
      });
    }
    const idx = await c.query<{ table: string; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.indisunique AS unique,
              array(SELECT coalesce(a.attname, '<expression>') FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
         JOIN pg_class x ON x.oid = i.indexrelid
        WHERE s.nspname = 'public' AND t.relname <> '__drizzle_migrations' AND x.relname <> 'search_index_body_trgm'`
    );
    for (const r of idx.rows) schema.get(r.table)?.indexes.add(indexKey(r.table, r.columns, r.unique));
    return schema;
  });
}

/** Every difference, in words, so that a failure says what to add where. */
function differences(lite: Schema, pg: Schema): string[] {
  const out: string[] = [];
  for (const t of new Set([...lite.keys(), ...pg.keys()])) {
    const a = lite.get(t);
    const b = pg.get(t);
    if (!a || !b) {
      out.push(`table ${t} only on ${a ? "SQLite" : "PostgreSQL"}`);
      continue;
    }
    for (const name of new Set([...a.columns.keys(), ...b.columns.keys()])) {
      const x = a.columns.get(name);
      const y = b.columns.get(name);
      if (!x || !y) {
        out.push(`column ${t}.${name} only on ${x ? "SQLite" : "PostgreSQL"}`);
        continue;
      }
      if (!x.type.includes("untyped") && !x.type.includes(y.type[0])) out.push(`column ${t}.${name}: SQLite ${x.type.join("|")}, PostgreSQL ${y.type[0]}`);
      // An FTS5 table declares neither types nor constraints: its columns are compared by name.
      if (!x.type.includes("untyped") && x.notNull !== y.notNull) out.push(`column ${t}.${name}: NOT NULL on ${x.notNull ? "SQLite" : "PostgreSQL"} only`);
      if (x.default !== y.default) out.push(`column ${t}.${name}: default ${x.default} on SQLite, ${y.default} on PostgreSQL`);
    }
    for (const i of a.indexes) if (!b.indexes.has(i)) out.push(`index ${i} only on SQLite`);
    for (const i of b.indexes) if (!a.indexes.has(i)) out.push(`index ${i} only on PostgreSQL`);
  }
  return out;
}

const server = process.env.ZQ_TEST_PG_SERVER!;
const name = `zq_parity_${process.pid}`;
let pg: Schema;
let lite: Schema;

beforeAll(async () => {
  await dropDatabase(server, name);
  await createDatabase(server, name);
  await onServer(withDatabase(server, name), async (c) => {
    for (const m of readMigrationFiles({ migrationsFolder: migrationsFolder("postgres") })) for (const s of m.sql) if (s.trim()) await c.query(s);
  });
  pg = await pgSchema(withDatabase(server, name));
  lite = sqliteSchema();
});
afterAll(() => dropDatabase(server, name));

describe("the schema on SQLite and on PostgreSQL", () => {
  it("has the same tables, columns, types, nullability, defaults and indexes", () => {
    expect(lite.size).toBeGreaterThan(30);
    expect(differences(lite, pg)).toEqual([]);
  });

  it("notices a difference: a column, a default, an index or nullability on one side only", () => {
    const changed: Schema = new Map([...pg].map(([t, v]) => [t, { columns: new Map(v.columns), indexes: new Set(v.indexes) }]));
    changed.get("comments")!.columns.delete("email");
    changed.get("users")!.columns.set("active", { type: ["bool"], notNull: true, default: "0" });
    changed.get("sessions")!.columns.set("ip", { type: ["text"], notNull: true, default: null });
    changed.get("reviews")!.indexes.clear();
    expect(differences(lite, changed)).toEqual(
      expect.arrayContaining([
        "column comments.email only on SQLite",
        "column users.active: default 1 on SQLite, 0 on PostgreSQL",
        "column sessions.ip: NOT NULL on PostgreSQL only",
        "index reviews(consultation_id) only on SQLite",
      ])
    );
  });
});
