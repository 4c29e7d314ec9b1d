// Staff edits to the topics: rename, merge, split, move a comment, make a comment its own topic. Each is
// applied at once to the stored topics (the page shows it without a re-run), recorded in topic_edits and the
// audit log in the same transaction, and marks the topics it shaped as staff-edited, which the next run keeps.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { first, single, type Db, type Tx } from "~db/client.server";
import { commentAnalysis, comments, dispositions, opinionComments, topicEdits, topics } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { hasActiveRun } from "./analysis-runs.server";

export class TopicEditError extends Error {
  constructor(message: string, readonly status = 400, readonly field = "form") {
    super(message);
  }
}

type Staff = { id: number; displayName: string };
type Kind = (typeof topicEdits.$inferInsert)["kind"];

const REPRESENTATIVES = 3;

async function liveTopic(tx: Tx, consultationId: number, topicId: number, field = "form") {
  const topic = (
    await tx
      .select()
      .from(topics)
      .where(and(eq(topics.id, topicId), eq(topics.consultationId, consultationId), isNull(topics.mergedInto)))
      .limit(1)
  )[0];
  if (!topic) throw new TopicEditError("未找到该话题，可能已被合并或重新分析。请刷新页面。", 404, field);
  return topic;
}

async function analysedComment(tx: Tx, consultationId: number, commentId: number) {
  const row = (
    await tx
      .select({ commentId: commentAnalysis.commentId, topicId: commentAnalysis.topicId, keywords: commentAnalysis.keywords })
      .from(commentAnalysis)
      .innerJoin(comments, eq(comments.id, commentAnalysis.commentId))
      .where(and(eq(commentAnalysis.commentId, commentId), eq(comments.consultationId, consultationId)))
      .limit(1)
  )[0];
  if (!row) throw new TopicEditError("未找到该意见的分析结果。请先运行意见分析。", 404);
  return row;
}

/** The edit and its audit entry, written with the change itself. */
async function record(tx: Tx, consultationId: number, actor: Staff, kind: Kind, topicId: number, payload: Record<string, unknown>, now: Date) {
  await tx.insert(topicEdits).values({ consultationId, kind, payload, userId: actor.id, createdAt: now });
  await appendAudit(tx, {
    actor: { id: actor.id, label: actor.displayName },
    action: `topic.${kind}`,
    entityType: "topic",
    entityId: topicId,
    after: payload,
    at: now,
  });
}

/** Edits wait for a running analysis: its result would otherwise overwrite them. */
async function edit<T>(db: Db, consultationId: number, change: (tx: Tx) => Promise<T>): Promise<T> {
  if (await hasActiveRun(db, consultationId)) throw new TopicEditError("意见分析正在进行，请在分析完成后再调整话题。", 409);
  return db.transaction(change);
}

/** Comments leaving a topic stop representing it. */
async function dropRepresentatives(tx: Tx, topic: typeof topics.$inferSelect, leaving: number[], settle = false) {
  const left = topic.representativeIds.filter((id) => !leaving.includes(id));
  await tx
    .update(topics)
    .set({ representativeIds: left, ...(settle ? { staffEdited: true } : {}) })
    .where(eq(topics.id, topic.id));
}

/** A new topic's keywords: the words its comments share most. */
function commonKeywords(lists: Array<string[] | null>): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const w of list ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([w]) => w);
}

function newTopic(
  tx: Tx,
  consultationId: number,
  runId: number | null,
  label: string,
  members: Array<{ commentId: number; keywords: string[] | null }>,
  now: Date
) {
  return single(
    tx
      .insert(topics)
      .values({
        consultationId,
        runId,
        label,
        keywords: commonKeywords(members.map((m) => m.keywords)),
        representativeIds: members.slice(0, REPRESENTATIVES).map((m) => m.commentId),
        staffEdited: true,
        createdAt: now,
      })
      .returning()
  );
}

/**
 * Staff place comments in a topic. A comment staff move leaves the opinion (意见要点) that answered it
 * in its old topic: that answer was made for the group it left, so it carries none until answered
 * again (its own answer, if any, stays: that one was made for the comment itself).
 */
async function place(tx: Tx, commentIds: number[], topicId: number) {
  await tx.update(commentAnalysis).set({ topicId, topicSource: "staff" }).where(inArray(commentAnalysis.commentId, commentIds));
  await tx.delete(opinionComments).where(inArray(opinionComments.commentId, commentIds));
}

export async function renameTopic(db: Db, consultationId: number, actor: Staff, input: { topicId: number; label: string }, now = new Date()) {
  await edit(db, consultationId, async (tx) => {
    const topic = await liveTopic(tx, consultationId, input.topicId);
    await tx.update(topics).set({ label: input.label, staffEdited: true }).where(eq(topics.id, topic.id));
    await record(tx, consultationId, actor, "rename", topic.id, { topicId: topic.id, from: topic.label, label: input.label }, now);
  });
}

/**
 * Merges topics into the target, which keeps its row (and any disposition on it). A disposition recorded on
 * one of the others would have nowhere to go, so such a merge is refused with a way forward.
 */
