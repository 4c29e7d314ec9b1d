import { asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { identityCategories } from "~db/schema";

/** Used while admins have configured none. */
export const FALLBACK_IDENTITY_CATEGORIES = ["退役军人", "军属", "企业", "社会组织", "其他群众"];

/** The comment form's identity categories, as admins configured them. */
export function activeIdentityCategories(db: Db): string[] {
  const rows = db
    .select({ label: identityCategories.label })
    .from(identityCategories)
    .where(eq(identityCategories.active, true))
    .orderBy(asc(identityCategories.position))
    .all();
  return rows.length ? rows.map((r) => r.label) : FALLBACK_IDENTITY_CATEGORIES;
}
