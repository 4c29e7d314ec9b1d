// Downloads of the packet and the register: one place that picks the writer, the file name and the
// headers, for the staff routes (internal) and the public route (public variant only).
import { PassThrough, type Writable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { Db } from "~db/client.server";
import { getStaffConsultation } from "~/models/consultation.server";
import { loadPacket } from "~/models/packet.server";
import { registerRows, type RegisterVariant } from "~/models/register.server";
import { registerCsvChunks } from "./csv";
import { writePacketDocx } from "./docx.server";
import { checkPdfFont, PdfFontError, writePacketPdf } from "./pdf.server";
import { writeRegisterXlsx } from "./xlsx.server";
import { packetFiles } from "~/models/comment-attachments.server";
import { writeAttachmentsZip } from "./attachments-zip.server";

export const PACKET_FORMATS = ["docx", "pdf", "xlsx", "csv", "zip"] as const;
export type PacketFormat = (typeof PACKET_FORMATS)[number];
export const isPacketFormat = (v: unknown): v is PacketFormat => PACKET_FORMATS.includes(v as PacketFormat);

const CONTENT_TYPES: Record<PacketFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  zip: "application/zip",
};

/** A file name the legal office can recognise, without characters file systems refuse. */
export function exportFilename(title: string, what: string, ext: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "").trim().slice(0, 80) || "征求意见";
  return `${safe}-${what}.${ext}`;
}

/** RFC 6266 with RFC 5987's UTF-8 form, and an ASCII name for the rare client that lacks it. */
export function contentDisposition(filename: string, asciiName: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/** Streams what `write` produces as an attachment that no cache keeps and no browser sniffs. */
function streamed(filename: string, asciiName: string, format: PacketFormat, write: (out: Writable) => Promise<void>): Response {
  const out = new PassThrough();
  write(out).then(
    () => out.end(),
    (error: unknown) => {
      if (out.destroyed) return; // the reader went away: nothing failed
      console.error(`Export of ${asciiName} failed:`, error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return new Response(createReadableStreamFromReadable(out), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(filename, asciiName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

async function writeCsv(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (out.destroyed) return;
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve).once("close", resolve));
  }
}

/** The legality-review packet (DOCX, PDF), its internal register (XLSX, CSV) or the comments' files (ZIP), with originals. */
export function packetDownload(db: Db, consultationId: number, format: PacketFormat): Response {
  const c = getStaffConsultation(db, consultationId);
  if (!c) throw new Response("Not Found", { status: 404 });
  if (format === "pdf") {
    try {
      checkPdfFont();
    } catch (error) {
      if (error instanceof PdfFontError) return new Response(error.message, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      throw error;
    }
  }
  const rows = () => registerRows(db, consultationId, "internal");
  // The statistics and summary only for the documents that carry them, not for the bare register.
  const packet = () => loadPacket(db, consultationId)!;
  const title = c.title;
  const ascii = `consultation-${consultationId}`;
  switch (format) {
    case "docx":
      return streamed(exportFilename(title, "合法性审查材料", "docx"), `${ascii}-packet.docx`, format, (out) => writePacketDocx(out, packet(), rows()));
    case "pdf":
      return streamed(exportFilename(title, "合法性审查材料", "pdf"), `${ascii}-packet.pdf`, format, (out) => writePacketPdf(out, packet(), rows()));
    case "xlsx":
      return streamed(exportFilename(title, "意见登记表（内部资料）", "xlsx"), `${ascii}-register-internal.xlsx`, format, (out) =>
        writeRegisterXlsx(out, rows(), { title, internal: true }),
      );
    case "csv":
      return streamed(exportFilename(title, "意见登记表（内部资料）", "csv"), `${ascii}-register-internal.csv`, format, (out) => writeCsv(out, registerCsvChunks(rows())));
    case "zip":
      return streamed(exportFilename(title, "意见附件（内部资料）", "zip"), `${ascii}-attachments.zip`, format, (out) => writeAttachmentsZip(out, packetFiles(db, consultationId)));
  }
}

/** The public register: published comments only, their redacted text, names only where chosen. */
export function publicRegisterDownload(
  db: Db,
  c: { id: number; title: string; feedbackPublished: boolean },
  format: Extract<PacketFormat, "xlsx" | "csv">,
): Response {
  const variant: RegisterVariant = "public";
  // Answers are public once the feedback is: before that the column would show drafts.
  const rows = () => registerRows(db, c.id, variant, { withDispositions: c.feedbackPublished });
  const name = exportFilename(c.title, "意见登记表", format);
  const ascii = `consultation-${c.id}-register.${format}`;
  return format === "csv"
    ? streamed(name, ascii, format, (out) => writeCsv(out, registerCsvChunks(rows())))
    : streamed(name, ascii, format, (out) => writeRegisterXlsx(out, rows(), { title: c.title, internal: false }));
}
