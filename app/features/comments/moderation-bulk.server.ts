// Bulk actions on everything a queue filter matches (docs/decisions/0025-bulk-moderation-by-filter.md).
// Two steps: the preview counts the matching set and names it by a token (a hash of the action, the filters
// and the sorted ids); the confirmation re-evaluates the filter and acts only if the token is unchanged, so
// the moderator acts on exactly the set whose count they saw, or is shown the new count. The work runs in
// chunks, each its own transaction, yielding to the event loop between them; one audit entry records the
// action, the filters, the count and the ids.
import { createHash } from "node:crypto";
import { and, asc, eq, exists, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { commentMarks, comments, redactions, type RejectReason, type Role } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { forget } from "~/platform/memo.server";
import { refreshModerationFlags } from "./moderation-flags.server";
import { queueWhere } from "./moderation-queue.server";
import { queueSearch, type BulkAction, type QueueFilters } from "./moderation-schema";
import { approveAsProposed, decide, type HeldBack } from "./moderation.server";

type Staff = {
  id: number;
  displayName: string;
  role: Role;
  divisionId: number | null;
};

export const BULK_CHUNK = 100;

export interface BulkRequest {
  action: BulkAction;
  reason?: RejectReason;
}

export interface BulkPreview {
  count: number;
  token: string;
  /** For approval: how many of them hold a detection nobody has reviewed (they will stay in the queue). */
  unreviewed: number;
}

/** The filters that define the set: the page number is not one of them. */
const filterKey = (f: QueueFilters) => queueSearch({ ...f, page: 1 });

async function matchingIds(db: Db, consultationId: number, f: QueueFilters): Promise<number[]> {
  await refreshModerationFlags(db, consultationId);
  return (
    await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(...(await queueWhere(db, consultationId, f))))
      .orderBy(asc(comments.id))
  ).map((r) => r.id);
}

function tokenFor(request: BulkRequest, f: QueueFilters, ids: number[]): string {
  return createHash("sha256")
    .update(`${request.action}|${request.reason ?? ""}|${filterKey(f)}|${ids.join(",")}`)
    .digest("base64url")
    .slice(0, 32);
}

export async function previewBulk(db: Db, consultationId: number, f: QueueFilters, request: BulkRequest): Promise<BulkPreview> {
  const ids = await matchingIds(db, consultationId, f);
  const unreviewed =
    request.action === "approve" && ids.length
      ? (
          await db
            .select({ id: comments.id })
            .from(comments)
            .where(
              and(
                ...(await queueWhere(db, consultationId, f)),
                exists(
                  db
                    .select({ one: redactions.id })
                    .from(redactions)
                    .where(and(eq(redactions.commentId, comments.id), eq(redactions.status, "proposed")))
                )
              )
            )
        ).length
      : 0;
  return { count: ids.length, token: tokenFor(request, f, ids), unreviewed };
}

export type BulkOutcome =
  | {
      ok: true;
      count: number;
      done: number;
      held: HeldBack[];
      unchanged: number;
    }
  | { ok: false; changed: BulkPreview };

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Acts on the set the moderator confirmed. A comment already in the target state, or decided by someone else
 * while the chunks ran, is left as it is and counted as unchanged.
 */
export async function runBulkByFilter(
  db: Db,
  consultationId: number,
  actor: Staff,
  f: QueueFilters,
  request: BulkRequest & { token: string },
  now = new Date()
): Promise<BulkOutcome> {
  const ids = await matchingIds(db, consultationId, f);
  if (tokenFor(request, f, ids) !== request.token) return { ok: false, changed: await previewBulk(db, consultationId, f, request) };
  const statusAtConfirmation = new Map(
    ids.length
      ? (
          await Promise.all(
            chunks(ids).map(async (part) =>
              (
                await db.select({ id: comments.id, status: comments.moderationStatus }).from(comments).where(inArray(comments.id, part))
              ).map((r) => [r.id, r.status] as const)
            )
          )
        ).flat()
      : []
  );
  const held: HeldBack[] = [];
  const acted: number[] = [];
  let unchanged = 0;
  const note = `按筛选批量处理（${filterKey(f)}）`;
  let completed = false;
  try {
    for (const part of chunks(ids)) {
      await db.transaction(
        async (tx) => {
          const rows = await tx
            .select()
            .from(comments)
            .where(and(eq(comments.consultationId, consultationId), inArray(comments.id, part)));
          const marked = new Set(
            (await tx.select({ id: commentMarks.commentId }).from(commentMarks).where(inArray(commentMarks.commentId, part))).map((r) => r.id)
          );
          for (const c of rows) {
            const moved = statusAtConfirmation.get(c.id) !== c.moderationStatus;
            if (request.action === "approve") {
              if (moved || c.moderationStatus === "approved") unchanged++;
              else {
                const hold = await approveAsProposed(tx, c, actor, now, {
                  audit: false,
                  note,
                });
                if (hold) held.push(hold);
                else acted.push(c.id);
              }
            } else if (request.action === "reject") {
              if (moved || c.moderationStatus === "rejected") unchanged++;
              else {
                await decide(tx, c, actor, now, { decision: "rejected", reason: request.reason!, note }, { audit: false });
                acted.push(c.id);
              }
            } else if (request.action === "mark") {
              if (marked.has(c.id)) unchanged++;
              else {
                await tx.insert(commentMarks).values({
                  commentId: c.id,
                  markedBy: actor.id,
                  markedAt: now,
                });
                acted.push(c.id);
              }
            } else if (!marked.has(c.id)) unchanged++;
            else {
              await tx.delete(commentMarks).where(eq(commentMarks.commentId, c.id));
              acted.push(c.id);
            }
          }
        },
        { behavior: "immediate" }
      );
      // Other requests are served between chunks: 3,000 comments never hold the server for long.
      await nextTick();
    }
    completed = true;
  } finally {
    forget(`public-comments:${consultationId}:`);
    // Written even when a chunk failed: the chunks already committed are on record.
    await db.transaction(
      (tx) =>
        appendAudit(tx, {
          actor: { id: actor.id, label: actor.displayName },
          action: "comment.bulk_by_filter",
          entityType: "consultation",
          entityId: consultationId,
          after: {
            action: request.action,
            reason: request.reason ?? null,
            filters: filterKey(f),
            count: ids.length,
            done: acted.length,
            held: held.map((h) => h.id),
            unchanged,
            completed,
            ids: acted,
          },
          at: now,
        }),
      { behavior: "immediate" }
    );
  }
  return { ok: true, count: ids.length, done: acted.length, held, unchanged };
}

function chunks(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += BULK_CHUNK) out.push(ids.slice(i, i + BULK_CHUNK));
  return out;
}
