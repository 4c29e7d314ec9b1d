// Attachments are typed by their content, never by their name or the browser's claim.

export interface SniffedType {
  mime: string;
  ext: string;
  label: string;
}

const TYPES = {
  pdf: { mime: "application/pdf", ext: "pdf", label: "PDF" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx", label: "Word" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx", label: "Excel" },
  png: { mime: "image/png", ext: "png", label: "PNG 图片" },
  jpeg: { mime: "image/jpeg", ext: "jpg", label: "JPEG 图片" },
} satisfies Record<string, SniffedType>;

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Office Open XML files are zip archives; the entry names tell Word from Excel from any other zip. */
function zipHas(buf: Uint8Array, entry: string): boolean {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(Buffer.from(entry, "latin1"));
}

export function sniffType(buf: Uint8Array): SniffedType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return TYPES.pdf; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (zipHas(buf, "[Content_Types].xml") && zipHas(buf, "word/document.xml")) return TYPES.docx;
    if (zipHas(buf, "[Content_Types].xml") && zipHas(buf, "xl/workbook.xml")) return TYPES.xlsx;
  }
  return null;
}

export const ALLOWED_TYPES_TEXT = "PDF、Word（.docx）、Excel（.xlsx）、PNG 或 JPEG 图片";

/** A file name safe to store and to send back: no path, no control or bidi characters, bounded. */
export function safeFilename(name: string, ext: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "附件";
  return `${stem}.${ext}`;
}