export function mergeTopics(db: Db, consultationId: number, actor: Staff, input: { targetId: number; topicIds: number[]; label?: string }, now = new Date()) {
  return edit(db, consultationId, async (tx) => {
    const target = await liveTopic(tx, consultationId, input.targetId, "targetId");
    const sourceIds = [...new Set(input.topicIds)].filter((id) => id !== target.id);
    if (sourceIds.length === 0) throw new TopicEditError("请至少勾选一个要并入的其他话题。", 400, "topicIds");
    const sources = [];
    for (const id of sourceIds) sources.push(await liveTopic(tx, consultationId, id, "topicIds"));
    const decided = await tx.select({ topicId: dispositions.topicId }).from(dispositions).where(inArray(dispositions.topicId, sourceIds));
    if (decided.length) {
      const names = sources
        .filter((s) => decided.some((d) => d.topicId === s.id))
        .map((s) => `“${s.label}”`)
        .join("、");
      throw new TopicEditError(`话题${names}已记录处理意见，不能并入其他话题。请选择它作为合并后保留的话题，或先修改处理意见。`, 400, "topicIds");
    }
    await tx.update(commentAnalysis).set({ topicId: target.id }).where(inArray(commentAnalysis.topicId, sourceIds));
    // Topics merged into a source earlier now point at the target, so mergedInto always names a live topic.
    await tx.update(topics).set({ mergedInto: target.id }).where(inArray(topics.mergedInto, sourceIds));
    await tx.update(topics).set({ mergedInto: target.id }).where(inArray(topics.id, sourceIds));
    const keywords = [...new Set([...target.keywords, ...sources.flatMap((s) => s.keywords)])].slice(0, 8);
    const representativeIds = [...new Set([...target.representativeIds, ...sources.flatMap((s) => s.representativeIds)])].slice(0, REPRESENTATIVES + 2);
    await tx
      .update(topics)
      .set({ label: input.label ?? target.label, keywords, representativeIds, staffEdited: true })
      .where(eq(topics.id, target.id));
    const payload = { targetId: target.id, sourceIds, labels: sources.map((s) => s.label), ...(input.label ? { from: target.label, label: input.label } : {}) };
    await record(tx, consultationId, actor, "merge", target.id, payload, now);
    return target.id;
  });
}

/** Moves the chosen comments of a topic into a new topic staff name; both parts are kept by later runs. */
export function splitTopic(db: Db, consultationId: number, actor: Staff, input: { topicId: number; commentIds: number[]; label: string }, now = new Date()) {
  return edit(db, consultationId, async (tx) => {
    const topic = await liveTopic(tx, consultationId, input.topicId);
    const chosen = [...new Set(input.commentIds)];
    const members = await tx
      .select({ commentId: commentAnalysis.commentId, keywords: commentAnalysis.keywords })
      .from(commentAnalysis)
      .where(eq(commentAnalysis.topicId, topic.id));
    const moving = members.filter((m) => chosen.includes(m.commentId));
    if (moving.length !== chosen.length) throw new TopicEditError("所选意见不属于该话题。请刷新页面后重试。", 400, "commentIds");
    if (moving.length === members.length) throw new TopicEditError("不能把全部意见拆分出去；如需改名，请使用“重命名”。", 400, "commentIds");
    const created = await newTopic(tx, consultationId, topic.runId, input.label, moving, now);
    await place(tx, chosen, created.id);
    // Both parts of a split are staff's: the rest of the topic stays together too.
    await dropRepresentatives(tx, topic, chosen, true);
    await record(tx, consultationId, actor, "split", topic.id, { topicId: topic.id, newTopicId: created.id, label: input.label, commentIds: chosen }, now);
    return created.id;
  });
}

export async function moveComment(db: Db, consultationId: number, actor: Staff, input: { commentId: number; toTopicId: number }, now = new Date()) {
  await edit(db, consultationId, async (tx) => {
    const comment = await analysedComment(tx, consultationId, input.commentId);
    const target = await liveTopic(tx, consultationId, input.toTopicId, "toTopicId");
    if (comment.topicId === target.id) throw new TopicEditError("该意见已在所选话题中。", 400, "toTopicId");
    await place(tx, [comment.commentId], target.id);
    await tx.update(topics).set({ staffEdited: true }).where(eq(topics.id, target.id));
    const from = comment.topicId ? (await tx.select().from(topics).where(eq(topics.id, comment.topicId)).limit(1))[0] : undefined;
    if (from) await dropRepresentatives(tx, from, [comment.commentId]);
    await record(tx, consultationId, actor, "move", target.id, { commentId: comment.commentId, fromTopicId: comment.topicId, toTopicId: target.id }, now);
  });
}

export function makeOwnTopic(db: Db, consultationId: number, actor: Staff, input: { commentId: number; label: string }, now = new Date()) {
  return edit(db, consultationId, async (tx) => {
    const comment = await analysedComment(tx, consultationId, input.commentId);
    const from = comment.topicId ? (await tx.select().from(topics).where(eq(topics.id, comment.topicId)).limit(1))[0] : undefined;
    const created = await newTopic(tx, consultationId, from?.runId ?? null, input.label, [comment], now);
    await place(tx, [comment.commentId], created.id);
    if (from) await dropRepresentatives(tx, from, [comment.commentId]);
    await record(
      tx,
      consultationId,
      actor,
      "own_topic",
      created.id,
      { commentId: comment.commentId, fromTopicId: comment.topicId, newTopicId: created.id, label: input.label },
      now
    );
    return created.id;
  });
}
