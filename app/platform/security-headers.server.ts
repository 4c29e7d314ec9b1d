/**
 * Headers for every HTML document: no inline script without the request's nonce, no framing. A page
 * shared by a cache has no nonce (one nonce for everyone would be no secret): its inline scripts are
 * allowed by their SHA-256 instead, which the same page always has (docs/decisions/0041).
 */
export function securityHeaders(scripts: { nonce: string } | { hashes: string[] }): Record<string, string> {
  const allowed = "nonce" in scripts ? `'nonce-${scripts.nonce}'` : scripts.hashes.map((h) => `'sha256-${h}'`).join(" ");
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${allowed}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/**
 * A page may hold a session, a receipt or a form's text, so a shared cache must never keep one:
 * `private, no-store` unless the route's `headers` export chose otherwise, or the page is one that is
 * the same for every visitor without cookies (entry.server.tsx, docs/decisions/0041). A route may also ask for a stricter Referrer-Policy than the default (the status page
 * says `no-referrer`); it is kept.
 */
export function withCachePolicy(headers: Headers, routeHeaders: Headers): Headers {
  headers.set("Cache-Control", routeHeaders.get("Cache-Control") ?? DEFAULT_CACHE_CONTROL);
  const referrer = routeHeaders.get("Referrer-Policy");
  if (referrer === "no-referrer" || referrer === "same-origin") headers.set("Referrer-Policy", referrer);
  return headers;
}

export const DEFAULT_CACHE_CONTROL = "private, no-store";

/** A public page asked for without cookies: a shared cache keeps it 5 s, a browser asks again each time (ETag). */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=5";
