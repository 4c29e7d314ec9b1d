import { dialect, raw } from "~db/client.server";
import { describe, expect, it } from "vitest";
import { appendAudit, verifyAuditChain } from "~/platform/audit.server";
import { testDb } from "./helpers";

describe("audit log", () => {
  const db = testDb();

  it("chains entries and verifies them", async () => {
    for (let i = 0; i < 5; i++) {
      await db.transaction((tx) => appendAudit(tx, { actor: null, action: "test.step", entityType: "test", entityId: i, before: { i }, after: { i: i + 1 } }));
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5 });
  });

  it("refuses updates and deletes", async () => {
    await expect(raw(db).run("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(raw(db).run("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });

  it("detects a row edited behind the triggers' back", async () => {
    await raw(db).run("DROP TRIGGER audit_log_no_update" + (dialect === "postgres" ? " ON audit_log" : ""));
    await raw(db).run("UPDATE audit_log SET after = '{\"i\":99}' WHERE id = 3");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: 3 });
  });
});
