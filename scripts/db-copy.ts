// `npm run db:copy -- --from ./data/zhengqiu.db --to postgres://…`: moves a department's SQLite database
// into an empty PostgreSQL database, history and all (docs/deploy.md). The target is migrated first and
// must hold no rows; every table is copied in one transaction, parents before children; then the row
// counts of every table and the audit log's hash chain are checked on the target. The derived search
// tables are not copied: the app rebuilds them at its first start. The files kept beside the database
// (attachments, kept mail: the folders under DATA_DIR, by default the database file's folder) go into the
// blobs table, which every instance sees (docs/decisions/0040).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, files: { type: "string" } } });
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
if (!values.from || !values.to) fail("Usage: npm run db:copy -- --from ./data/zhengqiu.db --to postgres://user:password@host:5432/zhengqiu");
const from = values.from!;
const to = values.to!;
if (!/^postgres(ql)?:\/\//i.test(to)) fail(`--to must be a PostgreSQL URL (postgres://…), not ${to}`);

// The schema is built for the dialect DATABASE_URL names when it loads (db/columns.ts).
process.env.DATABASE_URL = to;
const { closeDatabase, describeLocation, migrateDatabase, openDatabaseAt, raw } = await import("~db/client.server");
const { verifyAuditChain } = await import("~/platform/audit.server");

function openSource(): Database.Database {
  try {
    return new Database(from, { readonly: true, fileMustExist: true });
  } catch (error) {
    return fail(`Cannot open the SQLite database ${from}: ${error instanceof Error ? error.message : error}`);
  }
}
const source = openSource();
const target = openDatabaseAt(to);
const where = describeLocation(to);

/** The folders of the local blob store (decision 0038), and where they are. */
const AREAS = ["comment-attachments", "attachments", "outbox"] as const;
const filesDir = path.resolve(values.files ?? path.dirname(path.resolve(from)));
let filesCopied = 0;

/** The local store's files into the blobs table; leftovers of interrupted writes (a leading dot) stay behind. */
async function copyFiles(tx: Parameters<Parameters<typeof target.transaction>[0]>[0]): Promise<number> {
  for (const area of AREAS) {
    const dir = path.join(filesDir, area);
    if (!fs.existsSync(dir)) continue;
    for (const key of fs.readdirSync(dir)) {
      const file = path.join(dir, key);
      if (key.startsWith(".") || !fs.statSync(file).isFile()) continue;
      const body = fs.readFileSync(file);
      await raw(tx).run(`INSERT INTO blobs (area, key, body, size, created_at) VALUES (?, ?, ?, ?, ?)`, area, key, body, body.length, fs.statSync(file).mtime);
      filesCopied++;
    }
  }
  return filesCopied;
}

/** Tables derived from the others, rebuilt by the app: not copied. */
const DERIVED = new Set(["search_index", "search_keywords"]);

try {
  await migrateDatabase(target);
  const targetTables = (await raw(target).column<string>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__drizzle_migrations'`
  )) as string[];
  for (const t of targetTables) {
    if ((await raw(target).value<number>(`SELECT count(*) FROM "${t}"`))! > 0)
      fail(`${where} is not empty (table ${t} has rows): db:copy only fills an empty database.`);
  }

  const tables = (
    source
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'`)
      .pluck()
      .all() as string[]
  ).filter((t) => !DERIVED.has(t) && !t.startsWith("search_index_"));
  const missing = tables.filter((t) => !targetTables.includes(t));
  if (missing.length) fail(`${where} has no table ${missing.join(", ")}: is the SQLite file from a newer version of Zhengqiu?`);

  // Parents before children, by the foreign keys of the source.
  const parents = new Map(
    tables.map((t) => [t, (source.prepare(`PRAGMA foreign_key_list("${t}")`).all() as Array<{ table: string }>).map((f) => f.table).filter((p) => p !== t)])
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());

  const copied = new Map<string, number>();
  await target.transaction(async (tx) => {
    for (const table of ordered) {
      const columns = await raw(tx).all<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`,
        table
      );
      const sourceColumns = new Set((source.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
      const shared = columns.filter((c) => sourceColumns.has(c.column_name));
      const convert = shared.map(({ data_type }) => {
        if (data_type === "timestamp with time zone") return (v: unknown) => (v === null ? null : new Date(Number(v)));
        if (data_type === "boolean") return (v: unknown) => (v === null ? null : Boolean(v));
        return (v: unknown) => v;
      });
      const names = shared.map((c) => `"${c.column_name}"`).join(", ");
      const batch = Math.max(1, Math.floor(30_000 / Math.max(1, shared.length)));
      let rows: unknown[][] = [];
      let count = 0;
      const flush = async () => {
        if (rows.length === 0) return;
        const placeholders = rows.map((r) => `(${r.map(() => "?").join(", ")})`).join(", ");
        await raw(tx).run(`INSERT INTO "${table}" (${names}) VALUES ${placeholders}`, ...rows.flat());
        count += rows.length;
        rows = [];
      };
      const read = source.prepare(`SELECT ${names} FROM "${table}"`).raw(true);
      for (const row of read.iterate() as Iterable<unknown[]>) {
        rows.push(row.map((v, i) => convert[i](v)));
        if (rows.length >= batch) await flush();
      }
      await flush();
      copied.set(table, count);
      // Identity columns continue after the copied ids.
      if (shared.some((c) => c.column_name === "id")) {
        const sequence = await raw(tx).value<string | null>(`SELECT pg_get_serial_sequence(?, 'id')`, table);
        if (sequence) await raw(tx).run(`SELECT setval(?, (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`, sequence);
      }
    }
    await copyFiles(tx);
  });

  const wrong: string[] = [];
  for (const table of ordered) {
    const inSource = (source.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) + (table === "blobs" ? filesCopied : 0);
    const inTarget = (await raw(target).value<number>(`SELECT count(*) FROM "${table}"`))!;
    const written = (copied.get(table) ?? 0) + (table === "blobs" ? filesCopied : 0);
    if (inSource !== inTarget || written !== inTarget) wrong.push(`${table}: ${inSource} in the file, ${inTarget} in PostgreSQL`);
  }
  if (wrong.length) fail(`Row counts differ after the copy:\n  ${wrong.join("\n  ")}`);
  const audit = await verifyAuditChain(target);
  if (!audit.ok) fail(`The audit log's chain is broken in the copy at entry ${audit.firstBadId}: ${audit.problem}`);
  const total = [...copied.values()].reduce((a, b) => a + b, 0) + filesCopied;
  console.log(
    `Copied ${total} rows of ${ordered.length} tables (${filesCopied} files from ${filesDir}) from ${from} to ${where}; row counts match; audit log intact (${audit.checked} entries).`
  );
} finally {
  source.close();
  await closeDatabase(target);
}
