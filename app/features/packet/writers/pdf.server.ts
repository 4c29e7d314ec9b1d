// The packet as PDF, with the same content as the DOCX (packet-outline.ts) and a CJK font embedded
// (subset) so that it reads the same on any machine. The font comes from PDF_FONT_PATH.
import fs from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";
import type { Packet } from "~/features/packet/packet.server";
import type { RegisterRow, RegisterRows } from "~/features/packet/register.server";
import { env } from "~/platform/env.server";
import { packetOutline, INTERNAL_MARK, type Block } from "./packet-outline";
import { pdfFont } from "./pdf-font.server";
import { drawTable } from "./pdf-table.server";
import { REGISTER_COLUMNS, registerCells, scaledWidths } from "./register-columns";

type Doc = InstanceType<typeof PDFDocument>;

/** The PDF cannot be made on this server; the message says why in words an administrator can act on. */
export class PdfFontError extends Error {}

const FONT = "cjk";
// Laying out CJK text in pdfkit costs about a millisecond a line: a register beyond this many rows
// would take minutes, so the PDF then refers to the DOCX, XLSX and CSV, which hold every row.
export const PDF_REGISTER_LIMIT = 3000;
const MM = 72 / 25.4;
// GB/T 9704 margins (37/35/28/26 mm) for the text; 20 mm around the landscape register.
export const PORTRAIT: PDFKit.PDFDocumentOptions = {
  size: "A4",
  layout: "portrait",
  margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
};
const LANDSCAPE: PDFKit.PDFDocumentOptions = { size: "A4", layout: "landscape", margins: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM } };

/** Throws a PdfFontError unless the configured CJK font is there. Cheap: call it before answering. */
export function checkPdfFont(path = pdfFont().path): void {
  if (!fs.existsSync(path)) {
    throw new PdfFontError(
      `无法生成 PDF：找不到中文字体文件 ${path}。请安装 fonts-noto-cjk（Debian/Ubuntu：apt-get install fonts-noto-cjk），` +
        "或将环境变量 PDF_FONT_PATH 设为一个 .ttf、.otf 或 .ttc 中文字体文件。DOCX、XLSX 和 CSV 格式不受影响。"
    );
  }
}

export function registerFont(doc: Doc): void {
  const { path: PDF_FONT_PATH, name: PDF_FONT_NAME } = pdfFont();
  checkPdfFont(PDF_FONT_PATH);
  try {
    if (/\.ttc$/i.test(PDF_FONT_PATH)) doc.registerFont(FONT, PDF_FONT_PATH, PDF_FONT_NAME);
    else doc.registerFont(FONT, PDF_FONT_PATH);
    doc.font(FONT);
  } catch {
    throw new PdfFontError(`无法生成 PDF：字体文件 ${PDF_FONT_PATH} 中没有名为 ${PDF_FONT_NAME} 的字体，或文件已损坏。请检查 PDF_FONT_PATH 和 PDF_FONT_NAME。`);
  }
}

/**
 * "— n —" at the foot of every page, and `mark` (内部资料) at its top when given, drawn as each page
 * begins. Shared by the packet and the draft's PDF.
 */
export function decoratePages(doc: Doc, mark?: string): void {
  let page = 0;
  doc.on("pageAdded", () => {
    page++;
    const { x, y } = doc;
    const { margins, width, height } = doc.page;
    const savedBottom = margins.bottom;
    margins.bottom = 0; // drawing in the margin must not start another page
    if (mark) doc.fontSize(12).text(mark, margins.left, margins.top / 2, { lineBreak: false });
    doc.fontSize(10).text(`— ${page} —`, 0, height - savedBottom / 2 - 5, { width, align: "center", lineBreak: false });
    margins.bottom = savedBottom;
    doc.x = x;
    doc.y = y;
  });
}

