// Display helpers: instants are stored in UTC and always shown in Asia/Shanghai.
const TZ = "Asia/Shanghai";

const dateFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: TZ, year: "numeric", month: "long", day: "numeric" });
const dateTimeFmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TZ,
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

type Instant = Date | string | number;
const toDate = (v: Instant) => (v instanceof Date ? v : new Date(v));

export function formatDate(v: Instant): string {
  return dateFmt.format(toDate(v));
}

export function formatDateTime(v: Instant): string {
  return dateTimeFmt.format(toDate(v));
}

/** 2026-11-26T09:30 in Asia/Shanghai, for machine-readable <time dateTime>. */
export function isoInstant(v: Instant): string {
  return toDate(v).toISOString();
}

/** "还剩 5 天 3 小时" style text, computed on the server so it is right without JavaScript. */
export function timeLeft(until: Instant, now: Instant = new Date()): string {
  const ms = toDate(until).getTime() - toDate(now).getTime();
  if (ms <= 0) return "已截止";
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (days >= 1) return `还剩 ${days} 天 ${hours % 24} 小时`;
  if (hours >= 1) return `还剩 ${hours} 小时`;
  return `还剩 ${Math.max(1, Math.floor(ms / 60_000))} 分钟`;
}

/**
 * The time a page shows (days left, a phase's wording): the current minute. Two views of a page within a
 * minute are then the same page, which its ETag and a shared cache rely on (docs/decisions/0041).
 */
export function shownNow(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}
