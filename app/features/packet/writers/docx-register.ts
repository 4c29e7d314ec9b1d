// The register as a WordprocessingML table, written as text in pieces. The docx package builds an
// object per run, paragraph and cell: for 100,000 comments that took 48 s and 3.3 GB here, so the
// one table that grows with the comments is written directly, and everything else by the package.
import type { RegisterRow, RegisterRows } from "~/features/packet/register.server";
import { escapeXml } from "~/platform/xml";
import { REGISTER_COLUMNS, registerCells, scaledWidths } from "./register-columns";

/** Paragraph styles the document defines (docx-document.server.ts) and the table refers to. */
export const REGISTER_CELL_STYLE = "RegisterCell";
export const REGISTER_HEAD_STYLE = "RegisterHead";

const BORDER = `w:val="single" w:sz="4" w:space="0" w:color="000000"`;

// Most lines need no escaping at all; testing first spares 700,000 cells two replacements each.
const NEEDS_ESCAPING = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const xmlText = (text: string) => (NEEDS_ESCAPING.test(text) ? escapeXml(text) : text);

function tableStart(widths: number[]): string {
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>` +
    `<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`
  );
}

/** One paragraph per line of the text, so that a letter's paragraphs stay paragraphs. */
function paragraphs(text: string, style: string, centred: boolean): string {
  const pPr = `<w:pPr><w:pStyle w:val="${style}"/>${centred ? `<w:jc w:val="center"/>` : ""}</w:pPr>`;
  const paragraph = (line: string) => (line ? `<w:p>${pPr}<w:r><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>` : `<w:p>${pPr}</w:p>`);
  return text.includes("\n") ? text.split("\n").map(paragraph).join("") : paragraph(text);
}

function cell(text: string, width: number, style: string, centred: boolean, shade?: string): string {
  const fill = shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${shade}"/><w:vAlign w:val="center"/>` : "";
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${fill}</w:tcPr>${paragraphs(text, style, centred)}</w:tc>`;
}

/** The header row repeats at the top of every page (w:tblHeader) and is never split. */
function headerRow(widths: number[]): string {
  const cells = REGISTER_COLUMNS.map((c, i) => cell(c.header, widths[i], REGISTER_HEAD_STYLE, true, "E7EEF7")).join("");
  return `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells}</w:tr>`;
}

function bodyRow(row: RegisterRow, widths: number[]): string {
  const cells = registerCells(row).map((text, i) => cell(text, widths[i], REGISTER_CELL_STYLE, REGISTER_COLUMNS[i].centred === true));
  return `<w:tr>${cells.join("")}</w:tr>`;
}

/**
 * The table in pieces of about `chunkRows` rows, for a table `widthTwips` wide. With no rows it is
 * still a table: its header alone.
 */
export async function* registerTableXml(rows: RegisterRows, widthTwips: number, chunkRows = 500): AsyncGenerator<string> {
  const widths = scaledWidths(widthTwips);
  let chunk = tableStart(widths) + headerRow(widths);
  let n = 0;
  for await (const row of rows) {
    chunk += bodyRow(row, widths);
    if (++n % chunkRows === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</w:tbl>`;
}
