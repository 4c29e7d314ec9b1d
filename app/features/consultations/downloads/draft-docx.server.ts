// The draft as a Word document laid out as a government document (GB/T 9704), with the packet's
// styles and font fallbacks: title in 方正小标宋 二号, 章 in 黑体, 节 in 楷体, 条 labels in 黑体, body
// in 仿宋 三号 on a 28 pt line, "— n —" page numbers. Public: no 内部资料 mark.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { A4, FONTS, fontTable, footer, STYLES, TEXT_MARGINS } from "~/features/packet/index.server";
import type { DraftBlock } from "./draft-outline";

// A function, not a constant: FONTS comes from the packet feature, which uses this one too.
const heiti = () => ({ eastAsia: FONTS.heading, ascii: FONTS.heading, hAnsi: FONTS.heading });

function paragraph(b: DraftBlock): Paragraph {
  switch (b.kind) {
    case "title":
      return new Paragraph({ style: "PacketTitle", children: [new TextRun(b.text)] });
    case "subtitle":
      return new Paragraph({ style: "PacketSubtitle", children: [new TextRun(b.text)] });
    case "note":
      return new Paragraph({ style: "PacketSubtitle", children: [new TextRun(b.text)] });
    case "chapter":
      return new Paragraph({ style: "PacketHeading", children: [new TextRun(b.text)] });
    case "section":
      return new Paragraph({ style: "PacketSubheading", alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun(b.text)] });
    case "paragraph":
      return new Paragraph({
        style: "PacketBody",
        children: b.label ? [new TextRun({ text: b.label, font: heiti() }), new TextRun(`\u3000${b.text}`)] : [new TextRun(b.text)],
      });
    case "item":
      return new Paragraph({ style: "PacketBody", children: [new TextRun(b.text)] });
  }
}

export async function draftDocx(blocks: DraftBlock[], title: string): Promise<Buffer> {
  const doc = new Document({
    creator: "征求意见平台",
    title,
    styles: {
      default: {
        document: { run: { font: { eastAsia: FONTS.body, ascii: "Times New Roman", hAnsi: "Times New Roman" }, size: 32, language: { eastAsia: "zh-CN" } } },
      },
      paragraphStyles: STYLES,
    },
    sections: [{ properties: { page: { size: A4, margin: TEXT_MARGINS } }, footers: { default: footer }, children: blocks.map(paragraph) }],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  files["word/fontTable.xml"] = strToU8(fontTable(strFromU8(files["word/fontTable.xml"])));
  const zipped = zipSync(files, { level: 6 });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
