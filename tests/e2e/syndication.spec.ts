import { expect, test } from "@playwright/test";

const OPEN_TITLE = "辽宁省退役军人就业创业促进办法（征求意见稿）";

test("the Atom feed and the JSON API list the open demo consultation, cacheably and cross-origin", async ({ request }) => {
  const feed = await request.get("/feeds/consultations.atom");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(feed.headers()["access-control-allow-origin"]).toBe("*");
  const xml = await feed.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  expect(xml).toContain(`<title type="text">${OPEN_TITLE}</title>`);

  const list = await request.get("/api/v1/consultations?status=open");
  expect(list.status()).toBe(200);
  const body = await list.json();
  // Other specs publish consultations on the same server: the demo's open one is among them.
  const open = body.data.find((c: { title: string }) => c.title === OPEN_TITLE);
  expect(open).toBeTruthy();
  expect(open.url).toMatch(/\/consultations\/\d+$/);

  // Through express and compression, the validators still work end to end.
  const etag = list.headers()["etag"];
  const again = await request.get("/api/v1/consultations?status=open", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);

  const detail = await request.get(new URL(open.api_url).pathname);
  expect(detail.status()).toBe(200);
  expect((await detail.json()).draft.nodes.length).toBeGreaterThan(0);

  const preflight = await request.fetch("/api/v1/consultations", {
    method: "OPTIONS",
    headers: { Origin: "https://www.ln.gov.cn", "Access-Control-Request-Method": "GET" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");

  const missing = await request.get("/api/v1/consultations/999999");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: "未找到该征求意见。" } });
});
