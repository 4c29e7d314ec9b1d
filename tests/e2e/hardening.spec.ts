import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test("no secret, server module or environment variable reaches the browser bundle", () => {
  const dir = path.join(root, "public", "build");
  const files = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js"));
  expect(files.length).toBeGreaterThan(5);
  const forbidden = [
    "zhengqiu-demo-session-secret",
    "SESSION_SECRET",
    "SMTP_PASSWORD",
    "better-sqlite3",
    "password_hash",
    "demo-admin-2026",
    "node:crypto",
    "process.env",
  ];
  const found: string[] = [];
  for (const f of files) {
    const js = fs.readFileSync(path.join(dir, f), "utf8");
    for (const word of forbidden) if (js.includes(word)) found.push(`${f}: ${word}`);
  }
  expect(found).toEqual([]);
});

test("every HTML page carries the security headers, with a script policy that needs the page's nonce", async ({ request }) => {
  // With a cookie: a page for this visitor alone, which has a nonce of its own.
  const res = await request.get("/consultations/1", { headers: { Cookie: "zq_display=large" } });
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h["content-security-policy"]).not.toContain("unsafe-inline");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"])![1];
  // Every inline script carries the nonce; none without it.
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
});

test("a page shared by a cache has no nonce: each of its inline scripts is allowed by its hash, nothing else", async ({ request }) => {
  const res = await request.get("/consultations/1");
  const csp = res.headers()["content-security-policy"];
  expect(csp).not.toContain("nonce-");
  expect(csp).not.toContain("unsafe-inline");
  const html = await res.text();
  expect(html).not.toMatch(/nonce="[^"]/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(0);
  const allowed = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
  for (const script of inline) expect(allowed).toContain(crypto.createHash("sha256").update(script).digest("base64"));
  expect(allowed).toHaveLength(new Set(inline).size);
});

test("the comment rate limits hold under a burst from one address", async () => {
  // Default limits (20 a client address per 10 minutes), on a server of the test's own.
  const server = await startOwnServer(freePortSync(), "rate-limits", { COMMENT_LIMIT_PER_IP: "20", COMMENT_LIMIT_PER_CONSULTATION: "1200" });
  try {
    const post = (i: number) =>
      fetch(`${server.base}/consultations/1`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          body: `限流测试 ${i}`,
          identityCategory: "军属",
          publishPreference: "anonymous",
          consent: "on",
          idempotencyKey: `rate-limit-${i}-abcdefghijkl`,
        }),
      }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => post(i)));
    expect(statuses.filter((s) => s === 303)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(180);
  } finally {
    server.stop();
  }
});
