import { pgErrorCode, sqliteErrorCode } from "~db/client.server";
// The database's answers when the disk is full, another process holds the database longer than the
// busy timeout, the server cannot be reached or has no connection free in time (PostgreSQL), or it
// cannot be written (read-only, corrupt). All are failures of ours, not of the person submitting:
// say so, keep their text, let them retry later.

export type StorageProblem = "full" | "busy" | "broken" | null;

export function storageProblem(error: unknown): StorageProblem {
  const code = sqliteErrorCode(error);
  if (code === null) return postgresProblem(pgErrorCode(error));
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) return "full";
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED" || code.startsWith("SQLITE_BUSY_") || code.startsWith("SQLITE_LOCKED_")) return "busy";
  if (/^SQLITE_(READONLY|CORRUPT|NOTADB|CANTOPEN|PERM)/.test(code)) return "broken";
  return null;
}

// PostgreSQL's SQLSTATEs (and the socket's codes) that are the database's trouble, not the request's.
const PG_UNAVAILABLE = new Set([
  "55000",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "POOL_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

function postgresProblem(code: string | null): StorageProblem {
  if (code === null) return null;
  if (code === "53100") return "full"; // disk_full
  // A serialization failure or deadlock left after the retries, a lock or statement timeout, a server
  // restarting or out of connections or refusing them (55000: a database not accepting connections), a
  // connection lost, the pool without a free connection in time.
  if (code === "40001" || code === "40P01" || code === "55P03" || code === "57014" || code.startsWith("08") || PG_UNAVAILABLE.has(code)) return "busy";
  if (code === "25006" || code.startsWith("58") || code.startsWith("XX")) return "broken"; // read-only, system, internal
  return null;
}

export const STORAGE_MESSAGES: Record<"full" | "busy" | "broken", string> = {
  full: "系统存储空间暂时不足，您的意见未能保存。您填写的内容已保留在下方，请稍后再提交，或复制保存后通过信函、电子邮件提交。",
  busy: "系统繁忙，您的意见未能保存。您填写的内容已保留在下方，请稍后再提交。",
  broken: "系统暂时无法保存数据，您的意见未能保存。您填写的内容已保留在下方，请稍后再提交，或复制保存后通过信函、电子邮件提交。",
};

/** For an error nobody foresaw: still a message, still the text kept. */
export const UNEXPECTED_STORAGE_MESSAGE = "系统出现错误，您的意见未能保存。您填写的内容已保留在下方，请稍后再提交，或复制保存后通过信函、电子邮件提交。";

/** How long a person's write waits in all for another process's lock before being told 503. */
export const WRITE_WAIT_MS = 3000;

/**
 * Runs a write, and while the database is busy runs it again after a pause, up to `totalMs`. The
 * pauses are timers, so other requests are answered meanwhile; only the short busy timeout of
 * each attempt holds the process.
 */
export async function retryWhileBusy<T>(write: () => Promise<T>, totalMs = WRITE_WAIT_MS): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (storageProblem(error) !== "busy" || Date.now() - started >= totalMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
