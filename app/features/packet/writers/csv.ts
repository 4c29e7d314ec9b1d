// The register as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads GBK
// and shows mojibake), RFC 4180 quoting, CRLF line ends.
import type { RegisterRow, RegisterRows } from "~/features/packet/register.server";
import { REGISTER_COLUMNS, registerCells, type RegisterColumn } from "./register-columns";

export const CSV_BOM = "\uFEFF";

/**
 * One field. A value that a spreadsheet would read as a formula (= + - @, and the tab or carriage
 * return that some of them skip first) gets a leading apostrophe: a comment saying
 * =HYPERLINK(...) must stay text on the legal office's machine.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The whole file in pieces of about `chunkRows` rows, BOM and header first. */
export async function* registerCsvChunks(rows: RegisterRows, chunkRows = 500, columns: readonly RegisterColumn[] = REGISTER_COLUMNS): AsyncGenerator<string> {
  let chunk = CSV_BOM + csvLine(columns.map((c) => c.header));
  let n = 0;
  for await (const row of rows) {
    chunk += csvLine(registerCells(row, columns));
    if (++n % chunkRows === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
