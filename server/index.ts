// Production server: express in front of the Remix build, with per-request CSP nonces, static assets,
// compression and a graceful shutdown. Bundled to build/server.js by `npm run build` (scripts/build-entries.mjs);
// `npm start` runs it with plain node.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import type * as Entry from "~/entry.server";
import type { CommentFormOutcome } from "~/features/comments/index.server";
import { bodyLimit, limitBodies, sendTooLarge, useCommentFormPath } from "./body-limits";
import { sameOriginOnly } from "./same-origin";

/** The Remix build, whose entry module also exports what this server needs from the app. */
type AppBuild = ServerBuild & { entry: { module: typeof Entry } };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

async function loadBuild(): Promise<AppBuild> {
  try {
    // Importing the build validates the environment, migrates the database and seeds the demo.
    return (await import(path.join(root, "build", "index.js"))) as AppBuild;
  } catch (error) {
    const e = error as { constructor?: { name?: string }; message?: string; code?: string };
    if (
      e?.constructor?.name === "EnvError" ||
      e?.constructor?.name === "DatabaseUnreachableError" ||
      /Invalid environment|Cannot reach PostgreSQL/.test(String(e?.message))
    ) {
      console.error(e.message);
    } else if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("build")) {
      console.error("No build found: run `npm run build` first.");
    } else {
      console.error("Failed to start:", error);
    }
    process.exit(1);
  }
}

const build = await loadBuild();
const app$ = build.entry.module;
useCommentFormPath(app$.COMMENT_FORM_PATH);

const port = Number(process.env.PORT || 3000);
const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";
const host = process.env.HOST || "0.0.0.0";
const app = express();
app.disable("x-powered-by");
app.set("query parser", "simple"); // Remix reads the URL itself; express only needs the cheap parser
// Only the configured proxies (a hop count or their addresses) may name the client: an
// X-Forwarded-For from anyone else is ignored, so no client can choose its own rate-limit key.
app.set("trust proxy", app$.trustProxy());

app.use(sameOriginOnly({ publicUrl: process.env.PUBLIC_URL }));

// Every body within its route's ceiling, before anything reads it (server/body-limits.ts). The
// comment form says so on its own page; other paths get a plain page.
const TOO_LARGE_COMMENT: CommentFormOutcome = { kind: "reply", status: 413, reply: { errors: { form: "提交的内容过大，请精简后分多次提交。" }, values: {} } };
app.use(
  limitBodies((req, res) => {
    if (req.method !== "POST" || !app$.COMMENT_FORM_PATH.test(req.path)) return sendTooLarge(req, res);
    res.locals.commentOutcome = TOO_LARGE_COMMENT;
    void remixHandler(req, res, () => sendTooLarge(req, res));
  })
);

// Fast path for the public comment form (url-encoded, as every browser sends it): processed here,
// without Remix's request translation, by the same function the route's action uses. A receipt is
// a 303; anything else (validation messages, limits) is handed to Remix to render the page, with
// the outcome in the load context. See docs/decisions/0008-intake-fast-path.md.
app.post(
  app$.COMMENT_FORM_PATH,
  express.raw({ type: "application/x-www-form-urlencoded", limit: bodyLimit("/consultations/1") }),
  (req: Request, res: Response, next: NextFunction) => {
    if (req.bodyRefused) return;
    if (!Buffer.isBuffer(req.body)) return next();
    const id = Number((req.params as Record<string, string>)[0]);
    app$
      .processCommentForm(new URLSearchParams(req.body.toString("utf8")), clientIp(req), id)
      .then((outcome) => {
        if (outcome.kind === "receipt") {
          res.setHeader("Set-Cookie", outcome.setCookie);
          res.setHeader("Cache-Control", "private, no-store");
          return res.redirect(303, outcome.location);
        }
        res.locals.commentOutcome = outcome;
        next();
      })
      .catch(next);
  }
);

app.use(compression());

app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y", index: false }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));

const remixHandler = createRequestHandler({
  build,
  // Stack traces reach the browser only under `npm run dev`.
  mode: process.env.REMIX_DEV_ORIGIN ? "development" : "production",
  getLoadContext: (req, res) => ({
    nonce: crypto.randomBytes(16).toString("base64"),
    clientIp: clientIp(req),
    commentOutcome: res.locals.commentOutcome as CommentFormOutcome | undefined,
  }),
});
app.all("*", (req, res, next) => void remixHandler(req, res, next));

// A body refused above: whatever its readers report after the answer was sent is expected.
app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
  if (req.bodyRefused) return;
  next(error);
});

// Long query strings (a search pasted from a document) get a readable 400 from the app rather than
// Node's bare 431: allow 64 KB of headers instead of the default 16 KB.
const server = http.createServer({ maxHeaderSize: 64 * 1024 }, app).listen(port, host, () => {
  console.log(`[zhengqiu] Listening on http://localhost:${port}`);
  if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
});

function shutdown(signal: string) {
  console.log(`[zhengqiu] ${signal}: closing`);
  // The outbox sender finishes and records the message in flight (docs/decisions/0007).
  const background = app$.stopBackground?.() ?? Promise.resolve();
  server.close(() => void background.finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
