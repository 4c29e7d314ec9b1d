// Production server: express in front of the Remix build, with per-request CSP nonces,
// static assets, compression and a graceful shutdown. `npm start` runs it after `npm run build`.
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";

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
const host = process.env.HOST || "0.0.0.0";
const app = express();
app.disable("x-powered-by");
if (/^(true|1|yes)$/.test(process.env.TRUST_PROXY ?? "")) app.set("trust proxy", true);
app.use(compression());

app.use(
  "/build",
  express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y", index: false }),
);
app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));

app.all(
  "*",
  createRequestHandler({
    build,
    // Stack traces reach the browser only under `npm run dev`.
    mode: process.env.REMIX_DEV_ORIGIN ? "development" : "production",
    getLoadContext: (req) => ({
      nonce: crypto.randomBytes(16).toString("base64"),
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`[zhengqiu] Listening on http://localhost:${port}`);
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

function shutdown(signal) {
  console.log(`[zhengqiu] ${signal}: closing`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
