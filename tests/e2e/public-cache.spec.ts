import { expect, test } from "@playwright/test";

// Public pages a shared cache may keep (docs/decisions/0041): the same HTML for every visitor without
// cookies, with no form key in it, an ETag that answers a revisit 304, and nothing personal ever public.

const PAGES = ["/", "/consultations", "/consultations/1", "/consultations/3/feedback"];

test("a public page is the same for everyone without cookies: shareable for 5 s, an ETag, no form key", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const url of PAGES) {
    const [a, b] = [await anonymous.get(url), await anonymous.get(url)];
    expect(a.status(), url).toBe(200);
    expect(a.headers()["cache-control"], url).toBe("public, max-age=0, s-maxage=5");
    expect(a.headers()["vary"], url).toContain("Cookie");
    expect(a.headers()["etag"], url).toMatch(/^W\/"/);
    expect(b.headers()["etag"], url).toBe(a.headers()["etag"]);
    const again = await anonymous.get(url, { headers: { "If-None-Match": a.headers()["etag"] } });
    expect(again.status(), url).toBe(304);
  }
  const html = await (await anonymous.get("/consultations/1")).text();
  expect(html).toMatch(/name="idempotencyKey" value=""/);
  expect(html).not.toMatch(/name="idempotencyKey" value="[^"]+"/);
  await anonymous.dispose();
});

test("a visitor with a cookie, a staff member, a receipt: never shared", async ({ playwright, baseURL }) => {
  const withPreference = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: "zq_display=large" } });
  for (const url of PAGES) {
    const res = await withPreference.get(url);
    expect(res.headers()["cache-control"], url).toBe("private, no-store");
    expect(res.headers()["etag"], url).toBeUndefined();
  }
  await withPreference.dispose();
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const url of ["/status", "/login", "/admin"])
    expect((await anonymous.get(url, { maxRedirects: 0 })).headers()["cache-control"] ?? "", url).not.toContain("public");
  await anonymous.dispose();
});

test("with JavaScript, the browser makes the form's key when the form appears", async ({ page }) => {
  await page.goto("/consultations/1");
  const key = page.locator('#comment-form input[name="idempotencyKey"]');
  await expect(key).toHaveValue(/^[0-9a-f]{32}$/);
  const first = await key.inputValue();
  await page.reload();
  await expect(key).toHaveValue(/^[0-9a-f]{32}$/);
  expect(await key.inputValue()).not.toBe(first);
});
