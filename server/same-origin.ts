// A state-changing request (any method but GET, HEAD, OPTIONS) whose Origin header names another
// site is refused with 403 and a Chinese page before it reaches an action: staff sessions use a
// SameSite=Lax cookie, and this closes what Lax leaves open (and answers instead of erring).
// Requests without an Origin (curl, older clients) are left to the session and form checks.

import type { NextFunction, Request, RequestHandler, Response } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>请求来源无效</title></head>
<body><main><h1>请求来源无效</h1>
<p>该提交来自其他网站，未被接收。请直接在本网站的页面上填写并提交。</p>
<p><a href="/">返回首页</a></p></main></body></html>`;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function sameOriginOnly({ publicUrl }: { publicUrl?: string } = {}): RequestHandler {
  const configured = publicUrl ? originOf(publicUrl) : null;
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (SAFE.has(req.method) || origin === undefined) return next();
    const own = originOf(`${req.protocol}://${req.get("host") ?? ""}`);
    if (origin === own || (configured !== null && origin === configured)) return next();
    res.status(403).set({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      Connection: "close",
    });
    res.end(PAGE);
  };
}
