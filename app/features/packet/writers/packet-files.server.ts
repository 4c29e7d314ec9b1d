// Writes the packet's documents for one consultation into a directory: the DOCX and the PDF of the
// whole packet. (The register alone, as XLSX and CSV, is streamed row by row on request, as cheap
// as reading it.) Run in a worker thread (packet-worker-entry.ts)
// so that laying out a thousand PDF pages never holds up the server's requests. The files appear
// all at once: they are written to a scratch directory that is renamed into place at the end.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type { Db } from "~db/client.server";
import { READ_SNAPSHOT_TRANSACTION } from "~db/dialect-sql";
import { loadPacket } from "~/features/packet/packet.server";
import { registerRows } from "~/features/packet/register.server";
import { writePacketDocx } from "./docx.server";
import { checkPdfFont, PdfFontError, writePacketPdf } from "./pdf.server";

export const PACKET_FILE_NAMES = { docx: "packet.docx", pdf: "packet.pdf" } as const;

async function toFile(file: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const out = fs.createWriteStream(file);
  await write(out);
  out.end();
  await finished(out);
}

/** Writes the files into `dir` (replacing it); the PDF is left out, with the reason, when no CJK font is installed. */
export async function writePacketFiles(db: Db, consultationId: number, dir: string, now = new Date()): Promise<{ pdfError: string | null }> {
  const scratch = `${dir}.tmp-${randomUUID()}`;
  fs.mkdirSync(scratch, { recursive: true });
  try {
    // One read transaction: both files describe the same moment, whatever is written meanwhile. (A bare
    // BEGIN on a PostgreSQL pool would open it on one pooled connection and read on others.) The reads made
    // through `db` inside it join it (db/client.server.ts, db/postgres.server.ts).
    const pdfError = await db.transaction(async () => {
      const packet = await loadPacket(db, consultationId, now);
      if (!packet) throw new Error(`Consultation ${consultationId} not found`);
      const rows = () => registerRows(db, consultationId, "internal");
      const file = (name: string) => path.join(scratch, name);
      await toFile(file(PACKET_FILE_NAMES.docx), (out) => writePacketDocx(out, packet, rows()));
      try {
        checkPdfFont();
        await toFile(file(PACKET_FILE_NAMES.pdf), (out) => writePacketPdf(out, packet, rows()));
        return null;
      } catch (error) {
        if (!(error instanceof PdfFontError)) throw error;
        return error.message;
      }
    }, READ_SNAPSHOT_TRANSACTION);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(scratch, dir);
    return { pdfError };
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
