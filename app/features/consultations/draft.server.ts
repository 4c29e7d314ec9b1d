import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { articleIdentities, draftNodes, draftVersions } from "~db/schema";
import type { DraftNode, ParsedDraft } from "~/engine/draft-parser";

export interface NewVersion {
  consultationId: number;
  label: string;
  changeNote?: string | null;
  sourceText: string;
  createdBy?: number | null;
}

/**
 * Stores a parsed draft as a new version. `identityFor(articleNumber, text)` lets a later version
 * reuse an earlier article's identity, so that comments on 第X条 stay attached across versions;
 * without it every article gets a fresh identity.
 */
export async function insertDraftVersion(
  tx: Tx,
  version: NewVersion,
  parsed: ParsedDraft,
  identityFor?: (articleNumber: number, text: string) => number | undefined
): Promise<{ versionId: number; articleIdentities: Map<number, number> }> {
  const last = (
    await tx
      .select({ versionNo: draftVersions.versionNo })
      .from(draftVersions)
      .where(eq(draftVersions.consultationId, version.consultationId))
      .orderBy(asc(draftVersions.versionNo))
  ).at(-1);
  const { id: versionId } = (
    await tx
      .insert(draftVersions)
      .values({ ...version, versionNo: (last?.versionNo ?? 0) + 1 })
      .returning({ id: draftVersions.id })
  )[0];

  const identities = new Map<number, number>();
  const insertNode = async (n: DraftNode, parentId: number | null, position: number) => {
    let articleIdentityId: number | null = null;
    if (n.kind === "article" && n.number !== null) {
      articleIdentityId =
        identityFor?.(n.number, n.text) ??
        (await tx.insert(articleIdentities).values({ consultationId: version.consultationId }).returning({ id: articleIdentities.id }))[0].id;
      identities.set(n.number, articleIdentityId);
    }
    const { id } = (
      await tx
        .insert(draftNodes)
        .values({
          versionId,
          parentId,
          kind: n.kind,
          position,
          number: n.number,
          label: n.label,
          heading: n.heading,
          text: n.text,
          articleIdentityId,
        })
        .returning({ id: draftNodes.id })
    )[0];
    for (const [i, child] of n.children.entries()) await insertNode(child, id, i);
  };
  for (const [i, n] of parsed.nodes.entries()) await insertNode(n, null, i);
  return { versionId, articleIdentities: identities };
}

export interface StoredNode {
  id: number;
  parentId: number | null;
  kind: DraftNode["kind"];
  number: number | null;
  label: string | null;
  heading: string | null;
  text: string;
  articleIdentityId: number | null;
  children: StoredNode[];
}

/** A version's nodes as a tree, in document order. */
export async function loadDraftTree(db: Db, versionId: number): Promise<StoredNode[]> {
  const rows = await db.select().from(draftNodes).where(eq(draftNodes.versionId, versionId)).orderBy(asc(draftNodes.position), asc(draftNodes.id));
  const byId = new Map<number, StoredNode>();
  for (const r of rows) byId.set(r.id, { ...r, children: [] });
  const roots: StoredNode[] = [];
  for (const r of rows) {
    const n = byId.get(r.id)!;
    const parent = r.parentId === null ? undefined : byId.get(r.parentId);
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

export async function latestVersion(db: Pick<Db, "select">, consultationId: number) {
  return (await db.select().from(draftVersions).where(eq(draftVersions.consultationId, consultationId)).orderBy(asc(draftVersions.versionNo))).at(-1);
}

export function articleNodes(db: Db, versionId: number) {
  return db
    .select()
    .from(draftNodes)
    .where(and(eq(draftNodes.versionId, versionId), eq(draftNodes.kind, "article")))
    .orderBy(asc(draftNodes.number));
}
