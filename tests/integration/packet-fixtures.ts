// Rows the packet tests need beyond the demo, written straight into the tables: comments with
// awkward text, topics answered as a whole, a comment answered on its own, a saved summary and a
// closed consultation without comments. Plain SQL, so the tests depend only on the tables' shape.
import type { Disposition } from "~db/vocabulary";
import { insertedId, type SqlRunner } from "./sql-runner";

const DAY = 86_400_000;
let receipt = 0;

export interface FixtureComment {
  body: string;
  publishedBody?: string | null;
  publishedName?: string | null;
  publishedOrganisation?: string | null;
  name?: string | null;
  organisation?: string | null;
  identity?: string;
  publish?: "named" | "anonymous" | "private";
  channel?: "web" | "email" | "letter" | "phone" | "meeting";
  status?: "pending" | "approved" | "rejected";
  receivedAt?: Date;
}

export function addComment(sql: SqlRunner, consultationId: number, c: FixtureComment): Promise<number> {
  const status = c.status ?? "approved";
  const received = c.receivedAt ?? new Date();
  return insertedId(
    sql,
    `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, published_body, name,
           organisation, identity_category, publish_preference, channel, received_at, moderation_status, moderated_at,
           published_name, published_organisation)
         VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    consultationId,
    `PKT-${process.pid}-${++receipt}`,
    c.body,
    c.body.normalize("NFKC"),
    c.publishedBody === undefined ? (status === "approved" ? c.body : null) : c.publishedBody,
    c.name ?? null,
    c.organisation ?? null,
    c.identity ?? "其他群众",
    c.publish ?? "anonymous",
    c.channel ?? "web",
    received,
    status,
    status === "pending" ? null : received,
    // As a moderator approved them: the fixture's names are the reviewed ones unless said otherwise.
    c.publishedName === undefined ? (status === "approved" ? c.name ?? null : null) : c.publishedName,
    c.publishedOrganisation === undefined ? (status === "approved" ? c.organisation ?? null : null) : c.publishedOrganisation
  );
}

/** A topic holding `commentIds`, answered with `decision`: the answer every member inherits. */
export async function answerTopic(
  sql: SqlRunner,
  consultationId: number,
  commentIds: number[],
  answer: { decision: Disposition; reason: string; changeMade?: string; decidedBy: number; label?: string }
): Promise<number> {
  const topicId = await insertedId(
    sql,
    `INSERT INTO topics (consultation_id, label, keywords) VALUES (?, ?, '[]')`,
    consultationId,
    answer.label ?? "测试主题"
  );
  for (const id of commentIds)
    await sql.run(
      `INSERT INTO comment_analysis (comment_id, topic_id) VALUES (?, ?) ON CONFLICT (comment_id) DO UPDATE SET topic_id = excluded.topic_id`,
      id,
      topicId
    );
  const opinionId = await insertedId(
    sql,
    `INSERT INTO dispositions (consultation_id, topic_id, title, decision, reason, change_made, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    consultationId,
    topicId,
    answer.label ?? "测试意见要点",
    answer.decision,
    answer.reason,
    answer.changeMade ?? null,
    answer.decidedBy
  );
  // The opinion answers the comments listed for it: here, all of the topic's.
  for (const id of commentIds)
    await sql.run(
      `INSERT INTO opinion_comments (comment_id, disposition_id) VALUES (?, ?) ON CONFLICT (comment_id) DO UPDATE SET disposition_id = excluded.disposition_id`,
      id,
      opinionId
    );
  return topicId;
}

/** An answer for one comment, overriding its topic's. */
export async function answerComment(
  sql: SqlRunner,
  consultationId: number,
  commentId: number,
  answer: { decision: Disposition; reason: string; decidedBy: number }
) {
  await sql.run(
    `INSERT INTO dispositions (consultation_id, comment_id, decision, reason, decided_by) VALUES (?, ?, ?, ?, ?)`,
    consultationId,
    commentId,
    answer.decision,
    answer.reason,
    answer.decidedBy
  );
}

export async function saveSummary(sql: SqlRunner, consultationId: number, body: string, authorId: number) {
  await sql.run(`INSERT INTO feedback_summaries (consultation_id, body, author_id) VALUES (?, ?, ?)`, consultationId, body, authorId);
}

/** A published consultation whose period ended yesterday, copying the ownership of `like`. */
export function closedConsultationWithoutComments(sql: SqlRunner, like: number, title: string): Promise<number> {
  const now = Date.now();
  return insertedId(
    sql,
    `INSERT INTO consultations (title, doc_type, division_id, author_id, status, basis, opens_at, closes_at, published_at, show_comments)
     SELECT ?, doc_type, division_id, author_id, 'published', basis, ?, ?, ?, ? FROM consultations WHERE id = ?`,
    title,
    new Date(now - 31 * DAY),
    new Date(now - DAY),
    new Date(now - 32 * DAY),
    true,
    like
  );
}

export async function commentIdByText(sql: SqlRunner, consultationId: number, fragment: string): Promise<number> {
  const row = await sql.get<{ id: number }>(
    `SELECT id FROM comments WHERE consultation_id = ? AND instr(body, ?) > 0 ORDER BY id LIMIT 1`,
    consultationId,
    fragment
  );
  if (!row) throw new Error(`No comment containing ${fragment}`);
  return row.id;
}
