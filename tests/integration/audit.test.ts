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

  it("refuses updates and deletes", () => {
    expect(() => db.$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });

  it("detects a row edited behind the triggers' back", async () => {
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client.prepare("UPDATE audit_log SET after = '{\"i\":99}' WHERE id = 3").run();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: 3 });
  });
});
