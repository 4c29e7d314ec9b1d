// Request body ceilings, enforced before express or Remix reads a byte. A body over its route's
// ceiling is answered 413 with a Chinese page at once, by its Content-Length when it declares one
// and by counting the bytes read otherwise (chunked), and the connection is closed after the
// answer, so a 300 MB upload costs neither memory nor the other requests' time.
import type { NextFunction, Request, RequestHandler, Response } from "express";

declare module "http" {
  interface IncomingMessage {
    /** Set once a body over its ceiling has been answered 413: whatever its readers report after is expected. */
    bodyRefused?: boolean;
  }
}

const KB = 1024;
const MB = 1024 * KB;

// The staff forms that carry files: a file up to 20 MB, the text fields up to 8 MB
// (app/platform/multipart.server.ts reads them within the same figures).
const UPLOAD = /^\/admin\/consultations\/(?:new|\d+|\d+\/edit)$/;
// The public comment form's URL: one pattern, the comments feature's (COMMENT_FORM_PATH), given by the server.
let COMMENT: RegExp = /^\/consultations\/\d+$/;

/** Sets the comment form's URL pattern (the comments feature owns it). */
export function useCommentFormPath(pattern: RegExp): void {
  COMMENT = pattern;
}
// Staff entering a letter attach its scan, within the same figures as a comment's files.
const STAFF_ENTRY = /^\/admin\/consultations\/\d+\/comments\/new$/;

/** The most bytes a request to this path may send. */
export function bodyLimit(path: string): number {
  if (path === "/login" || path === "/logout") return 16 * KB;
  if (UPLOAD.test(path)) return 29 * MB;
  // A comment: up to 20,000 characters (at most 180 KB url-encoded) and up to 20 MB of attachments
  // (app/features/comments/comment-attachment-rules.ts), with room for a far longer paste to come back with
  // the "too long" message.
  if (COMMENT.test(path) || STAFF_ENTRY.test(path)) return 22 * MB;
  return 4 * MB;
}

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>提交的内容过大</title></head>
<body><main><h1>提交的内容过大</h1>
<p>提交的内容超过了允许的大小（此处最多 %LIMIT%），未被接收。请精简内容、压缩或拆分附件后重新提交。</p>
<p><a href="/">返回首页</a></p></main></body></html>`;

const human = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`);

/** The plain 413 page, for paths where the app has no form to show the message on. */
export function sendTooLarge(req: Request, res: Response): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  res.status(413);
  res.set({
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  });
  res.end(PAGE.replace("%LIMIT%", human(bodyLimit(req.path))));
}

// Closing at once would reset a connection the client is still writing to, and the client could
// lose the answer with it. So the rest of the body is read and thrown away for a moment (no
// reader keeps it), then the connection is closed whatever is left.
const LINGER_MS = 2000;

// A body read to its end leaves a clean connection, which the client may reuse for its next
// request: the timer must not close it then (it once reset a later request's answer mid-stream).
function lingeringClose(req: Request): void {
  if (req.complete) return;
  req.removeAllListeners("data");
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  req.once("end", () => clearTimeout(timer));
  req.resume();
}

/**
 * The middleware. `answer(req, res)` writes the 413 (the comment form re-renders its page). The
 * connection is closed shortly after the answer is sent rather than read to the end.
 */
export function limitBodies(answer: (req: Request, res: Response) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = bodyLimit(req.path);
    const refuse = () => {
      if (req.bodyRefused) return;
      req.bodyRefused = true;
      if (res.headersSent) return lingeringClose(req);
      // Not "Connection: close": Node would then close at once and race the client's upload.
      res.on("finish", () => lingeringClose(req));
      answer(req, res);
    };
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) return refuse();
    // Without a declared length, count what is read, whoever reads it (express.raw, Remix's
    // stream, or Node draining an unread body), without changing how the stream flows.
    if (declared === undefined && req.headers["transfer-encoding"] !== undefined) {
      let seen = 0;
      const emit = req.emit;
      req.emit = function (this: Request, event: string | symbol, ...args: unknown[]) {
        if (event === "data" && !req.bodyRefused) {
          seen += (args[0] as Buffer).length;
          if (seen > limit) {
            // Whoever was reading sees the connection close once the 413 is sent.
            refuse();
            return false;
          }
        }
        return emit.call(this, event, ...args);
      } as typeof req.emit;
    }
    next();
  };
}
