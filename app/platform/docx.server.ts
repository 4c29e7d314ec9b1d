import mammoth from "mammoth";
import { expandWordNumbering } from "./docx-numbering.server";
import { sniffType } from "./file-type.server";
import { boundedZip, ZIP_LIMITS, ZipBoundsError } from "./zip-bounds.server";

export class DocxError extends Error {}

/** The text of a .docx, paragraph by paragraph, for the draft parser. */
export async function extractDocxText(file: File): Promise<string> {
  const buffer = Buffer.from(await file.arrayBuffer());
  if (sniffType(buffer)?.ext !== "docx") {
    throw new DocxError("该文件不是有效的 .docx 文件。请上传用 Word 2007 及以上版本保存的 .docx 文件，或直接粘贴正文。");
  }
  let unpacked: Buffer;
  try {
    unpacked = boundedZip(buffer);
  } catch (error) {
    if (!(error instanceof ZipBoundsError) || error.reason === "corrupt") throw new DocxError(CORRUPT);
    const mb = ZIP_LIMITS.totalBytes / 1024 / 1024;
    throw new DocxError(
      `该 .docx 文件解压后过大（超过 ${mb} MB 或 ${ZIP_LIMITS.entries} 个部件），无法导入。请删除其中的图片等内容后重新保存，或直接粘贴正文。`
    );
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: await expandWordNumbering(unpacked) });
    if (!value.trim()) throw new DocxError("该 .docx 文件中没有文字内容。");
    return value.replace(/\n{2,}/g, "\n");
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(CORRUPT);
  }
}

const CORRUPT = "无法读取该 .docx 文件，文件可能已损坏。请重新保存后上传，或直接粘贴正文。";
