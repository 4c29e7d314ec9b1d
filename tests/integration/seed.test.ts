import { raw } from "~db/client.server";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isDatabaseEmpty, seedDemo } from "~db/seed";
import { commentArticles, comments, consultations, draftNodes, redactions, users } from "~db/schema";
import { publicPhase } from "~/features/consultations/consultation-status";
import { findUserByUsername } from "~/features/accounts/user.server";
import { verifyAuditChain } from "~/platform/audit.server";
import { verifyPassword } from "~/platform/password.server";
import { testDb } from "./helpers";

describe("demo seed", () => {
  const db = testDb();

  it("fills an empty database with accounts and three consultations in three phases", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const now = new Date("2026-11-26T04:00:00Z");
    await seedDemo(db, now);
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect((await db.select({ role: users.role }).from(users)).map((u) => u.role).sort()).toEqual(["admin", "drafter", "drafter", "legal", "reviewer"]);
    const drafter = (await findUserByUsername(db, "drafter"))!;
    expect(await verifyPassword("demo-drafter-2026", drafter.passwordHash)).toBe(true);
    const phases = (await db.select().from(consultations)).map((c) => publicPhase(c, now)).sort();
    expect(phases).toEqual(["closed", "open", "upcoming"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("gives the open consultation chapters, about twenty articles and at least 150 varied comments", async () => {
    const open = (await db.select().from(consultations)).find((c) => publicPhase(c, new Date("2026-11-26T04:00:00Z")) === "open")!;
    const count = async (kind: "chapter" | "article") =>
      (await raw(db).get(
        `SELECT count(*) AS n FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id
           WHERE v.consultation_id = ? AND n.kind = ?`,
        open.id,
        kind
      )) as { n: number };
    expect((await count("chapter")).n).toBeGreaterThanOrEqual(3);
    expect((await count("article")).n).toBeGreaterThanOrEqual(18);
    const rows = await db.select().from(comments).where(eq(comments.consultationId, open.id));
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.identityCategory)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.channel)).size).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.moderationStatus === "rejected").length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.moderationStatus === "pending").length).toBeGreaterThan(0);
    expect(rows.every((r) => r.receivedAt >= open.opensAt! && r.receivedAt <= new Date("2026-11-26T04:00:00Z"))).toBe(true);
    const linked = (
      await db
        .select({ n: sql<number>`count(distinct ${commentArticles.commentId})` })
        .from(commentArticles)
        .limit(1)
    )[0]!;
    expect(linked.n).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.receiptNo)).size).toBe(rows.length);
  });

  it("redacts the personal data in what it publishes and keeps the original", async () => {
    const withPii = await db.select().from(comments).where(eq(comments.hasPii, true));
    expect(withPii.length).toBeGreaterThanOrEqual(4);
    expect((await db.select().from(redactions)).length).toBeGreaterThanOrEqual(withPii.length);
    for (const c of withPii.filter((r) => r.moderationStatus === "approved")) {
      expect(c.publishedBody).not.toEqual(c.body);
      expect(c.publishedBody).not.toMatch(/1[3-9]\d[ -]?\d{4}[ -]?\d{4}/);
      expect(c.publishedBody).toContain("已隐去");
    }
  });

  it("never publishes rejected or pending comments", async () => {
    const hidden = (await db.select().from(comments)).filter((c) => c.moderationStatus !== "approved");
    expect(hidden.every((c) => c.publishedBody === null)).toBe(true);
    expect((await db.select().from(draftNodes)).length).toBeGreaterThan(0);
  });
});

describe("npm run user:create", () => {
  it("creates an admin from the command line with the password on standard input", async () => {
    const db = testDb();
    const root = path.resolve(__dirname, "../..");
    const out = execFileSync(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/user-create.ts", "--username", "cli-admin", "--name", "命令行管理员", "--role", "admin"],
      { cwd: root, input: "a-very-good-password\n", env: { ...process.env }, encoding: "utf8" }
    );
    expect(out).toMatch(/Created admin account "cli-admin"/);
    expect((await findUserByUsername(db, "cli-admin"))?.role).toBe("admin");
  });

  it("refuses a short password with a clear message", () => {
    const root = path.resolve(__dirname, "../..");
    let stderr = "";
    try {
      execFileSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/user-create.ts", "--username", "weak"], {
        cwd: root,
        input: "short\n",
        env: { ...process.env },
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toMatch(/password: 密码至少 10 个字符/);
  });
});
