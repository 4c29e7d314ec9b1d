import crypto from "node:crypto";
import type { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { createReadableStreamFromReadable } from "@remix-run/node";
// React's Node renderer encodes into reused 2 KB views; its one flaw, NUL padding where a Chinese character
// straddles a view's end, is undone by withoutViewPadding (docs/decisions/0048, after 0017).
import { renderToPipeableStream } from "react-dom/server";
import { bytesOf, withoutViewPadding } from "~/platform/render-stream.server";
import "~/startup/load-context";
import { NonceProvider } from "~/platform/nonce";
import { boot } from "~/startup/boot.server";
import { env } from "~/platform/env.server";
import { storageProblem } from "~/platform/db-errors.server";
import { SHARED_CACHE_CONTROL, securityHeaders, withCachePolicy } from "~/platform/security-headers.server";

// Validates the environment, migrates the database and seeds the demo before the first request.
await boot();

// Remix starts this clock when the loaders are done, and aborts the page's inlined data when it runs
// out. The app defers no data, so the only thing it ever cut short was a page still waiting for
// the CPU: under a burst (200 posts at once on a loaded 2-core machine) pages were rendered whole
// but answered 500 once they had queued 5 s. A slow answer is better than a false error; the
// limit is kept only against a client that never reads its response.
export const streamTimeout = 60_000;

// Used by server/index.ts for url-encoded comment posts, before Remix (docs/decisions/0008): the form's
// processing and its one URL pattern, both the comments feature's.
export { processCommentForm } from "~/features/comments/index.server";
export { COMMENT_FORM_PATH } from "~/features/comments";

// Used by server/index.ts for express's `trust proxy`: off, a hop count or the proxies' addresses,
// validated with the rest of the environment (app/platform/trust-proxy.server.ts).
export const trustProxy = () => env().TRUST_PROXY;

// Used by server/index.ts on SIGTERM: the mail sender records the message in flight first.
export { stopBackground } from "~/startup/background.server";

/** Loader and action data fetched by the browser's router: never kept by a shared cache either. */
export function handleDataRequest(response: Response) {
  try {
    withCachePolicy(response.headers, response.headers);
    return response;
  } catch {
    // Headers of a Response.redirect() are immutable: answer with a copy that carries the policy.
    const headers = withCachePolicy(new Headers(response.headers), response.headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** The public pages a shared cache may keep for a few seconds (docs/decisions/0041). */
const SHARED_PAGES = new Set([
  "routes/_index",
  "routes/consultations._index",
  "routes/consultations.$id",
  "routes/consultations.$id_.feedback",
  "routes/consultations.$id_.versions",
]);

/**
 * A page that is the same for everyone: a GET of a public page by a visitor without cookies (no session,
 * no receipt, no display preference), answered 200. Everything else stays `private, no-store`.
 */
function sharedPage(request: Request, status: number, context: EntryContext): boolean {
  if (request.method !== "GET" || status !== 200 || request.headers.has("Cookie") || request.headers.has("Authorization")) return false;
  const leaf = context.staticHandlerContext.matches.at(-1)?.route.id;
  return leaf !== undefined && SHARED_PAGES.has(leaf);
}

/**
 * The inline scripts of a page, as a Content-Security-Policy hash source: SHA-256 of each, base64. The page is
 * read as latin1, one character per byte, so that each script's characters are its UTF-8 bytes again without
 * decoding the page and encoding it back (the markup searched for is ASCII).
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const scriptHashes = (page: Buffer) => [
  ...new Set([...page.toString("latin1").matchAll(INLINE_SCRIPT)].map((m) => crypto.createHash("sha256").update(m[1], "latin1").digest("base64"))),
];

/**
 * A shared page, whole: kept by nginx's micro-cache for 5 s (s-maxage), revalidated by browsers (max-age=0)
 * with an ETag of its content, so that an unchanged page is a 304. Rendered without a nonce, its inline
 * scripts allowed by hash: the same content has the same headers, so a 304 never pairs a cached body with
 * another response's policy.
 */
function sharedResponse(request: Request, page: Buffer, headers: Headers): Response {
  headers.set("Content-Security-Policy", securityHeaders({ hashes: scriptHashes(page) })["Content-Security-Policy"]);
  const etag = `W/"${crypto.createHash("sha256").update(page).digest("base64url").slice(0, 27)}"`;
  headers.set("ETag", etag);
  headers.set("Cache-Control", SHARED_CACHE_CONTROL);
  headers.set("Vary", "Cookie, Accept-Encoding");
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  // A Buffer is a Uint8Array; its type names ArrayBufferLike where BodyInit asks for an ArrayBuffer.
  return new Response(page as Uint8Array<ArrayBuffer>, { headers, status: 200 });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext
) {
  const nonce = loadContext.nonce;
  // What the matched routes' `headers` exports asked for, before the security headers are applied.
  const routeHeaders = new Headers(responseHeaders);
  const shared = sharedPage(request, responseStatusCode, remixContext);
  const waitForAll = shared || isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  let shellRendered = false;
  // Resolves with the page once its shell (or, for a page sent whole, all of it) is rendered; a shell error
  // rejects, and Remix renders its error page.
  const page = await new Promise<Transform>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const ready = () => {
      shellRendered = true;
      resolve(pipe(withoutViewPadding()));
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={shared ? "" : nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={shared ? undefined : nonce} />
      </NonceProvider>,
      {
        nonce: shared ? undefined : nonce,
        onShellReady() {
          if (!waitForAll) ready();
        },
        onAllReady() {
          clearTimeout(timer);
          if (waitForAll) ready();
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      }
    );
    timer = setTimeout(abort, streamTimeout + 1000);
  });
  // The database unreachable, full or busy past its wait: 503, which tells a proxy and a person to try again.
  if (responseStatusCode === 500 && Object.values(remixContext.staticHandlerContext.errors ?? {}).some((e) => storageProblem(e) !== null)) {
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", "10");
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  for (const [k, v] of Object.entries(securityHeaders({ nonce }))) responseHeaders.set(k, v);
  withCachePolicy(responseHeaders, routeHeaders);
  if (shared && responseStatusCode === 200) return sharedResponse(request, await bytesOf(page), responseHeaders);
  return new Response(createReadableStreamFromReadable(page), {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}
