import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import "./utils/load-context";
import { NonceProvider } from "./utils/nonce";
import { boot } from "./utils/boot.server";
import { env } from "./utils/env.server";
import { securityHeaders, withCachePolicy } from "./utils/security-headers.server";

// Validates the environment, migrates the database and seeds the demo before the first request.
await boot();

// Remix starts this clock when the loaders are done, and aborts the page's inlined data when it runs
// out. The app defers no data, so the only thing it ever cut short was a page still waiting for
// the CPU: under a burst (200 posts at once on a loaded 2-core machine) pages were rendered whole
// but answered 500 once they had queued 5 s. A slow answer is better than a false error; the
// limit is kept only against a client that never reads its response.
export const streamTimeout = 60_000;

// Used by scripts/server.js for url-encoded comment posts, before Remix (docs/decisions/0008).
export { processCommentForm } from "./models/comment-intake.server";

// Used by scripts/server.js for express's `trust proxy`: off, a hop count or the proxies' addresses,
// validated with the rest of the environment (app/utils/trust-proxy.server.ts).
export const trustProxy = () => env().TRUST_PROXY;

// Used by scripts/server.js on SIGTERM: the mail sender records the message in flight first.
export { stopBackground } from "./utils/background.server";

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

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  // What the matched routes' `headers` exports asked for, before the security headers are applied.
  const routeHeaders = new Headers(responseHeaders);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          for (const [k, v] of Object.entries(securityHeaders(nonce))) responseHeaders.set(k, v);
          withCachePolicy(responseHeaders, routeHeaders);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
