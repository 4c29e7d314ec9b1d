// The draft of a published consultation as DOCX or PDF (/consultations/:id/draft.docx, .pdf).
// Made from the latest version's stored structure; an ETag per version (and per title and period,
// which the document prints) lets browsers and proxies keep it until a new version is published.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { draftDownloads } from "~db/schema";
import { getPublicConsultation } from "~/features/consultations/consultation.server";
import { latestVersion, loadDraftTree } from "~/features/consultations/draft.server";
import { formatDateTime } from "~/platform/dates";
import { checkPdfFont, contentDisposition, exportFilename, PdfFontError } from "~/features/packet/index.server";
import { draftDocx } from "./draft-docx.server";
import type { DraftFormat } from "./draft-links";
import { draftOutline } from "./draft-outline";
import { draftPdf } from "./draft-pdf.server";

const CONTENT_TYPES: Record<DraftFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The file as made for this version and tag, made (and kept) now when there is none. */
async function madeOnce(db: Db, versionId: number, format: DraftFormat, etag: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const where = and(eq(draftDownloads.versionId, versionId), eq(draftDownloads.format, format));
  const kept = (await db.select({ etag: draftDownloads.etag, body: draftDownloads.body }).from(draftDownloads).where(where).limit(1))[0];
  if (kept?.etag === etag) return kept.body;
  const body = await make();
  await db
    .insert(draftDownloads)
    .values({ versionId, format, etag, body })
    .onConflictDoUpdate({ target: [draftDownloads.versionId, draftDownloads.format], set: { etag, body, createdAt: new Date() } });
  return body;
}

// Raise when the layout changes, so that kept copies of the old layout are not served as current.
const LAYOUT = 1;

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function draftDownload(db: Db, request: Request, consultationId: number | null, format: DraftFormat): Promise<Response> {
  const c = consultationId ? await getPublicConsultation(db, consultationId) : undefined;
  const version = c ? await latestVersion(db, c.id) : undefined;
  if (!c || !version) throw new Response("Not Found", { status: 404 });

  const period = c.opensAt && c.closesAt ? `${formatDateTime(c.opensAt)} 至 ${formatDateTime(c.closesAt)}（北京时间）` : null;
  const meta = { title: c.title, versionLabel: version.label, period };
  const tag = crypto
    .createHash("sha256")
    .update(JSON.stringify({ LAYOUT, format, version: version.id, meta }))
    .digest("base64url")
    .slice(0, 27);
  const etag = `"draft-${version.id}-${tag}"`;
  const cacheHeaders = {
    ETag: etag,
    // Public text, the same for everyone; checked again after an hour, or at once by a new version's tag.
    "Cache-Control": "public, max-age=3600",
    Vary: "Accept-Encoding",
  };
  const inm = request.headers.get("If-None-Match");
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers: cacheHeaders });

  if (format === "pdf") {
    // Checked before a kept copy is served too: the answer does not depend on what was made earlier.
    try {
      checkPdfFont();
    } catch (error) {
      if (error instanceof PdfFontError) return plain(503, error.message);
      throw error;
    }
  }
  const body = await madeOnce(db, version.id, format, etag, async () => {
    const blocks = draftOutline(meta, await loadDraftTree(db, version.id));
    const docTitle = `${c.title}（${version.label}）`;
    return format === "docx" ? draftDocx(blocks, docTitle) : draftPdf(blocks, docTitle);
  });
  return new Response(new Uint8Array(body), {
    headers: {
      ...cacheHeaders,
      "Content-Type": CONTENT_TYPES[format],
      "Content-Length": String(body.byteLength),
      "Content-Disposition": contentDisposition(
        exportFilename(c.title, c.title.includes(version.label) ? "全文" : version.label, format),
        `consultation-${c.id}-draft-v${version.versionNo}.${format}`
      ),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
