// Production server: express in front of the Remix build, with per-request CSP nonces,
// static assets, compression and a graceful shutdown. `npm start` runs it after `npm run build`.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { bodyLimit, limitBodies, sendTooLarge } from "./body-limits.js";
import { sameOriginOnly } from "./same-origin.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

let build;
try {
  // Importing the build validates the environment, migrates the database and seeds the demo.
  build = await import(path.join(root, "build", "index.js"));
} catch (error) {
  if (error?.constructor?.name === "EnvError" || /Invalid environment/.test(String(error?.message))) {
    console.error(error.message);
  } else if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("build")) {
    console.error("No build found: run `npm run build` first.");
  } else {
    console.error("Failed to start:", error);
  }
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const clientIp = (req) => req.ip ?? req.socket.remoteAddress ?? "unknown";
const host = process.env.HOST || "0.0.0.0";
const app = express();
app.disable("x-powered-by");
app.set("query parser", "simple"); // Remix reads the URL itself; express only needs the cheap parser
// Only the configured proxies (a hop count or their addresses) may name the client: an
// X-Forwarded-For from anyone else is ignored, so no client can choose its own rate-limit key.
app.set("trust proxy", build.entry.module.trustProxy());

app.use(sameOriginOnly({ publicUrl: process.env.PUBLIC_URL }));

// Every body within its route's ceiling, before anything reads it (scripts/body-limits.js). The
// comment form says so on its own page; other paths get a plain page.
const COMMENT_PATH = /^\/consultations\/\d+$/;
const TOO_LARGE_COMMENT = { kind: "reply", status: 413, reply: { errors: { form: "提交的内容过大，请精简后分多次提交。" }, values: {} } };
app.use(
  limitBodies((req, res) => {
    if (req.method !== "POST" || !COMMENT_PATH.test(req.path)) return sendTooLarge(req, res);
    res.locals.commentOutcome = TOO_LARGE_COMMENT;
    remixHandler(req, res, () => sendTooLarge(req, res));
  })
);

// Fast path for the public comment form (url-encoded, as every browser sends it): processed here,
// without Remix's request translation, by the same function the route's action uses. A receipt is
// a 303; anything else (validation messages, limits) is handed to Remix to render the page, with
// the outcome in the load context. See docs/decisions/0008-intake-fast-path.md.
const processCommentForm = build.entry.module.processCommentForm;
app.post(
  /^\/consultations\/([1-9]\d{0,14})$/,
  express.raw({ type: "application/x-www-form-urlencoded", limit: bodyLimit("/consultations/1") }),
  async (req, res, next) => {
    if (req.bodyRefused) return;
    if (!Buffer.isBuffer(req.body)) return next();
    try {
      const outcome = await processCommentForm(new URLSearchParams(req.body.toString("utf8")), clientIp(req), Number(req.params[0]));
      if (outcome.kind === "receipt") {
        res.setHeader("Set-Cookie", outcome.setCookie);
        res.setHeader("Cache-Control", "private, no-store");
        return res.redirect(303, outcome.location);
      }
      res.locals.commentOutcome = outcome;
      next();
    } catch (error) {
      next(error);
    }
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
    commentOutcome: res.locals.commentOutcome,
  }),
});
app.all("*", remixHandler);

// A body refused above: whatever its readers report after the answer was sent is expected.
app.use((error, req, res, next) => {
  if (req.bodyRefused) return;
  next(error);
});

// Long query strings (a search pasted from a document) get a readable 400 from the app rather than
// Node's bare 431: allow 64 KB of headers instead of the default 16 KB.
const server = http.createServer({ maxHeaderSize: 64 * 1024 }, app).listen(port, host, () => {
  console.log(`[zhengqiu] Listening on http://localhost:${port}`);
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

function shutdown(signal) {
  console.log(`[zhengqiu] ${signal}: closing`);
  // The outbox sender finishes and records the message in flight (docs/decisions/0007).
  const background = build.entry.module.stopBackground?.() ?? Promise.resolve();
  server.close(() => background.finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
