import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, first, openDatabaseAt, raw, type Db } from "~db/client.server";
import { comments, divisions, users } from "~db/schema";
import { verifyAuditChain } from "~/platform/audit.server";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../../setup/postgres";

// A department that outgrows the SQLite file keeps its history: `npm run db:copy` moves every row into an
// empty PostgreSQL database, times, flags and the audit chain intact, and refuses a database with rows.

const server = process.env.ZQ_TEST_PG_SERVER!;
const name = `zq_copy_${process.pid}`;
const url = withDatabase(server, name);
const dir = path.join(process.env.ZQ_TEST_TMP!, `copy-${process.pid}`);
const file = path.join(dir, "department.db");
const tsx = (script: string, args: string[], env: Record<string, string | undefined>) => {
  const clean = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete clean[k];
  return spawnSync("node_modules/.bin/tsx", [script, ...args], { env: clean, encoding: "utf8", timeout: 120_000 });
};
let target: Db;

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  // The department's file, made by the SQLite code path (a process without DATABASE_URL): the demo.
  const seeded = tsx("scripts/db-seed.ts", [], { DATABASE_URL: undefined, DATABASE_PATH: file, DATA_DIR: dir });
  expect(seeded.status, seeded.stderr).toBe(0);
  // A file the local store kept beside the database (an attachment), and a leftover of a crashed write.
  fs.mkdirSync(path.join(dir, "comment-attachments"), { recursive: true });
  fs.writeFileSync(path.join(dir, "comment-attachments", `${"d".repeat(64)}.pdf`), "%PDF-1.4 附件");
  fs.writeFileSync(path.join(dir, "comment-attachments", `.${"e".repeat(64)}.pdf.1.part`), "half");
  await dropDatabase(server, name);
  await createDatabase(server, name);
}, 120_000);
afterAll(async () => {
  if (target) await closeDatabase(target);
  await dropDatabase(server, name);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:copy", () => {
  it("copies every row, verifies the counts and the audit chain, and the copy works as a database of its own", async () => {
    const copy = tsx("scripts/db-copy.ts", ["--from", file, "--to", url], {});
    expect(copy.status, copy.stderr).toBe(0);
    expect(copy.stdout).toMatch(/row counts match; audit log intact \(\d+ entries\)/);
    expect(copy.stdout).not.toContain("zhengqiu:zhengqiu@");

    const lite = new Database(file, { readonly: true });
    target = openDatabaseAt(url);
    try {
      for (const table of ["users", "consultations", "comments", "draft_nodes", "audit_log", "redactions"]) {
        const n = lite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        expect(n, table).toBeGreaterThan(0);
        expect(await raw(target).value(`SELECT count(*) FROM ${table}`), table).toBe(n);
      }
      // Times and flags as they were: milliseconds become timestamptz, 0/1 become booleans.
      const row = lite.prepare(`SELECT id, received_at, has_pii, body FROM comments WHERE has_pii = 1 ORDER BY id LIMIT 1`).get() as {
        id: number;
        received_at: number;
        has_pii: number;
        body: string;
      };
      const copied = (await first(target.select().from(comments).where(eq(comments.id, row.id)).limit(1)))!;
      expect(copied.receivedAt.getTime()).toBe(row.received_at);
      expect(copied.hasPii).toBe(true);
      expect(copied.body).toBe(row.body);
      expect((await verifyAuditChain(target)).ok).toBe(true);
      // The kept files are in the blobs table every instance sees; a crashed write's leftover is not.
      const body = await raw(target).value<Buffer>(`SELECT body FROM blobs WHERE area = 'comment-attachments' AND key = ?`, `${"d".repeat(64)}.pdf`);
      expect(Buffer.from(body!).toString("utf8")).toBe("%PDF-1.4 附件");
      expect(await raw(target).value(`SELECT count(*) FROM blobs`)).toBe(1);
      // New rows continue after the copied ids.
      const maxUser = lite.prepare(`SELECT max(id) FROM users`).pluck().get() as number;
      const [division] = await target.insert(divisions).values({ name: "复制后新建的处室" }).returning();
      const [user] = await target
        .insert(users)
        .values({ username: "after-copy", displayName: "复制后", role: "drafter", divisionId: division.id, passwordHash: "x" })
        .returning();
      expect(user.id).toBeGreaterThan(maxUser);
    } finally {
      lite.close();
    }
  }, 120_000);

  it("refuses a database that has rows, and changes nothing there", async () => {
    const before = await raw(target).value(`SELECT count(*) FROM comments`);
    const again = tsx("scripts/db-copy.ts", ["--from", file, "--to", url], {});
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/is not empty \(table \w+ has rows\)/);
    expect(await raw(target).value(`SELECT count(*) FROM comments`)).toBe(before);
  }, 120_000);

  it("says what is wrong with its arguments", () => {
    const wrong = tsx("scripts/db-copy.ts", ["--from", file, "--to", "./other.db"], {});
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain("--to must be a PostgreSQL URL");
  });
});
