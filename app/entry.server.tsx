import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
// React 18.3's Node stream (renderToPipeableStream) pads a 2 KB chunk with NUL bytes whenever a
// multi-byte character does not fit at its end (fixed upstream in React 19, facebook/react#26228,
// never released for 18), so Chinese pages carried NULs. The web-stream renderer encodes each
// string whole and copies bytes, which cannot pad; Node 20 has the web streams it needs.
import { renderToReadableStream } from "react-dom/server.browser";
import "./utils/load-context";
import { NonceProvider } from "./utils/nonce";
import { boot } from "./utils/boot.server";
import { securityHeaders } from "./utils/security-headers.server";

// Validates the environment, migrates the database and seeds the demo before the first request.
await boot();

export const streamTimeout = 5_000;

// Used by scripts/server.js for url-encoded comment posts, before Remix (docs/decisions/0008).
export { processCommentForm } from "./models/comment-intake.server";

// Used by scripts/server.js on SIGTERM: the mail sender records the message in flight first.
export { stopBackground } from "./utils/background.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), streamTimeout + 1000);
  let shellRendered = false;
  // A shell error rejects here, and Remix renders its error page, as with the Node stream before.
  const body = await renderToReadableStream(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
    </NonceProvider>,
    {
      nonce,
      signal: controller.signal,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    },
  );
  shellRendered = true;
  body.allReady.then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
  if (waitForAll) await body.allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  for (const [k, v] of Object.entries(securityHeaders(nonce))) responseHeaders.set(k, v);
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
