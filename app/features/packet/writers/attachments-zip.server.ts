// The packet's files: every file sent with a comment, in a folder per comment named by its 序号 in
// the register and its receipt number, with a list (附件清单.csv) saying which ones were made public.
import fs from "node:fs";
import type { Writable } from "node:stream";
import { ZipArchive } from "archiver";
import { attachmentSize, type PacketFile } from "~/features/comments/index.server";
import { csvLine } from "./csv";

export function attachmentListCsv(files: PacketFile[]): string {
  const lines = [csvLine(["序号", "回执编号", "文件名", "大小", "是否公开", "压缩包内路径"])];
  for (const f of files) {
    lines.push(csvLine([String(f.no), f.receiptNo, f.filename, attachmentSize(f.size), f.isPublic ? "公开" : "不公开", f.blob ? zipPath(f) : "（文件缺失）"]));
  }
  return `\uFEFF${lines.join("")}`;
}

const zipPath = (f: PacketFile) => `${f.no}-${f.receiptNo}/${f.filename}`;

/** Writes the ZIP to `out` (without ending it); files are streamed from disk, one at a time. */
export async function writeAttachmentsZip(out: Writable, files: PacketFile[]): Promise<void> {
  // The files are PDFs, images and zips already: storing them costs nothing and saves the CPU.
  const archive = new ZipArchive({ store: true });
  const done = new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    archive.on("end", resolve);
  });
  archive.pipe(out, { end: false });
  archive.append(attachmentListCsv(files), { name: "附件清单.csv" });
  // The same file twice in one comment gets a second name rather than overwriting the first.
  const used = new Set<string>();
  for (const f of files) {
    if (!f.blob) continue;
    let name = zipPath(f);
    for (let i = 2; used.has(name); i++) name = zipPath(f).replace(/(\.[a-z]+)$/, `（${i}）$1`);
    used.add(name);
    archive.append(f.blob.stream(), { name });
  }
  await archive.finalize();
  await done;
}
