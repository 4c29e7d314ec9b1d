// "已收到意见 N 条，M 人参与" on an open consultation's page, as 人大网 shows it: counts of everything
// received (the record, as the feedback summary will count it), never a word of what was written.
import { raw, type Db } from "~db/client.server";
import { char } from "~db/dialect-sql";

export interface Participation {
  comments: number;
  participants: number;
}

// commenterKey() of distinct-commenters.ts in SQL, so that the comments are counted without being
// read into the process: the email (case-insensitive), else the name with the organisation, else
// none, and every comment without one is a participant of its own.
const trimmed = (column: string) => `trim(coalesce(${column}, ''), ' ' || ${char(9)} || ${char(10)} || ${char(13)} || ${char(12288)})`;
const KEY = `CASE
  WHEN ${trimmed("email")} <> '' THEN 'e:' || lower(${trimmed("email")})
  WHEN ${trimmed("name")} <> '' OR ${trimmed("organisation")} <> '' THEN 'n:' || ${trimmed("name")} || ${char(31)} || ${trimmed("organisation")}
END`;

/** Counted now, from every comment of the consultation. */
export async function countParticipation(db: Db, consultationId: number): Promise<Participation> {
  const row = (await raw(db).get(
    `SELECT count(*) AS comments, coalesce(count(DISTINCT key) + sum(CASE WHEN key IS NULL THEN 1 ELSE 0 END), 0) AS participants
       FROM (SELECT ${KEY} AS key FROM comments WHERE consultation_id = ?) AS keyed`,
    consultationId
  )) as Participation;
  return row;
}

// Counting 100,000 comments takes about 130 ms, too long for every page view. A count is reused
// while no comment has arrived anywhere (the newest id, read from the primary key, is the same),
// and for at most REUSE_MS while comments keep arriving, so a busy consultation is counted at most
// that often. Each process keeps its own and checks it against the database: never wrong for long.
const REUSE_MS = 30_000;
const memo = new WeakMap<object, Map<number, { at: number; newestId: number; value: Participation }>>();

export async function participation(db: Db, consultationId: number, now = Date.now()): Promise<Participation> {
  const newestId = ((await raw(db).value(`SELECT coalesce(max(id), 0) FROM comments`)) as number) ?? 0;
  let byConsultation = memo.get(db.$client);
  if (!byConsultation) memo.set(db.$client, (byConsultation = new Map()));
  const kept = byConsultation.get(consultationId);
  if (kept && (kept.newestId === newestId || now - kept.at < REUSE_MS)) return kept.value;
  const value = await countParticipation(db, consultationId);
  byConsultation.set(consultationId, { at: now, newestId, value });
  return value;
}
