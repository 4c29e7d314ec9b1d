import { and, desc, eq } from "drizzle-orm";
import { raw, type Db, type Queryable } from "~db/client.server";
import { AUDIT_APPEND_LOCK } from "~db/dialect-sql";
import { auditLog } from "~db/schema";
import { sha256Hex } from "./crypto.server";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  actor: { id: number; label: string } | null;
  action: string; // e.g. consultation.approve, user.create
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at?: Date;
}

type AuditRow = typeof auditLog.$inferSelect;
type Writer = Pick<Db, "select" | "insert">;

type HashedFields = Omit<AuditRow, "id" | "hash" | "prevHash" | "at"> & { at: number };

function rowHash(prevHash: string, r: HashedFields): string {
  const canonical = JSON.stringify([r.at, r.actorId, r.actorLabel, r.action, r.entityType, r.entityId, r.before, r.after, r.ip]);
  return sha256Hex(prevHash + canonical);
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Appends one entry to the hash chain. Call it inside the transaction that makes the change. */
export async function appendAudit(tx: Writer, entry: AuditEntry): Promise<void> {
  // Appends queue on PostgreSQL, so that one in a READ COMMITTED transaction reads the true last entry (the
  // unique prev_hash refuses a fork in any case); SQLite's writer already holds the only write lock.
  if (AUDIT_APPEND_LOCK) await raw(tx as Queryable).run(AUDIT_APPEND_LOCK);
  const last = (await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at: entry.at ?? new Date(),
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor?.label ?? "系统",
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: json(entry.before),
    after: json(entry.after),
    ip: entry.ip ?? null,
  };
  const hash = rowHash(prevHash, { ...row, at: row.at.getTime() });
  await tx.insert(auditLog).values({ ...row, prevHash, hash });
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
}

type StoredAuditRow = HashedFields & { id: number; prevHash: string; hash: string };

/** The log in id order, a page at a time: it only grows, and verification must not load it whole. */
async function* auditRows(db: Db, pageSize = 5000): AsyncGenerator<StoredAuditRow> {
  for (let after = -1; ; ) {
    const page = await raw(db).all<StoredAuditRow>(
      `SELECT id, at, actor_id AS "actorId", actor_label AS "actorLabel", action, entity_type AS "entityType",
              entity_id AS "entityId", before, after, ip, prev_hash AS "prevHash", hash
       FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
      after,
      pageSize
    );
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}

/** Recomputes the chain; any edited, removed or reordered row breaks it from that row on. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const row of auditRows(db)) {
    if (row.prevHash !== prev) {
      return { ok: false, checked, firstBadId: row.id, problem: "链接断裂：上一条记录缺失或被改动" };
    }
    if (rowHash(prev, row) !== row.hash) {
      return { ok: false, checked, firstBadId: row.id, problem: "内容与哈希不符：记录被改动" };
    }
    prev = row.hash;
    checked++;
  }
  return { ok: true, checked, firstBadId: null, problem: null };
}

/** The newest entries of the log, of one entity or of all, newest first. */
export async function recentAudit(db: Db, of: { entityType: string; entityId: string } | null, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(of ? and(eq(auditLog.entityType, of.entityType), eq(auditLog.entityId, of.entityId)) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
