import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { identityCategories } from "~db/schema";
import { seedDemo } from "~db/seed";
import { activeIdentityCategories, DEFAULT_IDENTITY_CATEGORIES, ensureDefaultIdentityCategories } from "~/features/comments/identity-categories.server";
import { testDb } from "./helpers";

const labels = async (db: Awaited<ReturnType<typeof testDb>>) =>
  (await db.select().from(identityCategories).orderBy(asc(identityCategories.position))).map((r) => r.label);

describe("default identity categories", () => {
  const db = testDb();

  it("include 律师, 专家学者 and 媒体, before 其他群众", async () => {
    expect(DEFAULT_IDENTITY_CATEGORIES).toEqual(expect.arrayContaining(["律师", "专家学者", "媒体"]));
    expect(DEFAULT_IDENTITY_CATEGORIES.at(-1)).toBe("其他群众");
    // A database whose list is empty offers the defaults.
    expect(await activeIdentityCategories(db)).toEqual([...DEFAULT_IDENTITY_CATEGORIES]);
  });

  it("are added to a database made before them, keeping what admins switched off and added", async () => {
    // The list as the earlier seed wrote it, with one category switched off and one of the admins' own.
    for (const [position, label] of ["退役军人", "军属", "企业", "社会组织", "其他群众", "村（社区）干部"].entries())
      await db.insert(identityCategories).values({ label, position, active: label !== "军属" });
    expect(await ensureDefaultIdentityCategories(db)).toEqual(["律师", "专家学者", "媒体"]);
    expect(await labels(db)).toEqual(["退役军人", "军属", "企业", "社会组织", "律师", "专家学者", "媒体", "其他群众", "村（社区）干部"]);
    expect(await activeIdentityCategories(db)).toEqual(["退役军人", "企业", "社会组织", "律师", "专家学者", "媒体", "其他群众", "村（社区）干部"]);
    // Once is enough: a second start adds nothing and moves nothing.
    expect(await ensureDefaultIdentityCategories(db)).toEqual([]);
    expect(await labels(db)).toHaveLength(9);
  });

  it("are what the demo seed writes, so that the start-up check finds nothing to add", async () => {
    await db.delete(identityCategories);
    await seedDemo(db, new Date("2026-11-26T04:00:00Z"));
    expect(await labels(db)).toEqual([...DEFAULT_IDENTITY_CATEGORIES]);
    expect(await ensureDefaultIdentityCategories(db)).toEqual([]);
    expect(await db.select().from(identityCategories).where(eq(identityCategories.active, false))).toEqual([]);
  });
});
