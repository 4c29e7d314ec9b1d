// The draft as PDF, from the same blocks as its DOCX (draft-outline.ts), with the packet's CJK font
// (PDF_FONT_PATH) embedded and GB/T 9704 margins; "— n —" at the foot of every page.
import { once } from "node:events";
import PDFDocument from "pdfkit";
import type { DraftBlock } from "./draft-outline";
import { decoratePages, PORTRAIT, registerFont } from "~/features/packet/index.server";

const STYLE: Record<DraftBlock["kind"], { size: number; align: "center" | "justify"; indent: number; gap: number }> = {
  title: { size: 20, align: "center", indent: 0, gap: 0.4 },
  subtitle: { size: 14, align: "center", indent: 0, gap: 0.4 },
  note: { size: 12, align: "center", indent: 0, gap: 1 },
  chapter: { size: 15, align: "center", indent: 0, gap: 0.5 },
  section: { size: 13.5, align: "center", indent: 0, gap: 0.4 },
  paragraph: { size: 12, align: "justify", indent: 24, gap: 0.3 },
  item: { size: 12, align: "justify", indent: 24, gap: 0.3 },
};

export async function draftPdf(blocks: DraftBlock[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ ...PORTRAIT, autoFirstPage: false, info: { Title: title, Creator: "征求意见平台" }, lang: "zh-CN", displayTitle: true });
  registerFont(doc);
  decoratePages(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = once(doc, "end");
  doc.addPage(PORTRAIT);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const b of blocks) {
    const s = STYLE[b.kind];
    if (b.kind === "chapter") doc.moveDown(0.5);
    const text = b.kind === "paragraph" && b.label ? `${b.label}\u3000${b.text}` : b.text;
    doc.fontSize(s.size).text(text, doc.page.margins.left, doc.y, { width, align: s.align, indent: s.indent, lineGap: 4 });
    doc.moveDown(s.gap);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
