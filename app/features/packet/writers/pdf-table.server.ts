// Tables in the PDF, drawn cell by cell: pdfkit's own table neither repeats its header on a new
// page nor splits a row taller than a page (it clips it), and a 5,000-character letter in the
// register must arrive whole. Rows come from an iterable, so the register is never held at once.
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfTableSpec {
  headers: string[];
  /** Column widths in points, summing to the table's width. */
  widths: number[];
  centred?: boolean[];
  fontSize: number;
  /** Size, layout and margins of the pages the table continues on (pdfkit's addPage() would use the document's). */
  page: PDFKit.PDFDocumentOptions;
}

const PAD = 3;
const HEADER_FILL = "#e7eef7";

function cellHeight(doc: Doc, text: string, width: number): number {
  return text ? doc.heightOfString(text, { width: width - 2 * PAD }) : doc.currentLineHeight(true);
}

const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function drawRow(doc: Doc, spec: PdfTableSpec, cells: string[], y: number, height: number, fill?: string): void {
  let x = doc.page.margins.left;
  cells.forEach((text, i) => {
    const w = spec.widths[i];
    if (fill) doc.rect(x, y, w, height).fill(fill).fillColor("black");
    doc.rect(x, y, w, height).lineWidth(0.5).stroke();
    // `height` keeps pdfkit from starting a page of its own when the text reaches the margin.
    if (text) {
      doc.text(text, x + PAD, y + PAD, { width: w - 2 * PAD, height: height - 2 * PAD + 1, align: spec.centred?.[i] || fill ? "center" : "left" });
    }
    x += w;
  });
}

/** The longest start of `text` that fits in `height`, cut at a character (CJK has no word breaks). */
function fittingPrefix(doc: Doc, text: string, width: number, height: number): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cellHeight(doc, text.slice(0, mid), width) <= height) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Draws the table; pauses every few rows so that a long register never holds up the server. */
export async function drawTable(doc: Doc, spec: PdfTableSpec, rows: Iterable<string[]> | AsyncIterable<string[]>): Promise<void> {
  doc.fontSize(spec.fontSize);
  const rowHeight = (cells: string[]) => Math.max(...cells.map((t, i) => cellHeight(doc, t, spec.widths[i]))) + 2 * PAD;
  let y = doc.y;
  const header = () => {
    const h = rowHeight(spec.headers);
    drawRow(doc, spec, spec.headers, y, h, HEADER_FILL);
    y += h;
  };
  // Each new page's decoration (pdf.server.ts) sets a size of its own: set the table's again.
  const newPage = () => {
    doc.addPage(spec.page).fontSize(spec.fontSize);
    y = doc.page.margins.top;
    header();
  };
  if (y + rowHeight(spec.headers) * 2 > bottom(doc)) {
    doc.addPage(spec.page).fontSize(spec.fontSize);
    y = doc.page.margins.top;
  }
  header();
  let drawn = 0;
  for await (let cells of rows) {
    if (++drawn % 25 === 0) await breathe();
    for (;;) {
      const h = rowHeight(cells);
      if (y + h <= bottom(doc)) {
        drawRow(doc, spec, cells, y, h);
        y += h;
        break;
      }
      const pageRoom = bottom(doc) - doc.page.margins.top - rowHeight(spec.headers);
      const room = bottom(doc) - y - 2 * PAD;
      // A row that fits on a fresh page moves there whole; a longer one is split across pages.
      if (h <= pageRoom || room < 3 * doc.currentLineHeight(true)) {
        newPage();
        if (h <= pageRoom) continue;
      }
      const available = bottom(doc) - y - 2 * PAD;
      const cut = cells.map((t, i) => fittingPrefix(doc, t, spec.widths[i], available));
      drawRow(
        doc,
        spec,
        cells.map((t, i) => t.slice(0, cut[i])),
        y,
        available + 2 * PAD
      );
      cells = cells.map((t, i) => t.slice(cut[i]));
      newPage();
    }
  }
  doc.x = doc.page.margins.left;
  doc.y = y + doc.currentLineHeight(true) / 2;
}
