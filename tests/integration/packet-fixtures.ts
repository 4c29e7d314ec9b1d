// Rows the packet tests need beyond the demo, written straight into the tables: comments with
// awkward text, topics answered as a whole, a comment answered on its own, a saved summary and a
// closed consultation without comments. Raw SQL, so the tests depend only on the tables' shape.
import type Database from "better-sqlite3";
import type { Disposition } from "~db/vocabulary";

type Sqlite = Database.Database;

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

export function addComment(sqlite: Sqlite, consultationId: number, c: FixtureComment): number {
  const status = c.status ?? "approved";
  const received = c.receivedAt ?? new Date();
  return Number(
    sqlite
      .prepare(
        `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, published_body, name,
           organisation, identity_category, publish_preference, channel, received_at, moderation_status, moderated_at,
           published_name, published_organisation)
         VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
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
        received.getTime(),
        status,
        status === "pending" ? null : received.getTime(),
        // As a moderator approved them: the fixture's names are the reviewed ones unless said otherwise.
        c.publishedName === undefined ? (status === "approved" ? c.name ?? null : null) : c.publishedName,
        c.publishedOrganisation === undefined ? (status === "approved" ? c.organisation ?? null : null) : c.publishedOrganisation
      ).lastInsertRowid
  );
}

/** A topic holding `commentIds`, answered with `decision`: the answer every member inherits. */
export function answerTopic(
  sqlite: Sqlite,
  consultationId: number,
  commentIds: number[],
  answer: { decision: Disposition; reason: string; changeMade?: string; decidedBy: number; label?: string }
): number {
  const topicId = Number(
    sqlite.prepare(`INSERT INTO topics (consultation_id, label, keywords) VALUES (?, ?, '[]')`).run(consultationId, answer.label ?? "测试主题").lastInsertRowid
  );
  const place = sqlite.prepare(`INSERT OR REPLACE INTO comment_analysis (comment_id, topic_id) VALUES (?, ?)`);
  for (const id of commentIds) place.run(id, topicId);
  const opinionId = sqlite
    .prepare(`INSERT INTO dispositions (consultation_id, topic_id, title, decision, reason, change_made, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(consultationId, topicId, answer.label ?? "测试意见要点", answer.decision, answer.reason, answer.changeMade ?? null, answer.decidedBy).lastInsertRowid;
  // The opinion answers the comments listed for it: here, all of the topic's.
  const list = sqlite.prepare(`INSERT OR REPLACE INTO opinion_comments (comment_id, disposition_id) VALUES (?, ?)`);
  for (const id of commentIds) list.run(id, opinionId);
  return topicId;
}

/** An answer for one comment, overriding its topic's. */
export function answerComment(sqlite: Sqlite, consultationId: number, commentId: number, answer: { decision: Disposition; reason: string; decidedBy: number }) {
  sqlite
    .prepare(`INSERT INTO dispositions (consultation_id, comment_id, decision, reason, decided_by) VALUES (?, ?, ?, ?, ?)`)
    .run(consultationId, commentId, answer.decision, answer.reason, answer.decidedBy);
}

export function saveSummary(sqlite: Sqlite, consultationId: number, body: string, authorId: number) {
  sqlite.prepare(`INSERT INTO feedback_summaries (consultation_id, body, author_id) VALUES (?, ?, ?)`).run(consultationId, body, authorId);
}

/** A published consultation whose period ended yesterday, copying the ownership of `like`. */
export function closedConsultationWithoutComments(sqlite: Sqlite, like: number, title: string): number {
  const now = Date.now();
  return Number(
    sqlite
      .prepare(
        `INSERT INTO consultations (title, doc_type, division_id, author_id, status, basis, opens_at, closes_at, published_at, show_comments)
         SELECT ?, doc_type, division_id, author_id, 'published', basis, ?, ?, ?, 1 FROM consultations WHERE id = ?`
      )
      .run(title, now - 31 * DAY, now - DAY, now - 32 * DAY, like).lastInsertRowid
  );
}

export function commentIdByText(sqlite: Sqlite, consultationId: number, fragment: string): number {
  const row = sqlite.prepare(`SELECT id FROM comments WHERE consultation_id = ? AND instr(body, ?) > 0`).get(consultationId, fragment) as
    | { id: number }
    | undefined;
  if (!row) throw new Error(`No comment containing ${fragment}`);
  return row.id;
}
