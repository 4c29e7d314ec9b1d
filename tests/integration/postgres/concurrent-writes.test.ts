import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, databaseLocation, openDatabaseAt } from "~db/client.server";
import { UNIQUE_GUARDED_TRANSACTION } from "~db/dialect-sql";
import { auditLog, comments, consultations } from "~db/schema";
import { seedDemo } from "~db/seed";
import { submitComment } from "~/features/comments/comment.server";
import { publicPhase } from "~/features/consultations/consultation-status";
import { appendAudit, verifyAuditChain } from "~/platform/audit.server";
import { commentInput, testDb } from "../helpers";

// Four app instances (four pools) writing to one PostgreSQL database at once. Comment intake runs READ
// COMMITTED, guarded by unique constraints (db/dialect-sql.ts): every comment is stored once, concurrent
// copies of one submission become one comment, and the audit chain cannot fork.

const db = testDb();
const instances = [db, openDatabaseAt(databaseLocation(db)), openDatabaseAt(databaseLocation(db)), openDatabaseAt(databaseLocation(db))];
afterAll(() => Promise.all(instances.slice(1).map(closeDatabase)));
const NOW = new Date("2026-11-26T04:00:00Z");
await seedDemo(db, NOW);
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, NOW) === "open")!;

const input = (key: string, body = `并发意见 ${key}：建议简化申领手续。`) => commentInput({ body, idempotencyKey: key });

describe("concurrent writes on PostgreSQL", () => {
  it("stores each of 240 comments sent at once through four instances exactly once", async () => {
    const keys = Array.from({ length: 240 }, (_, i) => `concurrent-${i}-abcdefghijkl`);
    const results = await Promise.all(keys.map((key, i) => submitComment(instances[i % 4], open.id, input(key), { now: NOW, ip: "203.0.113.9" })));
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(240);
    const stored = await db.select({ key: comments.idempotencyKey }).from(comments).where(inArray(comments.idempotencyKey, keys));
    expect(stored).toHaveLength(240);
  });

  it("makes one comment, and one receipt, of a submission sent by four instances at the same moment", async () => {
    for (let round = 0; round < 20; round++) {
      const key = `same-moment-${round}-abcdefghijkl`;
      const results = await Promise.all(instances.map((handle) => submitComment(handle, open.id, input(key), { now: NOW, ip: "203.0.113.10" })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(new Set(results.map((r) => r.ok && r.receiptNo)).size).toBe(1);
      expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
      expect(await db.select().from(comments).where(eq(comments.idempotencyKey, key))).toHaveLength(1);
    }
  });

  it("keeps one audit chain when entries are appended at once in READ COMMITTED transactions", async () => {
    const before = (await db.select({ id: auditLog.id }).from(auditLog)).length;
    await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        instances[i % 4].transaction(
          (tx) => appendAudit(tx, { actor: null, action: "test.concurrent", entityType: "test", entityId: i, after: { i } }),
          UNIQUE_GUARDED_TRANSACTION
        )
      )
    );
    expect((await db.select({ id: auditLog.id }).from(auditLog)).length).toBe(before + 80);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
