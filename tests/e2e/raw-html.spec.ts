import { expect, test } from "@playwright/test";
import { login } from "./fixtures";
import { PUBLIC_PAGES } from "./public-pages";

// The bytes the server sends, not what the browser makes of them: React 18's Node stream padded
// 2 KB chunks with NUL bytes wherever a Chinese character straddled the chunk's end.

const PUBLIC = PUBLIC_PAGES;

const STAFF = ["/admin", "/admin/consultations/1", "/admin/consultations/1/moderation", "/admin/consultations/3/dispositions"];

function nulOffsets(bytes: Buffer): number[] {
  const found: number[] = [];
  for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, at + 1)) found.push(at);
  return found;
}

test("no public page's HTML contains a NUL byte, and each is valid UTF-8", async ({ request }) => {
  for (const url of PUBLIC) {
    const response = await request.get(url);
    const bytes = await response.body();
    expect(bytes.length, url).toBeGreaterThan(1000);
    expect(nulOffsets(bytes), url).toEqual([]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), url).not.toThrow();
  }
});

test("no staff page's HTML contains a NUL byte", async ({ page }) => {
  await login(page, "drafter");
  for (const url of STAFF) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(nulOffsets(await response.body()), url).toEqual([]);
  }
});
