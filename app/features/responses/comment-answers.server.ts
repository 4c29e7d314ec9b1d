// The one rule for which answer a comment carries: its own answer, else the answer of the opinion
// (意见要点) that lists it, else — for a repeat of an earlier submission by the same person (重复提交)
// — the answer its first copy carries, stated as such; else none (尚未答复). A topic's opinions
// never answer comments they do not list, so a comment on 第四条 is never stamped with an answer
// made for 第三条. The register, the status page, the summary and the feedback page all read this.
import { eq } from "drizzle-orm";
import { raw, type Db } from "~db/client.server";
import { dispositions, opinionComments } from "~db/schema";
import type { Disposition } from "~db/vocabulary";
import { duplicateOf, firstCopyOf } from "~/features/comments/index.server";

export type AnswerSource = "own" | "opinion" | "duplicate";

export interface CommentAnswer {
  dispositionId: number;
  decision: Disposition;
  reason: string;
  changeMade: string | null;
  articleIdentityId: number | null;
  /** The opinion's point (意见要点); null for a comment's own answer. */
  title: string | null;
  topicId: number | null;
  source: AnswerSource;
  /** For a 重复提交: the comment whose answer this is. */
  duplicateOf: number | null;
}

/**
 * The joins that give comment `c` its direct answer as `ans` (own, else its opinion's), for SQL
 * that reads many comments at once. Duplicates are resolved in TypeScript by answersByComment.
 */
export const DIRECT_ANSWER_JOINS = `
    LEFT JOIN dispositions own ON own.comment_id = c.id
    LEFT JOIN opinion_comments oc ON oc.comment_id = c.id
    LEFT JOIN dispositions ans ON ans.id = coalesce(own.id, oc.disposition_id)`;

/** A comment and its direct answer as SQL reads it: the answer's fields, whether it is the comment's own. */
type Row = Omit<CommentAnswer, "source" | "duplicateOf"> & { commentId: number; own: number };

const SELECT = `SELECT c.id AS "commentId", ans.id AS "dispositionId", ans.decision, ans.reason, ans.change_made AS "changeMade",
    ans.article_identity_id AS "articleIdentityId", ans.title, ans.topic_id AS "topicId", own.id IS NOT NULL AS own
  FROM comments c ${DIRECT_ANSWER_JOINS}`;

const toAnswer = (r: Row, duplicate: number | null = null): CommentAnswer => ({
  dispositionId: r.dispositionId,
  decision: r.decision,
  reason: r.reason,
  changeMade: r.changeMade,
  articleIdentityId: r.articleIdentityId,
  title: r.title,
  topicId: r.topicId,
  source: duplicate !== null ? "duplicate" : r.own ? "own" : "opinion",
  duplicateOf: duplicate,
});

/** Every answered comment of a consultation → the answer it carries. Unanswered comments are absent. */
export async function answersByComment(db: Db, consultationId: number): Promise<Map<number, CommentAnswer>> {
  const rows = (await raw(db).all(`${SELECT} WHERE c.consultation_id = ? AND ans.id IS NOT NULL`, consultationId)) as Row[];
  const out = new Map(rows.map((r) => [r.commentId, toAnswer(r)]));
  for (const [copy, first] of await duplicateOf(db, consultationId)) {
    const answer = out.get(first);
    if (!out.has(copy) && answer) out.set(copy, { ...answer, source: "duplicate", duplicateOf: first });
  }
  return out;
}

/** The answer one comment carries, or null (尚未答复). Works inside a transaction too. */
export async function answerForComment(db: Pick<Db, "select">, commentId: number): Promise<CommentAnswer | null> {
  const direct = await directAnswer(db, commentId);
  if (direct) return direct;
  const first = await firstCopyOf(db, commentId);
  const original = first === null ? null : await directAnswer(db, first);
  return original && first !== null ? { ...original, source: "duplicate", duplicateOf: first } : null;
}

/** The answer made for the comment itself or its opinion; a first copy's answer is this one. */
export async function directAnswer(db: Pick<Db, "select">, commentId: number): Promise<CommentAnswer | null> {
  const own = (await db.select().from(dispositions).where(eq(dispositions.commentId, commentId)).limit(1))[0];
  const d =
    own ??
    (
      await db
        .select({ d: dispositions })
        .from(opinionComments)
        .innerJoin(dispositions, eq(dispositions.id, opinionComments.dispositionId))
        .where(eq(opinionComments.commentId, commentId))
        .limit(1)
    )[0]?.d;
  if (!d) return null;
  const { id: dispositionId, decision, reason, changeMade, articleIdentityId, title, topicId } = d;
  return toAnswer({ commentId, dispositionId, decision, reason, changeMade, articleIdentityId, title, topicId, own: own ? 1 : 0 });
}
