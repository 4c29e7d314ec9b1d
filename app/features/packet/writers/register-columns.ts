// The register's columns, in one place for every format: the headers the legal office knows from
// paper registers, and each format's width. Widths share one proportion so the formats look alike.
// The internal register (the packet) carries 回执编号; the public one never does.
import type { RegisterRow } from "~/features/packet/register.server";

export interface RegisterColumn {
  key: keyof RegisterRow;
  header: string;
  /** Relative width; each format scales these to its own page or sheet. */
  weight: number;
  /** Short values are centred in the DOCX and PDF tables. */
  centred?: boolean;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: "no", header: "序号", weight: 4, centred: true },
  { key: "receiptNo", header: "回执编号", weight: 9, centred: true },
  { key: "receivedAt", header: "收到时间", weight: 8, centred: true },
  { key: "articles", header: "条款", weight: 8 },
  { key: "text", header: "意见内容", weight: 30 },
  { key: "author", header: "提出人/单位", weight: 11 },
  { key: "identity", header: "身份", weight: 6, centred: true },
  { key: "channel", header: "渠道", weight: 6, centred: true },
  { key: "files", header: "附件", weight: 8 },
  { key: "disposition", header: "采纳情况", weight: 6, centred: true },
  { key: "reason", header: "理由", weight: 14 },
];

/** The public register's columns: no receipt number, which would let anyone follow another's comment. */
export const PUBLIC_REGISTER_COLUMNS: readonly RegisterColumn[] = REGISTER_COLUMNS.filter((c) => c.key !== "receiptNo");

/** The cells of one row as text, in column order. */
export function registerCells(row: RegisterRow, columns: readonly RegisterColumn[] = REGISTER_COLUMNS): string[] {
  return columns.map((c) => String(row[c.key]));
}

/** Column widths scaled to `total` (twips, points or characters), rounded, summing to about `total`. */
export function scaledWidths(total: number, columns: readonly RegisterColumn[] = REGISTER_COLUMNS): number[] {
  const sum = columns.reduce((s, c) => s + c.weight, 0);
  return columns.map((c) => Math.round((c.weight / sum) * total));
}
