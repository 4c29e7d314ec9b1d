import { handleCommentPost } from "~/features/comments/comment-intake.server";
import { Document, Packer, Paragraph } from "docx";

/** Small real files of each accepted type, and one that only pretends. */
export const pdfBytes = () =>
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");

export const pngBytes = () => Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export const docxBytes = async () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("关于第五条的书面意见")] }] }));

// A Windows executable's header, named and typed as a PDF.
export const exeBytes = () => Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(512, 0)]);

export const file = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

/** The public form's POST as a browser without JavaScript sends it (multipart, an empty file part when none chosen). */
export function multipartPost(consultationId: number, values: Record<string, string>, files: File[], ip = "192.0.2.80") {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  for (const f of files) form.append("files", f);
  if (!files.length) form.append("files", new File([], "", { type: "application/octet-stream" }));
  const request = new Request(`http://localhost/consultations/${consultationId}`, { method: "POST", body: form });
  return handleCommentPost(request, { clientIp: ip }, consultationId);
}
