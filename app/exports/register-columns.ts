// The register's columns, in one place for every format: the headers the legal office knows from
// paper registers, and each format's width. Widths share one proportion so the formats look alike.
import type { RegisterRow } from "~/models/register.server";

export interface RegisterColumn {
  key: keyof RegisterRow;
  header: string;
  /** Relative width; each format scales these to its own page or sheet. */
  weight: number;
  /** Short values are centred in the DOCX and PDF tables. */
  centred?: boolean;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: "no", header: "序号", weight: 5, centred: true },
  { key: "articles", header: "条款", weight: 10 },
  { key: "text", header: "意见内容", weight: 40 },
  { key: "author", header: "提出人/单位", weight: 14 },
  { key: "channel", header: "渠道", weight: 8, centred: true },
  { key: "files", header: "附件", weight: 10 },
  { key: "disposition", header: "采纳情况", weight: 8, centred: true },
  { key: "reason", header: "理由", weight: 15 },
];

/** The cells of one row as text, in column order. */
export function registerCells(row: RegisterRow): string[] {
  return REGISTER_COLUMNS.map((c) => String(row[c.key]));
}

/** Column widths scaled to `total` (twips, points or characters), rounded, summing to about `total`. */
export function scaledWidths(total: number): number[] {
  const sum = REGISTER_COLUMNS.reduce((s, c) => s + c.weight, 0);
  return REGISTER_COLUMNS.map((c) => Math.round((c.weight / sum) * total));
}
