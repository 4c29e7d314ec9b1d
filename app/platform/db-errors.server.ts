import { sqliteErrorCode } from "~db/client.server";
// SQLite's answers when the disk is full, another process holds the database longer than the
// busy timeout, or the file cannot be written (read-only, corrupt). All are failures of ours, not
// of the person submitting: say so, keep their text, let them retry later.

export type StorageProblem = "full" | "busy" | "broken" | null;

export function storageProblem(error: unknown): StorageProblem {
  const code = sqliteErrorCode(error);
  if (code === null) return null;
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) return "full";
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED" || code.startsWith("SQLITE_BUSY_") || code.startsWith("SQLITE_LOCKED_")) return "busy";
  if (/^SQLITE_(READONLY|CORRUPT|NOTADB|CANTOPEN|PERM)/.test(code)) return "broken";
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
