import { and, asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { draftNodes } from "~db/schema";
import { latestVersion } from "./draft.server";

export interface ArticleNumber {
  number: number;
  label: string;
  identityId: number;
}

/**
 * The articles of the latest version with their identities. Comments attach to identities, which
 * outlive renumbering; people (and the `article` filters) speak of the latest version's numbers.
 */
export async function latestArticles(db: Db, consultationId: number): Promise<ArticleNumber[]> {
  const version = await latestVersion(db, consultationId);
  if (!version) return [];
  return (
    await db
      .select({ number: draftNodes.number, label: draftNodes.label, identityId: draftNodes.articleIdentityId })
      .from(draftNodes)
      .where(and(eq(draftNodes.versionId, version.id), eq(draftNodes.kind, "article")))
      .orderBy(asc(draftNodes.number))
  ).flatMap((a) => (a.number !== null && a.identityId !== null ? [{ number: a.number, label: a.label ?? `第${a.number}条`, identityId: a.identityId }] : []));
}