const STYLE: Record<Exclude<Block["kind"], "table">, { size: number; align: "center" | "justify" | "left" | "right"; indent: number; gap: number }> = {
  title: { size: 20, align: "center", indent: 0, gap: 0.3 },
  subtitle: { size: 14, align: "center", indent: 0, gap: 1 },
  heading: { size: 15, align: "center", indent: 0, gap: 0.8 },
  subheading: { size: 12.5, align: "left", indent: 24, gap: 0.3 },
  paragraph: { size: 12, align: "justify", indent: 24, gap: 0.3 },
  note: { size: 12, align: "left", indent: 24, gap: 0.3 },
  signature: { size: 12, align: "right", indent: 0, gap: 0.3 },
};

async function render(doc: Doc, blocks: Block[], page: PDFKit.PDFDocumentOptions): Promise<void> {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const b of blocks) {
    if (b.kind === "table") {
      const first = b.headers.length === 2 ? 0.7 : 0.5;
      const rest = (1 - first) / (b.headers.length - 1);
      const sum = b.weights?.reduce((x, y) => x + y, 0) ?? 1;
      const widths = b.headers.map((_, i) => width * (b.weights ? b.weights[i] / sum : i === 0 ? first : rest));
      await drawTable(doc, { headers: b.headers, widths, centred: b.headers.map((_, i) => !b.weights || i === 0), fontSize: 10.5, page }, b.rows);
      continue;
    }
    const s = STYLE[b.kind];
    // Each part of the packet begins a page, as in the DOCX.
    if (b.kind === "heading" && doc.y > doc.page.margins.top + 1) doc.addPage(page);
    doc.fontSize(s.size).text(b.kind === "note" ? `（${b.text}）` : b.text, doc.page.margins.left, doc.y, {
      width,
      align: s.align,
      indent: s.indent,
      lineGap: 4,
    });
    doc.moveDown(s.gap);
  }
}

/** Writes the packet's PDF to `out` (without ending it); resolves when the last byte is written. */
export async function writePacketPdf(out: Writable, packet: Packet, rows: RegisterRows): Promise<void> {
  const doc = new PDFDocument({
    ...PORTRAIT,
    autoFirstPage: false,
    info: { Title: `${packet.meta.title}（合法性审查材料）`, Creator: "征求意见平台", Subject: INTERNAL_MARK },
    lang: "zh-CN",
    displayTitle: true,
  });
  registerFont(doc);
  decoratePages(doc, INTERNAL_MARK);
  doc.on("data", (chunk: Buffer) => out.write(chunk));
  const ended = once(doc, "end");

  const outline = packetOutline(packet);
  doc.addPage(PORTRAIT);
  await render(doc, outline.front, PORTRAIT);
  doc.addPage(LANDSCAPE);
  if (packet.registerCount > PDF_REGISTER_LIMIT) {
    const note = `本次征求意见共收到意见 ${packet.registerCount} 条，超过 PDF 文件可容纳的 ${PDF_REGISTER_LIMIT} 条，PDF 中不列出意见登记表。完整的意见登记表见同时提供的 DOCX、XLSX 和 CSV 文件。`;
    await render(doc, [outline.registerIntro[0], { kind: "paragraph", text: note }], LANDSCAPE);
  } else {
    await render(doc, outline.registerIntro, LANDSCAPE);
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const spec = {
      headers: REGISTER_COLUMNS.map((c) => c.header),
      widths: scaledWidths(width),
      centred: REGISTER_COLUMNS.map((c) => c.centred === true),
      fontSize: 9,
      page: LANDSCAPE,
    };
    await drawTable(
      doc,
      spec,
      (async function* () {
        for await (const row of rows) {
          // A reader who went away stops the work, not just the sending.
          if (out.destroyed) throw new Error("The download was abandoned");
          yield registerCells(row);
        }
      })()
    );
    await render(doc, outline.registerEnd, LANDSCAPE);
  }
  doc.end();
  await ended;
}
