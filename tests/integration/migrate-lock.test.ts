import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, migrationsFolder, openDatabase, raw } from "~db/client.server";

// Several instances starting at once on one database: the first migrates, the others find nothing left
// to do. Another process is caught in the middle of its migration (journal and tables written, not yet
// committed) while this one starts: this one must wait for it, then apply nothing, and fail on nothing.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-migrate-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A plain node process that migrates the file as drizzle's journal expects, holding the lock `holdMs`. */
function migrateInOtherProcess(file: string, holdMs: number) {
  const script = `
    const Database = require("better-sqlite3");
    import("drizzle-orm/migrator").then(({ readMigrationFiles }) => {
      const c = new Database(process.argv[1]);
      c.pragma("journal_mode = WAL");
      c.exec("BEGIN IMMEDIATE");
      c.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
      for (const m of readMigrationFiles({ migrationsFolder: process.argv[2] })) {
        for (const s of m.sql) if (s.trim()) c.exec(s);
        c.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)').run(m.hash, m.folderMillis);
      }
      process.stdout.write("locked\\n");
      setTimeout(() => { c.exec("COMMIT"); c.close(); }, Number(process.argv[3]));
    });`;
  const child = spawn(process.execPath, ["-e", script, file, migrationsFolder(), String(holdMs)], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`the other process exited (${code}) before taking the lock`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { locked, exited };
}

describe("migrations at start", () => {
  it("wait for another instance's migration under the lock, then apply nothing twice", async () => {
    const file = path.join(dir, "race.db");
    const other = migrateInOtherProcess(file, 700);
    await other.locked;
    const db = openDatabase(file);
    const started = Date.now();
    const applied = await migrateDatabase(db);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500); // it waited for the other's commit…
    expect(applied).toBe(0); // …and found the work done
    const journal = await raw(db).all<{ hash: string }>('SELECT hash FROM "__drizzle_migrations"');
    expect(journal.length).toBe(fs.readdirSync(migrationsFolder()).filter((f) => f.endsWith(".sql")).length);
    expect(new Set(journal.map((j) => j.hash)).size).toBe(journal.length);
    db.$client.close();
    expect(await other.exited).toBe(0);
  });

  it("apply every migration once on a new file, and nothing on a second start", async () => {
    const db = openDatabase(path.join(dir, "fresh.db"));
    expect(await migrateDatabase(db)).toBeGreaterThan(0);
    expect(await migrateDatabase(db)).toBe(0);
    db.$client.close();
  });
});
