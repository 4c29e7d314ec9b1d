// Writes the packet's DOCX: the docx package lays out the document around a marker paragraph, and
// the register's rows replace that paragraph while the archive is zipped again as a stream, so the
// document's size grows with the comments but the memory used does not.
import { randomUUID } from "node:crypto";
import { Readable, type Writable } from "node:stream";
import { ZipArchive } from "archiver";
import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import type { Packet } from "~/features/packet/packet.server";
import type { RegisterRow, RegisterRows } from "~/features/packet/register.server";
import { FONTS, packetDocument, REGISTER_WIDTH_TWIPS } from "./docx-document.server";
import { registerTableXml } from "./docx-register";
import { packetOutline } from "./packet-outline";

const DOCUMENT = "word/document.xml";
const FONT_TABLE = "word/fontTable.xml";

// Few machines outside government offices have the 方正 and _GB2312 faces: the font table tells
// Word to use 黑体 and 仿宋 (present on every Chinese Windows) in their place, and that all of them
// are GB2312 (charset 86) fonts, so that no Western face is ever substituted.
const FALLBACKS: Record<string, string> = {
  [FONTS.title]: "黑体",
  [FONTS.heading]: "SimHei",
  [FONTS.subheading]: "楷体",
  [FONTS.body]: "仿宋",
  宋体: "SimSun",
};

export function fontTable(original: string): string {
  const fonts = Object.entries(FALLBACKS)
    .map(
      ([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`
    )
    .join("");
  return /<w:fonts[^>]*\/>/.test(original)
    ? original.replace(/<w:fonts([^>]*?)\/>/, `<w:fonts$1>${fonts}</w:fonts>`)
    : original.replace("</w:fonts>", `${fonts}</w:fonts>`);
}

/** The document's XML before and after the marker's paragraph. */
function splitAtMarker(xml: string, marker: string): [string, string] {
  const at = xml.indexOf(marker);
  const start = xml.lastIndexOf("<w:p>", at);
  const end = xml.indexOf("</w:p>", at);
  if (at < 0 || start < 0 || end < 0) throw new Error("The register's marker paragraph is missing from the document");
  return [xml.slice(0, start), xml.slice(end + "</w:p>".length)];
}

/** The document's XML as a stream of buffers: the frame before the marker, the table, the rest. */
async function* documentXml(before: string, rows: RegisterRows, after: string, out: Writable): AsyncGenerator<Buffer> {
  yield Buffer.from(before);
  for await (const piece of registerTableXml(rows, REGISTER_WIDTH_TWIPS)) {
    // A reader who went away stops the work, not just the sending.
    if (out.destroyed) throw new Error("The download was abandoned");
    yield Buffer.from(piece);
  }
  yield Buffer.from(after);
}

/** Writes the DOCX to `out` (without ending it) and resolves once the archive is complete. */
export async function writePacketDocx(out: Writable, packet: Packet, rows: RegisterRows): Promise<void> {
  const marker = `ZQREGISTER${randomUUID().replace(/-/g, "")}`;
  const frame = unzipSync(new Uint8Array(await Packer.toBuffer(packetDocument(packetOutline(packet), packet.meta.title, marker))));
  const [before, after] = splitAtMarker(strFromU8(frame[DOCUMENT]), marker);
  frame[FONT_TABLE] = new TextEncoder().encode(fontTable(strFromU8(frame[FONT_TABLE])));

  // Node's zlib, not a JavaScript deflate: the register's XML runs to hundreds of megabytes.
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const done = new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    archive.on("end", resolve);
  });
  archive.pipe(out, { end: false });
  const names = Object.keys(frame).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0));
  for (const name of names) {
    // Readable.from pulls the generator only as fast as the archive (and the reader behind it) takes it.
    if (name === DOCUMENT) archive.append(Readable.from(documentXml(before, rows, after, out)), { name });
    else archive.append(Buffer.from(frame[name]), { name });
  }
  await archive.finalize();
  await done;
}
