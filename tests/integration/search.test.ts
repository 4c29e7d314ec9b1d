import { raw } from "~db/client.server";
import { sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { consultations } from "~db/schema";
import { SearchResultCard } from "~/ui/search-result";
import { PAGE_SIZE } from "~/features/consultations/consultation-list.server";
import { searchConsultations, suggestedKeywords } from "~/features/search/search-query.server";
import { ensureSearchIndex, rebuildSearchIndex } from "~/features/search/search.server";
import { testDb } from "./helpers";
import { addConsultation, found, listPage as list, marks, seedSearchDemo, setStatus } from "./search-fixtures";

const db = testDb();
let ids: Awaited<ReturnType<typeof seedSearchDemo>> & { script?: number };
const demo = () => [ids.open, ids.upcoming, ids.closed].sort((a, b) => a - b);

beforeAll(async () => {
  ids = await seedSearchDemo();
});

describe("Chinese terms of every length", () => {
  it("finds a one-character term (军) in all three public consultations and nowhere else", async () => {
    expect(await found(["军"])).toEqual(demo());
  });

  it("finds two-character terms (就业, 优待) in titles and in articles", async () => {
    const employment = await searchConsultations(db, ["就业"]);
    expect(await found(["就业"])).toEqual(demo());
    expect(employment.hits.get(ids.open)!.score).toBeGreaterThan(employment.hits.get(ids.upcoming)!.score);
    expect(await found(["优待"])).toEqual([ids.open, ids.closed]);
  });

  it("finds three-character and longer terms through the trigram index, title hits first", async () => {
    const data = await list("?q=服务站");
    expect(data.list.items[0].consultation.id).toBe(ids.upcoming);
    expect(data.list.total).toBe(3);
    expect(await found(["创业担保贷款"])).toEqual([ids.open]);
  });

  it("looks for the words of a compound the drafts never use as written (创业贷款 → 创业 + 贷款)", async () => {
    const data = await list("?q=创业贷款");
    expect(data.list.split).toEqual([{ term: "创业贷款", parts: ["创业", "贷款"] }]);
    expect(data.list.items.map((i) => i.consultation.id)).toEqual([ids.open]);
    expect(marks(data.list.items[0].match!.articles[0].snippet)).toEqual(expect.arrayContaining(["创业", "贷款"]));
  });

  it("ANDs terms separated by spaces, and says which terms find something on their own", async () => {
    expect(await found(["社区"])).toEqual([ids.open, ids.upcoming]);
    expect(await found(["优待"])).toEqual([ids.open, ids.closed]);
    expect(await found(["社区", "优待"])).toEqual([ids.open]);
    const none = await list(`?q=${encodeURIComponent("招录 烈士")}`);
    expect(none.nothingFound).toBe(true);
    expect(none.list.perTerm).toEqual([
      { term: "招录", count: 1 },
      { term: "烈士", count: 1 },
    ]);
  });
});

describe("results", () => {
  it("marks the terms in the title, the summary and the article snippets", async () => {
    const { list: page } = await list("?q=就业");
    const open = page.items.find((i) => i.consultation.id === ids.open)!;
    expect(marks(open.title!)).toEqual(["就业"]);
    expect(open.match!.articleCount).toBeGreaterThan(3);
    expect(open.match!.articles).toHaveLength(3);
    for (const a of open.match!.articles) expect(marks(a.snippet)).toContain("就业");
  });

  it("points each article hit at an article of the latest draft that contains the term", async () => {
    const { list: page } = await list("?q=创业担保贷款");
    const hit = page.items[0].match!.articles[0];
    const article = (await raw(db).get(
      `SELECT n.id, n.label FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id
         WHERE v.consultation_id = ? AND n.kind = 'article' AND n.number = ?`,
      ids.open,
      hit.number
    )) as { id: number; label: string };
    expect(article.label).toBe(hit.label);
    const text = {
      t: ((await raw(db).column("SELECT text FROM draft_nodes WHERE id = ? OR parent_id = ? ORDER BY id", article.id, article.id)) as string[]).join(""),
    };
    expect(text.t).toContain("创业担保贷款");
  });

  it("keeps markup in a title as text: <script> is escaped wherever it is rendered", async () => {
    const id = (ids.script = await addConsultation({ title: '<script>alert("x")</script>退役军人优待证办法', status: "published" }));
    expect(await found(["script"])).toEqual([id]);
    const [item] = (await list("?q=script")).list.items;
    const card = createElement(SearchResultCard, { consultation: item.consultation, title: item.title!, match: item.match! });
    const html = renderToStaticMarkup(createElement(StaticRouter, { location: "/consultations?q=script" }, card));
    expect(html).toContain("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;退役军人优待证办法");
    expect(html).not.toContain("<script");
    await setStatus(id, "withdrawn");
    expect(await found(["script"])).toEqual([id]); // withdrawn stays on the public record
  });
});

describe("what people type", () => {
  const publicCount = async () =>
    (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(consultations)
        .where(sql`status NOT IN ('draft', 'pending_review')`)
        .limit(1)
    )[0]!.n;

  it("lists every public consultation for an empty or blank query", async () => {
    for (const q of ["", "?q=", "?q=%20%E3%80%80%20"]) {
      const data = await list(q);
      expect(data.errors).toEqual([]);
      expect(data.list.total).toBe(await publicCount());
      expect(data.list.items.every((i) => i.match === null)).toBe(true);
    }
  });

  it("answers a 200-character query with a message and the whole list, not an error page", async () => {
    const data = await list(`?q=${encodeURIComponent("就业".repeat(100))}`);
    expect(data.errors).toEqual(["搜索词过长：最多 100 个字，请缩短后重新搜索。"]);
    expect(data.params.q).toBe("");
    expect(data.list.total).toBe(await publicCount());
  });

  it("treats FTS and SQL metacharacters as text", async () => {
    for (const q of [
      `"`,
      "*",
      "'",
      "NEAR(",
      ")",
      `"就业`,
      "就业*",
      "NEAR(就业 服务站)",
      "AND OR NOT",
      "%",
      "_",
      "\\",
      "--",
      "'; DROP TABLE consultations; --",
    ]) {
      const data = await list(`?q=${encodeURIComponent(q)}`);
      expect(data.errors, q).toEqual([]);
      expect(data.list.items.length, q).toBeLessThanOrEqual(PAGE_SIZE);
    }
    expect(await found([`"`])).toEqual([ids.script]); // alert("x") in its title
    expect(await found(["%"])).toEqual([]);
    expect(await found(["就业*"])).toEqual([]);
    expect((await db.select().from(consultations)).length).toBeGreaterThan(3);
  });
});

describe("only public consultations are searchable", () => {
  it("never finds a draft or a consultation waiting for review, nor suggests their words", async () => {
    expect(await found(["潜艇兵"])).toEqual([]);
    expect(await found(["军队内部"])).toEqual([]);
    const rows = (await raw(db).get("SELECT count(*) AS n FROM search_index WHERE consultation_id IN (?, ?)", ids.draft, ids.pending)) as { n: number };
    expect(rows.n).toBe(0);
    expect(await suggestedKeywords(db, ["潜艇兵"], 50)).not.toContain("潜艇兵");
    const all = await list("");
    expect(all.list.items.map((i) => i.consultation.id)).not.toContain(ids.draft);
    expect(all.list.items.map((i) => i.consultation.id)).not.toContain(ids.pending);
  });

  it("indexes a consultation when it is published and drops it when it stops being public", async () => {
    await setStatus(ids.pending, "published");
    expect(await found(["潜艇兵"])).toEqual([ids.pending]);
    expect((await searchConsultations(db, ["潜艇兵"])).hits.get(ids.pending)!.rows.some((r) => r.field === "article")).toBe(true);
    await setStatus(ids.pending, "draft");
    expect(await found(["潜艇兵"])).toEqual([]);
  });

  it("hides a consultation whose status changed even before it is reindexed", async () => {
    await setStatus(ids.pending, "published");
    await setStatus(ids.pending, "pending_review", false);
    expect(await found(["潜艇兵"])).toEqual([]);
    await setStatus(ids.pending, "pending_review");
  });

  it("rebuilds the same index from scratch, and builds a missing one once", async () => {
    const before = await found(["就业"]);
    await rebuildSearchIndex(db);
    expect(await found(["就业"])).toEqual(before);
    await raw(db).run("DELETE FROM search_index");
    expect(await found(["就业"])).toEqual([]);
    await ensureSearchIndex(db);
    expect(await found(["就业"])).toEqual(before);
  });
});

describe("suggested keywords", () => {
  it("offers the drafts' frequent terms, each of which finds something", async () => {
    const keywords = await suggestedKeywords(db);
    expect(keywords).toContain("退役军人");
    expect(keywords.length).toBeGreaterThanOrEqual(5);
    for (const k of keywords) expect((await searchConsultations(db, [k])).hits.size, k).toBeGreaterThan(0);
  });

  it("offers words close to a search that found nothing", async () => {
    const data = await list("?q=%E6%9C%8D%E5%8A%A1%E7%82%B9"); // 服务点
    expect(data.nothingFound).toBe(true);
    expect(data.keywords[0]).toMatch(/服|务|点/);
  });
});
