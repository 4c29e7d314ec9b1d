import type { StoredBlob } from "./blob-store.server";
import { webStream } from "./blob-store.server";

/** A stored file as the store describes it: its content and the row that names it. */
export interface StoredFile {
  blob: StoredBlob;
  row: { mimeType: string; storagePath: string; filename: string; sha256: string };
}

/**
 * A stored file (a consultation's attachment, a comment's file) as a download the browser may
 * neither sniff nor render in our origin: an ASCII fallback name and the real one in RFC 5987 form.
 * The content is streamed from the store, never read whole.
 */
export function fileDownloadResponse(found: StoredFile, cacheControl: string): Response {
  return new Response(webStream(found.blob.stream()), {
    headers: {
      "Content-Type": found.row.mimeType,
      "Content-Length": String(found.blob.size),
      "Content-Disposition": `attachment; filename="attachment.${found.row.storagePath.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(
        found.row.filename
      )}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": cacheControl,
      ETag: `"${found.row.sha256}"`,
    },
  });
}
