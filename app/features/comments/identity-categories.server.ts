import { asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { identityCategories } from "~db/schema";

/**
 * The identity categories every installation starts with. 其他群众 stays last: it is the choice
 * for anyone the others do not describe.
 */
export const DEFAULT_IDENTITY_CATEGORIES = ["退役军人", "军属", "企业", "社会组织", "律师", "专家学者", "媒体", "其他群众"] as const;

/** Used while admins have configured none. */
export const FALLBACK_IDENTITY_CATEGORIES: string[] = [...DEFAULT_IDENTITY_CATEGORIES];

/** The comment form's identity categories, as admins configured them. */
export async function activeIdentityCategories(db: Db): Promise<string[]> {
  const rows = await db
    .select({ label: identityCategories.label })
    .from(identityCategories)
    .where(eq(identityCategories.active, true))
    .orderBy(asc(identityCategories.position));
  return rows.length ? rows.map((r) => r.label) : [...DEFAULT_IDENTITY_CATEGORIES];
}

/**
 * Adds the default categories a database lacks (run at start, after the demo seed), so that
 * databases created before a default was added get it too. A category switched off (active = 0)
 * stays off; one whose row was deleted comes back, so switching off is the way to drop a default.
 * Each added category goes before the next default the list already has, keeping 其他群众 last;
 * the admins' own categories keep their order. Returns the labels added.
 */
export function ensureDefaultIdentityCategories(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: identityCategories.id, label: identityCategories.label })
      .from(identityCategories)
      .orderBy(asc(identityCategories.position), asc(identityCategories.id));
    const have = new Set(rows.map((r) => r.label));
    const missing = DEFAULT_IDENTITY_CATEGORIES.filter((label) => !have.has(label));
    if (!missing.length) return [];

    const order: Array<{ id: number | null; label: string }> = rows.map((r) => ({ id: r.id, label: r.label }));
    for (const label of missing) {
      const later = DEFAULT_IDENTITY_CATEGORIES.slice(DEFAULT_IDENTITY_CATEGORIES.indexOf(label) + 1);
      const before = order.findIndex((entry) => (later as readonly string[]).includes(entry.label));
      order.splice(before === -1 ? order.length : before, 0, { id: null, label });
    }
    for (const [position, entry] of order.entries()) {
      if (entry.id === null) await tx.insert(identityCategories).values({ label: entry.label, position });
      else await tx.update(identityCategories).set({ position }).where(eq(identityCategories.id, entry.id));
    }
    return missing;
  });
}
