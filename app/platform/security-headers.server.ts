/** Headers for every HTML document: no inline script without the request's nonce, no framing. */
export function securityHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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
 * Every page may hold a form with a fresh idempotency key, a session or a receipt, so a shared
 * cache must never keep one: `private, no-store` unless the route's `headers` export chose
 * otherwise. A route may also ask for a stricter Referrer-Policy than the default (the status page
 * says `no-referrer`); it is kept.
 */
export function withCachePolicy(headers: Headers, routeHeaders: Headers): Headers {
  headers.set("Cache-Control", routeHeaders.get("Cache-Control") ?? DEFAULT_CACHE_CONTROL);
  const referrer = routeHeaders.get("Referrer-Policy");
  if (referrer === "no-referrer" || referrer === "same-origin") headers.set("Referrer-Policy", referrer);
  return headers;
}

export const DEFAULT_CACHE_CONTROL = "private, no-store";
