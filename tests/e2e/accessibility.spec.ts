import { expect, test } from "@playwright/test";
import { expectAccessible, login, type AccountName } from "./fixtures";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";
import { PUBLIC_PAGES } from "./public-pages";

// axe (WCAG 2.0, 2.1 and 2.2 A/AA rules) on every page, public and staff, each as a person who
// may see it. Many pages are also checked in their own journeys; this is the sweep that misses none.

const PORT = freePortSync();
let server: Awaited<ReturnType<typeof startOwnServer>>;
test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.setTimeout(240_000);
test.beforeAll(async () => {
  server = await startOwnServer(PORT, "accessibility");
});
test.afterAll(() => server?.stop());

const PUBLIC = PUBLIC_PAGES;

const STAFF: Array<[AccountName, string[]]> = [
  ["admin", ["/admin", "/admin/users", "/admin/users/new", "/admin/users/2", "/admin/calendar", "/admin/audit", "/admin/outbox"]],
  [
    "drafter",
    [
      "/admin",
      "/admin/consultations/new",
      "/admin/consultations/1",
      "/admin/consultations/1/versions/new",
      "/admin/consultations/1/comments/new",
      "/admin/consultations/1/moderation",
      "/admin/consultations/3/analysis",
      "/admin/consultations/3/dispositions",
      "/admin/consultations/3/summary",
      "/admin/consultations/3/packet",
    ],
  ],
  ["reviewer", ["/admin", "/admin/consultations/1"]],
  ["legal", ["/admin", "/admin/legal"]],
];

test("every public page", async ({ page }) => {
  for (const url of PUBLIC) {
    await page.goto(url);
    await expect(page.locator("main")).toBeVisible();
    await expectAccessible(page);
  }
});

for (const [who, urls] of STAFF) {
  test(`every page ${who} works on`, async ({ page }) => {
    await login(page, who);
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(400);
      await expectAccessible(page);
    }
  });
}
