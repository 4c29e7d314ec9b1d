// Reads a zip archive (a .docx) within bounds, before any parser sees it. A 174 KB zip can inflate
// to gigabytes; mammoth would inflate it whole and block the process. So: the central directory's
// entry count and declared sizes are checked first, then every entry is inflated in small steps,
// stopping as soon as it outgrows what it declared, and the result is handed on uncompressed.
import { Inflate, zipSync, type Zippable } from "fflate";

export const ZIP_LIMITS = { entries: 1000, totalBytes: 100 * 1024 * 1024 } as const;

export class ZipBoundsError extends Error {
  constructor(readonly reason: "too-large" | "too-many" | "corrupt") {
    super(reason);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(buf: Buffer): Entry[] {
  // The end record is in the last 22 bytes plus up to 65,535 bytes of comment.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new ZipBoundsError("corrupt");
  const count = buf.readUInt16LE(end + 10);
  // 0xffff announces a zip64 archive, which no .docx of a draft needs.
  if (count === 0xffff || count > ZIP_LIMITS.entries) throw new ZipBoundsError("too-many");
  const entries: Entry[] = [];
  let declared = 0;
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipBoundsError("corrupt");
    const entry: Entry = {
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      name: buf.toString("utf8", at + 46, at + 46 + buf.readUInt16LE(at + 28)),
      localOffset: buf.readUInt32LE(at + 42),
    };
    declared += entry.size;
    if (declared > ZIP_LIMITS.totalBytes) throw new ZipBoundsError("too-large");
    entries.push(entry);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

const STEP = 16 * 1024; // inflates to at most about 16 MB per step

function inflateBounded(data: Uint8Array, limit: number): Uint8Array {
  const out = new Uint8Array(limit);
  let length = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > limit) throw new ZipBoundsError("corrupt"); // larger than it declared
    out.set(chunk, length);
    length += chunk.length;
    if (final) finished = true;
  });
  for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  if (data.length === 0) inflate.push(data, true);
  if (!finished || length !== limit) throw new ZipBoundsError("corrupt");
  return out;
}

/** The archive's entries, checked against the bounds and inflated, stored again without compression. */
export function boundedZip(buf: Buffer): Buffer {
  const files: Zippable = {};
  for (const entry of centralDirectory(buf)) {
    const local = entry.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipBoundsError("corrupt");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ZipBoundsError("corrupt");
    if (entry.name.endsWith("/")) continue;
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) throw new ZipBoundsError("corrupt");
      files[entry.name] = new Uint8Array(data);
    } else if (entry.method === 8) {
      try {
        files[entry.name] = inflateBounded(data, entry.size);
      } catch (error) {
        throw error instanceof ZipBoundsError ? error : new ZipBoundsError("corrupt");
      }
    } else throw new ZipBoundsError("corrupt");
  }
  return Buffer.from(zipSync(files, { level: 0 }));
}
