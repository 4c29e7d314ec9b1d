import type { Role } from "../schema";

/** Demo divisions and one account per role. The passwords are public: the README and the start-up log show them. */
export const DEMO_DIVISIONS = ["办公室", "政策法规处", "就业创业处", "优抚褒扬处"] as const;

export const DEMO_ACCOUNTS: Array<{
  username: string;
  password: string;
  displayName: string;
  role: Role;
  division: (typeof DEMO_DIVISIONS)[number] | null;
}> = [
  { username: "admin", password: "demo-admin-2026", displayName: "系统管理员", role: "admin", division: null },
  { username: "drafter", password: "demo-drafter-2026", displayName: "王起草（就业创业处）", role: "drafter", division: "就业创业处" },
  { username: "drafter2", password: "demo-drafter2-2026", displayName: "李优抚（优抚褒扬处）", role: "drafter", division: "优抚褒扬处" },
  { username: "reviewer", password: "demo-reviewer-2026", displayName: "赵审核（办公室）", role: "reviewer", division: "办公室" },
  { username: "legal", password: "demo-legal-2026", displayName: "陈法制（政策法规处）", role: "legal", division: "政策法规处" },
];

/**
 * 2026 public holidays and 调休 make-up working days as announced by the State Council General
 * Office. Admins maintain the calendar in the app; this only gives the demo a realistic start.
 */
export const CALENDAR_2026: Array<{ date: string; kind: "holiday" | "workday"; note: string }> = [
  ...range("2026-01-01", 3, "holiday", "元旦"),
  { date: "2026-01-04", kind: "workday", note: "元旦调休上班" },
  ...range("2026-02-15", 9, "holiday", "春节"),
  { date: "2026-02-14", kind: "workday", note: "春节调休上班" },
  { date: "2026-02-28", kind: "workday", note: "春节调休上班" },
  ...range("2026-04-04", 3, "holiday", "清明节"),
  ...range("2026-05-01", 5, "holiday", "劳动节"),
  { date: "2026-05-09", kind: "workday", note: "劳动节调休上班" },
  ...range("2026-06-19", 3, "holiday", "端午节"),
  ...range("2026-09-25", 3, "holiday", "中秋节"),
  { date: "2026-09-20", kind: "workday", note: "国庆节调休上班" },
  ...range("2026-10-01", 7, "holiday", "国庆节"),
  { date: "2026-10-10", kind: "workday", note: "国庆节调休上班" },
];

function range(start: string, days: number, kind: "holiday" | "workday", note: string) {
  const first = new Date(`${start}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    kind,
    note,
  }));
}
