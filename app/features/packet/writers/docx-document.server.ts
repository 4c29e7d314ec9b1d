// The packet's Word document, laid out as a government document (GB/T 9704): A4, title in 方正小标宋
// 二号, headings in 黑体 and 楷体, body in 仿宋 三号 on a 28 pt line, page numbers as "— 1 —", and
// 内部资料 in the header of every page. The register follows in a landscape section; its rows are
// spliced in where `marker` stands (docx-splice.server.ts).
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
} from "docx";
import { REGISTER_CELL_STYLE, REGISTER_HEAD_STYLE } from "./docx-register";
import { INTERNAL_MARK, type Block, type PacketOutline } from "./packet-outline";

/** Faces the document names; docx-splice.server.ts lists them in the font table with fallbacks. */
export const FONTS = {
  title: "方正小标宋简体",
  heading: "黑体",
  subheading: "楷体_GB2312",
  body: "仿宋_GB2312",
} as const;

const LATIN = "Times New Roman";
const face = (eastAsia: string, latin = LATIN) => ({ eastAsia, ascii: latin, hAnsi: latin, cs: latin });
const line = (pt: number) => ({ line: pt * 20, lineRule: LineRuleType.EXACT });

// 三号 = 16 pt, 二号 = 22 pt, 五号 = 10.5 pt; docx sizes are half-points.
const style = (id: string, name: string, font: string, size: number, paragraph: IParagraphStyleOptions["paragraph"]): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: "Normal",
  quickFormat: true,
  run: { font: face(font, font === FONTS.title || font === FONTS.heading ? FONTS.heading : LATIN), size },
  paragraph,
});

/** The GB/T 9704 paragraph styles, shared with the draft's download (draft-docx.server.ts). */
export const STYLES: IParagraphStyleOptions[] = [
  style("PacketTitle", "Packet Title", FONTS.title, 44, { alignment: AlignmentType.CENTER, spacing: { ...line(36), before: 240, after: 120 } }),
  style("PacketSubtitle", "Packet Subtitle", FONTS.subheading, 32, { alignment: AlignmentType.CENTER, spacing: { ...line(28), after: 360 } }),
  style("PacketHeading", "Packet Heading", FONTS.heading, 32, { keepNext: true, alignment: AlignmentType.CENTER, spacing: { ...line(28), after: 280 } }),
  style("PacketSubheading", "Packet Subheading", FONTS.subheading, 32, { keepNext: true, spacing: line(28), indent: { firstLine: 640 } }),
  style("PacketBody", "Packet Body", FONTS.body, 32, { alignment: AlignmentType.JUSTIFIED, spacing: line(28), indent: { firstLine: 640 } }),
  style("PacketSignature", "Packet Signature", FONTS.body, 32, { alignment: AlignmentType.RIGHT, spacing: line(28), indent: { right: 640 } }),
  style(REGISTER_HEAD_STYLE, "Register Head", FONTS.heading, 21, { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO } }),
  style(REGISTER_CELL_STYLE, "Register Cell", FONTS.body, 21, { spacing: { line: 240, lineRule: LineRuleType.AUTO } }),
];

const STYLE_OF: Record<Exclude<Block["kind"], "table">, string> = {
  title: "PacketTitle",
  subtitle: "PacketSubtitle",
  heading: "PacketHeading",
  subheading: "PacketSubheading",
  paragraph: "PacketBody",
  note: "PacketBody",
  signature: "PacketSignature",
};

const cellParagraph = (text: string, head: boolean) =>
  new Paragraph({ style: head ? REGISTER_HEAD_STYLE : REGISTER_CELL_STYLE, alignment: head ? undefined : AlignmentType.CENTER, children: [new TextRun(text)] });

// The portrait text width in twips: A4 less the GB/T 9704 side margins below.
const TEXT_WIDTH_TWIPS = 11906 - 1587 - 1474;

/** Text cells of a weighted table (the 修改对照表) read left-aligned, line by line; counts stay centred. */
const textCell = (text: string, centred: boolean) =>
  text
    .split("\n")
    .map((l) => new Paragraph({ style: REGISTER_CELL_STYLE, alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun(l)] }));

function smallTable(headers: string[], rows: string[][], weights?: number[]): Table {
  const shading = { type: ShadingType.CLEAR, color: "auto", fill: "E7EEF7" };
  const sum = weights?.reduce((a, b) => a + b, 0) ?? 1;
  const widths = weights?.map((w) => Math.round((w / sum) * TEXT_WIDTH_TWIPS));
  const width = (i: number) => (widths ? { width: { size: widths[i], type: WidthType.DXA } } : {});
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths } : {}),
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => new TableCell({ shading, ...width(i), children: [cellParagraph(h, true)] })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: !widths,
            children: r.map((v, i) => new TableCell({ ...width(i), children: widths ? textCell(v, i === 0 || v.length <= 4) : [cellParagraph(v, false)] })),
          })
      ),
    ],
  });
}

function render(blocks: Block[]): Array<Paragraph | Table> {
  return blocks.flatMap((b) => {
    if (b.kind === "table") return [smallTable(b.headers, b.rows, b.weights), new Paragraph({ style: REGISTER_CELL_STYLE })];
    const text = b.kind === "note" ? `（${b.text}）` : b.text;
    // Each part of the packet begins a page, so the first page reads as a cover.
    return [new Paragraph({ style: STYLE_OF[b.kind], pageBreakBefore: b.kind === "heading", children: [new TextRun(text)] })];
  });
}

const header = new Header({
  children: [new Paragraph({ children: [new TextRun({ text: INTERNAL_MARK, font: face(FONTS.heading, FONTS.heading), size: 28 })] })],
});
/** "— n —" centred at the foot of every page. */
export const footer = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: face("宋体"), size: 28 })],
    }),
  ],
});

// A4 in twips; margins of GB/T 9704 (37/35/28/26 mm) for the text, 25 mm around the register.
export const A4 = { width: 11906, height: 16838 };
/** GB/T 9704's margins in twips, with the header and footer distances. */
export const TEXT_MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 992 };
export const REGISTER_WIDTH_TWIPS = A4.height - 2 * 1417;

export function packetDocument(outline: PacketOutline, title: string, marker: string): Document {
  return new Document({
    creator: "征求意见平台",
    title: `${title}（合法性审查材料）`,
    styles: {
      default: { document: { run: { font: face(FONTS.body), size: 32, language: { eastAsia: "zh-CN" } } } },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: { page: { size: A4, margin: TEXT_MARGINS } },
        headers: { default: header },
        footers: { default: footer },
        children: render(outline.front),
      },
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1417, bottom: 1417, left: 1417, right: 1417, header: 709, footer: 709 },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [...render(outline.registerIntro), new Paragraph({ children: [new TextRun(marker)] }), ...render(outline.registerEnd)],
      },
    ],
  });
}
