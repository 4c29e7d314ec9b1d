import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, databaseLocation, openDatabaseAt } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import { claimNext, newOwner } from "~/features/notices/outbox-sender.server";
import { testDb } from "../helpers";

// Several processes on one PostgreSQL database, each with its own pool: every queued message is claimed
// by exactly one of them (FOR UPDATE SKIP LOCKED), none twice, none left behind.

const db = testDb();
const others = [openDatabaseAt(databaseLocation(db)), openDatabaseAt(databaseLocation(db)), openDatabaseAt(databaseLocation(db))];
afterAll(() => Promise.all(others.map(closeDatabase)));

describe("the outbox on PostgreSQL", () => {
  it("gives each of 60 due messages to exactly one of four concurrent senders", async () => {
    const now = new Date();
    await db
      .insert(emailOutbox)
      .values(
        Array.from({ length: 60 }, (_, i) => ({ kind: "receipt", toAddress: `r${i}@example.org`, subject: `回执 ${i}`, textBody: "正文", nextAttemptAt: now }))
      );
    const claimed: number[][] = [];
    await Promise.all(
      [db, ...others].map(async (handle, k) => {
        const owner = newOwner();
        claimed[k] = [];
        for (;;) {
          const row = await claimNext(handle, owner, new Date());
          if (!row) return;
          claimed[k].push(row.id);
        }
      })
    );
    const all = claimed.flat();
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    // Shared out, not one sender doing everything while the others wait.
    expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
  });
});
