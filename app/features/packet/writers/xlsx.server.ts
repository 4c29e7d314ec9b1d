// The register as an Excel workbook, written row by row with exceljs's streaming writer so that
// 100,000 comments never sit in memory as a workbook. Strings are written as strings: a comment
// beginning with "=" stays text in a cell (only the CSV needs a guard against formulas).
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { RegisterRow, RegisterRows } from "~/features/packet/register.server";
import { PUBLIC_REGISTER_COLUMNS, REGISTER_COLUMNS, registerCells, scaledWidths } from "./register-columns";

export interface XlsxMeta {
  title: string;
  /** The internal register carries originals and is marked 内部资料 in its name and print header. */
  internal: boolean;
}

// Text a spreadsheet cannot hold: XML 1.0 forbids these, and one would make Excel refuse the file.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// Excel measures a column in widths of "0" at 11 pt; a CJK character takes about two of them, and
// a wrapped line of 11 pt text about 15 points. Excel never grows a row by itself on opening a
// file, so each row is given the height its longest cell needs (at most Excel's 409 points).
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;
const charWidth = (code: number) => (code > 0x2e7f ? 2 : 1);

/** Lines `text` wraps to in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split("\n")) {
    let w = 0;
    for (const ch of line) w += charWidth(ch.codePointAt(0)!);
    lines += Math.max(1, Math.ceil(w / room));
  }
  return lines;
}

/** The height in points a row of these cells needs in columns of these widths. */
export function rowHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...cells.map((t, i) => wrappedLines(t, widths[i])));
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 3);
}

const yieldToStreams = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the workbook to `out` and resolves when the last byte has been handed to it. */
export async function writeRegisterXlsx(out: Writable, rows: RegisterRows, meta: XlsxMeta): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "征求意见平台";
  workbook.title = `${meta.title} 意见登记表${meta.internal ? "（内部资料）" : ""}`;
  const sheet = workbook.addWorksheet(meta.internal ? "意见登记表（内部资料）" : "意见登记表", {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2", activeCell: "A2" }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    headerFooter: {
      oddHeader: meta.internal ? '&L&"黑体"内部资料&R&P / &N' : "&R&P / &N",
      oddFooter: `&C${meta.title.replace(/&/g, "&&")}`,
    },
  });
  const columns = meta.internal ? REGISTER_COLUMNS : PUBLIC_REGISTER_COLUMNS;
  const widths = scaledWidths(160, columns);
  sheet.columns = columns.map((c, i) => ({
    key: c.key,
    width: widths[i],
    style: { alignment: { wrapText: true, vertical: "top", horizontal: c.centred ? "center" : "left" } },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  header.commit();
  let n = 0;
  for await (const row of rows) {
    const text = registerCells(row, columns).map((v) => v.replace(FORBIDDEN, ""));
    const cells: Array<string | number> = [...text];
    cells[0] = row.no;
    const added = sheet.addRow(cells);
    added.height = rowHeight(text, widths);
    added.commit();
    // Lets the zip stream drain to `out` as it goes instead of queueing the whole sheet, and stops
    // the work when the reader has gone away.
    if (++n % 2000 === 0) {
      await yieldToStreams();
      if (out.destroyed) throw new Error("The download was abandoned");
    }
  }
  sheet.commit();
  await workbook.commit();
}
