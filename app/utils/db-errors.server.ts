// SQLite's answers when the disk is full or another process holds the database longer than the
// busy timeout. Both are temporary for the person submitting: say so, keep their text, retry later.

export type StorageProblem = "full" | "busy" | null;

export function storageProblem(error: unknown): StorageProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) return "full";
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED" || code.startsWith("SQLITE_BUSY_")) return "busy";
  return null;
}

export const STORAGE_MESSAGES: Record<"full" | "busy", string> = {
  full: "系统存储空间暂时不足，您的意见未能保存。您填写的内容已保留在下方，请稍后再提交，或复制保存后通过信函、电子邮件提交。",
  busy: "系统繁忙，您的意见未能保存。您填写的内容已保留在下方，请稍后再提交。",
};
