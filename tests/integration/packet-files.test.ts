import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { raw } from "~db/client.server";
import { seedDemo } from "~db/seed";
import { PACKET_FILE_NAMES, writePacketFiles } from "~/features/packet/writers/packet-files.server";
import { testDb } from "./helpers";

// The packet's files are written from one read transaction, on both dialects, and leave none open behind:
// on PostgreSQL a bare BEGIN sent to the pool opened it on one pooled connection and read on others.

const db = testDb();
await seedDemo(db, new Date());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-packet-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Connections of this database left inside a transaction (PostgreSQL), or this connection's (SQLite). */
async function openTransactions(): Promise<number> {
  if ("inTransaction" in (db.$client as object)) return (db.$client as unknown as { inTransaction: boolean }).inTransaction ? 1 : 0;
  return Number(await raw(db).value(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`));
}

describe("the packet's files", () => {
  it("are written from one read transaction that is closed afterwards", async () => {
    const out = path.join(dir, "packet-3");
    const { pdfError } = await writePacketFiles(db, 3, out);
    expect(fs.statSync(path.join(out, PACKET_FILE_NAMES.docx)).size).toBeGreaterThan(1000);
    if (!pdfError) expect(fs.statSync(path.join(out, PACKET_FILE_NAMES.pdf)).size).toBeGreaterThan(1000);
    expect(await openTransactions()).toBe(0);
  });

  it("are written from their own transaction while other requests use the same connections", async () => {
    const others = async () => {
      for (let i = 0; i < 30; i++) await raw(db).value("SELECT count(*) FROM comments");
    };
    await Promise.all([writePacketFiles(db, 3, path.join(dir, "packet-3-busy")), others(), others(), others(), others()]);
    expect(await openTransactions()).toBe(0);
  });

  it("leave nothing behind when the consultation does not exist", async () => {
    await expect(writePacketFiles(db, 424242, path.join(dir, "none"))).rejects.toThrow(/not found/);
    expect(fs.existsSync(path.join(dir, "none"))).toBe(false);
    expect(await openTransactions()).toBe(0);
  });
});
