// 重复提交: the same person sending the same text more than once. Kept apart from campaigns (the
// same letter from many senders): a duplicate is answered by the answer to its first copy, and
// says so. The signal (docs/decisions/0023-an-answer-per-opinion.md): the same consultation, the
// same text once whitespace and punctuation are ignored, and the same submitter, known by a
// contact email (case-insensitive) or, without one, by the same name and organisation. Anonymous
// comments without an email are never grouped: nothing says that two of them came from one person.
import { hash } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { raw, type Db } from "~db/client.server";
import { JSON_INTEGERS } from "~db/dialect-sql";
import { comments } from "~db/schema";
import { detectPii, redact } from "~/engine/pii";

export interface DuplicateGroup {
  /** The first copy received: its answer applies to the others. */
  firstId: number;
  /** The later copies, in the order received. */
  duplicateIds: number[];
}

export function submitterKey(c: { email: string | null; name: string | null; organisation: string | null }): string | null {
  const email = c.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = c.name?.trim();
  return name ? `name:${name}|${c.organisation?.trim() ?? ""}` : null;
}

// One-shot SHA-1 (not for security: a short key for equal texts) costs half of createHash per row.
export const textKey = (text: string) => hash("sha1", text.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, ""), "base64");

type Reader = Pick<Db, "select">;

const bySubmitter = (c: { email: string | null; name: string | null; organisation: string | null }) => {
  const email = c.email?.trim().toLowerCase();
  if (email) return sql`lower(trim(${comments.email})) = ${email}`;
  return c.name?.trim()
    ? and(
        sql`trim(${comments.name}) = ${c.name.trim()}`,
        sql`coalesce(trim(${comments.organisation}), '') = ${c.organisation?.trim() ?? ""}`,
        isNull(comments.email)
      )
    : undefined;
};

const columns = { id: comments.id, email: comments.email, name: comments.name, organisation: comments.organisation, text: comments.bodyNormalized };

/** Every group of two or more submissions of one text by one submitter, oldest first. */
export async function duplicateGroups(db: Db, consultationId: number): Promise<DuplicateGroup[]> {
  // Read unsorted (sorting 100,000 bodies costs more than the rest): each group is put in order afterwards.
  const rows = await raw(db).all<{ id: number; email: string | null; name: string | null; organisation: string | null; text: string; receivedAt: number }>(
    // Only submitters with more than one comment can have a 重复提交: their texts alone are read.
    `WITH s AS (
         SELECT id, CASE WHEN trim(coalesce(email, '')) <> '' THEN 'e:' || lower(trim(email))
                         ELSE 'n:' || trim(name) || '|' || coalesce(trim(organisation), '') END AS who
         FROM comments WHERE consultation_id = ? AND (email IS NOT NULL OR name IS NOT NULL))
       SELECT c.id, c.email, c.name, c.organisation, c.body_normalized AS text, c.received_at AS "receivedAt"
       FROM s JOIN comments c ON c.id = s.id
       WHERE s.who IN (SELECT who FROM s GROUP BY who HAVING count(*) > 1)`,
    consultationId
  );
  const groups = new Map<string, Array<[number, number]>>();
  for (const r of rows) {
    const who = submitterKey(r);
    if (!who || !r.text.trim()) continue;
    const key = `${who}\u0000${textKey(r.text)}`;
    const members = groups.get(key);
    if (members) members.push([r.receivedAt, r.id]);
    else groups.set(key, [[r.receivedAt, r.id]]);
  }
  return [...groups.values()]
    .filter((m) => m.length > 1)
    .map((m) => m.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, id]) => id))
    .map(([firstId, ...duplicateIds]) => ({ firstId, duplicateIds }))
    .sort((a, b) => a.firstId - b.firstId);
}

/** Each later copy → the first copy it repeats. */
export async function duplicateOf(db: Db, consultationId: number): Promise<Map<number, number>> {
  return new Map((await duplicateGroups(db, consultationId)).flatMap((g) => g.duplicateIds.map((id) => [id, g.firstId] as const)));
}

/** The first copy that this comment repeats, or null when it is no 重复提交 (or is the first). */
export async function firstCopyOf(db: Reader, commentId: number): Promise<number | null> {
  const c = (
    await db
      .select({ ...columns, consultationId: comments.consultationId })
      .from(comments)
      .where(eq(comments.id, commentId))
      .limit(1)
  )[0];
  const who = c && bySubmitter(c);
  if (!c || !who || !c.text.trim()) return null;
  const key = textKey(c.text);
  const first = (
    await db
      .select(columns)
      .from(comments)
      .where(and(eq(comments.consultationId, c.consultationId), who))
      .orderBy(asc(comments.receivedAt), asc(comments.id))
  ).find((r) => textKey(r.text) === key);
  return first && first.id !== c.id ? first.id : null;
}

export interface DuplicateCard {
  first: { id: number; receiptNo: string; receivedAt: Date };
  copies: Array<{ id: number; receiptNo: string; receivedAt: Date }>;
  submitter: string;
  /** The text as staff may quote it: redacted. */
  text: string;
}

/** 重复提交 for the analysis workspace, apart from campaigns: one card per person and text. */
export async function duplicateCards(db: Db, consultationId: number): Promise<DuplicateCard[]> {
  const groups = await duplicateGroups(db, consultationId);
  if (groups.length === 0) return [];
  const ids = groups.flatMap((g) => [g.firstId, ...g.duplicateIds]);
  const rows = new Map(
    (
      (await raw(db).all(
        `SELECT id, receipt_no AS "receiptNo", received_at AS "receivedAt", name, organisation, published_body AS "publishedBody", body
           FROM comments WHERE id IN (${JSON_INTEGERS})`,
        JSON.stringify(ids)
      )) as Array<{
        id: number;
        receiptNo: string;
        receivedAt: number;
        name: string | null;
        organisation: string | null;
        publishedBody: string | null;
        body: string;
      }>
    ).map((r) => [r.id, r])
  );
  const brief = (id: number) => ({ id, receiptNo: rows.get(id)!.receiptNo, receivedAt: new Date(rows.get(id)!.receivedAt) });
  return groups.map((g) => {
    const first = rows.get(g.firstId)!;
    const text = first.publishedBody ?? redact(first.body, detectPii(first.body));
    return {
      first: brief(g.firstId),
      copies: g.duplicateIds.map(brief),
      submitter: [first.name, first.organisation].filter(Boolean).join("，") || "（以电子邮箱识别的提出人）",
      text: text.length > 200 ? `${text.slice(0, 200)}……` : text,
    };
  });
}
