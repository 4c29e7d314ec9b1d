// HTTP behaviour shared by the Atom feed and the JSON API: anyone may read them from any origin,
// and republishing sites poll them, so every answer is cacheable and revalidates cheaply with 304.
import crypto from "node:crypto";

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  // ETag is not a CORS-safelisted response header: without this, browser clients cannot see it.
  "Access-Control-Expose-Headers": "ETag",
} as const;

const CACHE_CONTROL = "public, max-age=60";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A strong validator: the same bytes always give the same tag, different bytes another. */
export function strongEtag(body: string): string {
  return `"${crypto.createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 32)}"`;
}

function etagMatches(header: string, etag: string): boolean {
  // If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

/** Whether the client's copy is current (RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since). */
export function isNotModified(request: Request, etag: string, lastModified: Date): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = request.headers.get("If-Modified-Since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds, so compare at that precision.
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * A 200 with ETag and Last-Modified, or a bodiless 304 when the client already has it.
 * `lastModified` is clamped to `now`: a validator in the future would never revalidate.
 */
export function cacheableResponse(
  request: Request,
  body: string,
  { contentType, lastModified, now = new Date() }: { contentType: string; lastModified: Date; now?: Date }
): Response {
  const etag = strongEtag(body);
  const modified = new Date(Math.min(lastModified.getTime(), now.getTime()));
  const headers = {
    ...CORS_HEADERS,
    "Cache-Control": CACHE_CONTROL,
    ETag: etag,
    "Last-Modified": modified.toUTCString(),
  };
  if (isNotModified(request, etag, modified)) return new Response(null, { status: 304, headers });
  return new Response(body, {
    status: 200,
    headers: { ...headers, "Content-Type": contentType, "X-Content-Type-Options": "nosniff" },
  });
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Array<{ parameter: string; message: string }> };
}

/** Errors are readable cross-origin too, but never cached: a 404 becomes a 200 once published. */
export function apiError(status: number, error: ApiErrorBody["error"], headers: Record<string, string> = {}): Response {
  return Response.json({ error } satisfies ApiErrorBody, {
    status,
    headers: { ...CORS_HEADERS, "Cache-Control": "no-store", ...headers },
  });
}

/** The answer to a CORS preflight: GET from anywhere, with the conditional-request headers. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/** Remix hands OPTIONS to the loader and every other method to the action: only reads are served. */
export function methodNotAllowed(): Response {
  return apiError(405, { code: "method_not_allowed", message: "该接口只读，仅支持 GET 请求。" }, { Allow: "GET, HEAD, OPTIONS" });
}
