import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { consultations } from "~db/schema";
import { PUBLIC_STATUSES } from "~/features/consultations/consultation-status";
import { action as listAction, loader as listLoader } from "~/routes/api.v1.consultations";
import { loader as detailLoader } from "~/routes/api.v1.consultations.$id";
import { loader as feedLoader } from "~/routes/feeds.consultations[.]atom";
import { testDb } from "./helpers";
import { BASE_URL, call, HOSTILE_SUMMARY, HOSTILE_TITLE, OPEN_TITLE, seedSyndication } from "./syndication-fixtures";

const db = testDb();
let fx: Awaited<ReturnType<typeof seedSyndication>>;
beforeAll(async () => {
  fx = await seedSyndication(db);
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  htmlEntities: true,
  isArray: (name) => ["entry", "link", "category"].includes(name),
});
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const publicRows = async () => (await db.select().from(consultations)).filter((c) => PUBLIC_STATUSES.includes(c.status));

async function feed() {
  const result = await call(feedLoader, "/feeds/consultations.atom");
  expect(XMLValidator.validate(result.text)).toBe(true);
  return { ...result, doc: parser.parse(result.text).feed };
}

describe("GET /feeds/consultations.atom", () => {
  it("is an Atom 1.0 feed with id, title, updated, self and alternate links and the department as author", async () => {
    const { response, doc } = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(doc["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.id).toBe(`${BASE_URL}/feeds/consultations.atom`);
    expect(doc.title["#text"]).toContain("辽宁省退役军人事务厅");
    expect(doc.updated).toMatch(RFC3339);
    expect(doc.author.name).toBe("辽宁省退役军人事务厅");
    const rels = Object.fromEntries(doc.link.map((l: Record<string, string>) => [l["@rel"], l["@href"]]));
    expect(rels).toEqual({ self: `${BASE_URL}/feeds/consultations.atom`, alternate: `${BASE_URL}/` });
  });

  it("has one entry per public consultation, none for drafts or those awaiting review", async () => {
    const { doc, text } = await feed();
    const ids = doc.entry.map((e: { id: string }) => e.id).sort();
    expect(ids).toEqual((await publicRows()).map((c) => `${BASE_URL}/consultations/${c.id}`).sort());
    expect(text).not.toContain("草稿：尚未公开的办法");
    expect(text).not.toContain("待审核：尚未公开的意见");
    expect(ids).not.toContain(`${BASE_URL}/consultations/${fx.draft.id}`);
  });

  it("gives every entry the required elements, two categories and HTML content with the period", async () => {
    const { doc } = await feed();
    for (const e of doc.entry) {
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      expect(Date.parse(e.updated)).toBeLessThanOrEqual(Date.now());
      expect(e.link.find((l: Record<string, string>) => l["@rel"] === "alternate")["@href"]).toBe(e.id);
      expect(e.category.map((c: Record<string, string>) => c["@term"]).length).toBe(2);
      expect(e.content["@type"]).toBe("html");
    }
    const open = doc.entry.find((e: { title: { "#text": string } }) => e.title["#text"] === OPEN_TITLE);
    expect(open.category.map((c: Record<string, string>) => c["@label"])).toEqual(["政府规章", "征求中"]);
    expect(open.content["#text"]).toMatch(/征求意见期：\d{4}年\d+月\d+日 \d{2}:\d{2} 至 .*（北京时间）/);
  });

  it("lists entries by their last change, newest first", async () => {
    const { doc } = await feed();
    const updated = doc.entry.map((e: { updated: string }) => Date.parse(e.updated));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(doc.entry[0].title["#text"]).toBe(OPEN_TITLE); // its second version was published just now
  });

  it("escapes a hostile title in XML and once more inside the HTML content", async () => {
    const { doc, text } = await feed();
    expect(text).not.toContain("<script>");
    expect(text).toContain("关于&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;与&#39;A&amp;B&#39;");
    const entry = doc.entry.find((e: { id: string }) => e.id.endsWith(`/${fx.hostile.id}`));
    expect(entry.title["#text"]).toBe(HOSTILE_TITLE);
    expect(entry.summary["#text"]).toBe(HOSTILE_SUMMARY);
    // The content is HTML: the summary's markup must arrive as text, not as tags.
    expect(entry.content["#text"]).toContain("摘要含 &lt;b&gt;标签&lt;/b&gt; &amp; 符号");
    expect(entry.content["#text"]).not.toContain("<b>");
  });
});

describe("HTTP behaviour of the open-data endpoints", () => {
  const endpoints = [
    ["feed", feedLoader, "/feeds/consultations.atom", {}],
    ["list", listLoader, "/api/v1/consultations?per_page=2", {}],
    ["detail", detailLoader, "/api/v1/consultations/1", { id: "1" }],
  ] as const;

  for (const [name, loader, path, params] of endpoints) {
    it(`${name}: CORS, cache headers, and 304 for If-None-Match and If-Modified-Since`, async () => {
      const first = await call(loader, path, { params });
      const h = first.response.headers;
      expect(first.response.status).toBe(200);
      expect(h.get("Access-Control-Allow-Origin")).toBe("*");
      expect(h.get("Cache-Control")).toBe("public, max-age=60");
      const etag = h.get("ETag")!;
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      const lastModified = h.get("Last-Modified")!;
      expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());

      const again = await call(loader, path, { params, headers: { "If-None-Match": etag } });
      expect(again.response.status).toBe(304);
      expect(again.response.headers.get("ETag")).toBe(etag);
      expect(again.response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect((await call(loader, path, { params, headers: { "If-None-Match": `"x", W/${etag}` } })).response.status).toBe(304);
      expect((await call(loader, path, { params, headers: { "If-None-Match": '"other"' } })).response.status).toBe(200);

      expect((await call(loader, path, { params, headers: { "If-Modified-Since": lastModified } })).response.status).toBe(304);
      const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await call(loader, path, { params, headers: { "If-Modified-Since": before } })).response.status).toBe(200);
      // If-None-Match wins: a stale tag gets the body even when the date says nothing changed.
      const both = { "If-None-Match": '"stale"', "If-Modified-Since": lastModified };
      expect((await call(loader, path, { params, headers: both })).response.status).toBe(200);
    });

    it(`${name}: answers a CORS preflight allowing GET`, async () => {
      const { response } = await call(loader, path, { params, method: "OPTIONS" });
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(response.headers.get("Access-Control-Allow-Methods")).toContain("GET");
      expect(response.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");
    });
  }

  it("gives the same ETag for the same content and refuses writes with 405", async () => {
    const a = await call(listLoader, "/api/v1/consultations");
    const b = await call(listLoader, "/api/v1/consultations");
    expect(a.response.headers.get("ETag")).toBe(b.response.headers.get("ETag"));
    const refused = await listAction();
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect((await refused.json()).error.code).toBe("method_not_allowed");
  });
});

describe("the feed's length", () => {
  it("holds the 50 most recently changed consultations", async () => {
    const { divisionId, authorId } = fx.hostile;
    for (let i = 0; i < 50; i++) {
      await db.insert(consultations).values({ title: `批量公开的办法 ${i}`, docType: "normative", divisionId, authorId, status: "processing" });
    }
    const { doc } = await feed();
    expect(doc.entry).toHaveLength(50);
    expect(doc.entry.every((e: { title: { "#text": string } }) => e.title["#text"].startsWith("批量公开的办法"))).toBe(true);
  });
});
