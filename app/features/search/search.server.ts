import { asc, desc, eq } from "drizzle-orm";
import { raw, type Db, type Queryable } from "~db/client.server";
import { consultations, draftNodes, draftVersions } from "~db/schema";
import { PUBLIC_STATUSES } from "~/features/consultations";
import { draftKeywords } from "./search-words.server";

/**
 * Keeps the public search index (search_index, search_keywords; see the 0002 migration and
 * docs/decisions/0006-chinese-search.md) in step with what the public may read. Call
 * `reindexConsultation` inside every transaction that publishes, edits, versions or withdraws a
 * consultation: it indexes a public consultation and removes anything else, so a draft never leaks.
 */

/** A transaction or the database itself: both can run these statements. */
type Executor = Queryable;

export type SearchField = "title" | "summary" | "article" | "basis";

// One consultation's rows occupy rowids [id * ROWS, (id + 1) * ROWS): replacing them is a range
// delete instead of a scan of the whole FTS table (whose UNINDEXED columns have no index).
const ROWS_PER_CONSULTATION = 100_000;
// Enough for the search box to suggest the drafts' own words as people type, not only the top few.
const KEYWORDS_PER_CONSULTATION = 150;

export async function reindexConsultation(tx: Executor, consultationId: number): Promise<void> {
  const first = consultationId * ROWS_PER_CONSULTATION;
  await raw(tx).run("DELETE FROM search_index WHERE rowid >= ? AND rowid < ?", first, first + ROWS_PER_CONSULTATION);
  await raw(tx).run("DELETE FROM search_keywords WHERE consultation_id = ?", consultationId);

  const c = (await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1))[0];
  if (!c || !PUBLIC_STATUSES.includes(c.status)) return;

  const rows: Array<{ field: SearchField; body: string; number?: number; label?: string }> = [
    { field: "title", body: c.title },
    { field: "summary", body: c.summary },
    { field: "basis", body: c.basis },
    ...(await latestArticles(tx, consultationId)).map((a) => ({ field: "article" as const, ...a })),
  ];
  for (const [i, row] of rows.entries()) {
    if (!row.body.trim()) continue;
    await raw(tx).run(
      "INSERT INTO search_index (rowid, body, consultation_id, field, article_number, label) VALUES (?, ?, ?, ?, ?, ?)",
      first + i,
      row.body,
      consultationId,
      row.field,
      row.number ?? null,
      row.label ?? null
    );
  }

  const draftText = rows.filter((r) => r.field === "title" || r.field === "article").map((r) => r.body);
  for (const { keyword, weight } of draftKeywords(draftText.join("\n"), KEYWORDS_PER_CONSULTATION)) {
    await raw(tx).run("INSERT INTO search_keywords (consultation_id, term, weight) VALUES (?, ?, ?)", consultationId, keyword, weight);
  }
}

/** Re-creates the whole index, e.g. after the seed, a restore or a change in how text is indexed. */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await raw(tx).run("DELETE FROM search_index");
    await raw(tx).run("DELETE FROM search_keywords");
    for (const { id } of await tx.select({ id: consultations.id }).from(consultations)) {
      await reindexConsultation(tx, id);
    }
  });
}

/**
 * For a database that held public consultations before the index existed (the migration creates
 * it empty): rebuilds once when the index is empty but something public is not. Cheap otherwise.
 */
export async function ensureSearchIndex(db: Db): Promise<void> {
  const indexed = await raw(db).get("SELECT 1 FROM search_index LIMIT 1");
  if (indexed) return;
  const statuses = PUBLIC_STATUSES.map(() => "?").join(",");
  const visible = await raw(db).get(`SELECT 1 FROM consultations WHERE status IN (${statuses}) LIMIT 1`, ...PUBLIC_STATUSES);
  if (visible) await rebuildSearchIndex(db);
}

/** Each article of the latest draft version as one text: its own words, paragraphs and items. */
async function latestArticles(tx: Executor, consultationId: number) {
  const version = (
    await tx
      .select({ id: draftVersions.id })
      .from(draftVersions)
      .where(eq(draftVersions.consultationId, consultationId))
      .orderBy(desc(draftVersions.versionNo))
      .limit(1)
  )[0];
  if (!version) return [];
  const nodes = await tx.select().from(draftNodes).where(eq(draftNodes.versionId, version.id)).orderBy(asc(draftNodes.position), asc(draftNodes.id));
  const children = new Map<number | null, typeof nodes>();
  for (const n of nodes) {
    const siblings = children.get(n.parentId);
    if (siblings) siblings.push(n);
    else children.set(n.parentId, [n]);
  }
  // An article's own text already holds its paragraphs and items (draft-parser's articleText):
  // adding theirs again made every snippet say everything twice. Older rows may hold only children.
  const textOf = (n: (typeof nodes)[number]): string[] =>
    n.kind === "article" && n.text.trim()
      ? [n.heading ?? "", n.text]
      : [n.kind === "item" ? `${n.label ?? ""}${n.text}` : n.text, ...(children.get(n.id) ?? []).flatMap(textOf)];
  const articles: Array<{ number: number; label: string; body: string }> = [];
  const walk = (parentId: number | null) => {
    for (const n of children.get(parentId) ?? []) {
      if (n.kind === "article" && n.number !== null) {
        articles.push({ number: n.number, label: n.label ?? `第${n.number}条`, body: textOf(n).filter(Boolean).join("\n") });
      } else walk(n.id);
    }
  };
  walk(null);
  return articles;
}
