// Downloads of the packet and the register: one place that picks the writer, the file name and the
// headers, for the staff routes (internal) and the public route (public variant only).
import fs from "node:fs";
import { PassThrough, type Writable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { Db } from "~db/client.server";
import type { getStaffConsultation } from "~/features/consultations/index.server";
import { ensurePacketBuild, packetFilePath } from "~/features/packet/packet-builds.server";
import { registerRows, type RegisterVariant } from "~/features/packet/register.server";
import { registerCsvChunks } from "./csv";
import { PUBLIC_REGISTER_COLUMNS } from "./register-columns";
import { writeRegisterXlsx } from "./xlsx.server";
import { packetFiles } from "~/features/comments/index.server";
import { writeAttachmentsZip } from "./attachments-zip.server";

type StaffConsultation = NonNullable<Awaited<ReturnType<typeof getStaffConsultation>>>;

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
  const safe =
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "")
      .trim()
      .slice(0, 80) || "征求意见";
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
    }
  );
  return new Response(createReadableStreamFromReadable(out), { headers: fileHeaders(filename, asciiName, format) });
}

/** An attachment that no cache keeps and no browser sniffs. */
function fileHeaders(filename: string, asciiName: string, format: PacketFormat): Record<string, string> {
  return {
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": contentDisposition(filename, asciiName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}

async function writeCsv(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (out.destroyed) return;
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve).once("close", resolve));
  }
}

const plain = (status: number, message: string, extra: Record<string, string> = {}) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", ...extra } });

/**
 * The legality-review packet (DOCX, PDF), its internal register (XLSX, CSV) or the comments' files (ZIP), with originals. The
 * documents are the stored files of the packet's current version (packet-builds.server.ts): while
 * that is being built the answer is 503 with a Retry-After, and the packet page says 正在生成;
 * nothing is laid out here. The register alone is streamed as it is read.
 */
export async function packetDownload(db: Db, c: StaffConsultation, format: PacketFormat): Promise<Response> {
  const consultationId = c.id;
  const ascii = `consultation-${consultationId}`;
  const rows = () => registerRows(db, consultationId, "internal");
  const register = exportFilename(c.title, "意见登记表（内部资料）", format);
  if (format === "xlsx")
    return streamed(register, `${ascii}-register-internal.xlsx`, format, (out) => writeRegisterXlsx(out, rows(), { title: c.title, internal: true }));
  if (format === "csv") return streamed(register, `${ascii}-register-internal.csv`, format, (out) => writeCsv(out, registerCsvChunks(rows())));
  if (format === "zip")
    return streamed(exportFilename(c.title, "意见附件（内部资料）", "zip"), `${ascii}-attachments.zip`, format, async (out) =>
      writeAttachmentsZip(out, await packetFiles(db, consultationId))
    );

  const build = await ensurePacketBuild(db, consultationId, new Date(), c);
  if (build.status === "building") return plain(503, "材料正在生成，请稍后在合法性审查材料页面刷新后下载。", { "Retry-After": "5" });
  if (build.status === "failed") return plain(503, build.error ?? "材料生成失败，请稍后重试。", { "Retry-After": "60" });
  if (format === "pdf" && build.pdfError) return plain(503, build.pdfError);
  const file = packetFilePath(build, format);
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file)), {
    headers: {
      ...fileHeaders(exportFilename(c.title, "合法性审查材料", format), `${ascii}-packet.${format}`, format),
      "Content-Length": String(fs.statSync(file).size),
    },
  });
}

/** The public register: published comments only, their redacted text, names only where chosen. */
export function publicRegisterDownload(
  db: Db,
  c: { id: number; title: string; feedbackPublished: boolean },
  format: Extract<PacketFormat, "xlsx" | "csv">
): Response {
  const variant: RegisterVariant = "public";
  // Answers are public once the feedback is: before that the column would show drafts.
  const rows = () => registerRows(db, c.id, variant, { withDispositions: c.feedbackPublished });
  const name = exportFilename(c.title, "意见登记表", format);
  const ascii = `consultation-${c.id}-register.${format}`;
  return format === "csv"
    ? streamed(name, ascii, format, (out) => writeCsv(out, registerCsvChunks(rows(), 500, PUBLIC_REGISTER_COLUMNS)))
    : streamed(name, ascii, format, (out) => writeRegisterXlsx(out, rows(), { title: c.title, internal: false }));
}
