import { raw } from "~db/client.server";
import { beforeAll, describe, expect, it } from "vitest";
import { searchSuggestions } from "~/features/search/search-suggestions.server";
import { loader as suggestLoader } from "~/routes/consultations.suggest";
import { context, testDb } from "./helpers";
import { found, listPage as list, marks, seedSearchDemo } from "./search-fixtures";
import { parseQuery } from "~/features/search/search-terms";

// The issue "The citizen's journey", §4: search the way citizens search.
const db = testDb();
let ids: Awaited<ReturnType<typeof seedSearchDemo>>;
const text = (segments: Array<{ text: string }>) => segments.map((s) => s.text).join("");

beforeAll(async () => {
  ids = await seedSearchDemo();
});

describe("quoted phrases", () => {
  it("finds a phrase in ASCII or Chinese quotes exactly as written", async () => {
    for (const q of [`"创业担保贷款"`, "“创业担保贷款”"]) {
      const data = await list(`?q=${encodeURIComponent(q)}`);
      expect(data.errors, q).toEqual([]);
      expect(
        data.list.items.map((i) => i.consultation.id),
        q
      ).toEqual([ids.open]);
      const hit = data.list.items[0].match!.articles[0];
      expect(hit.label).toBe("第十五条");
      expect(marks(hit.snippet)).toContain("创业担保贷款");
    }
  });

  it("never splits a quoted phrase into words: “创业贷款” is not 创业 + 贷款", async () => {
    const unquoted = await list(`?q=${encodeURIComponent("创业贷款")}`);
    expect(unquoted.list.total).toBe(1);
    for (const q of [`"创业贷款"`, "“创业贷款”"]) {
      const data = await list(`?q=${encodeURIComponent(q)}`);
      expect(data.list.split, q).toEqual([]);
      expect(data.list.total, q).toBe(0);
      expect(data.nothingFound, q).toBe(true);
    }
  });

  it("keeps the words around a phrase: each must be found too", async () => {
    expect((await found(["服务站"])).length).toBe(3);
    const ids2 = [...(await searchIds(`服务站 “创业担保贷款”`))];
    expect(ids2).toEqual([ids.open]);
  });
});

describe("article numbers", () => {
  it("finds 第十五条, 第15条 and 15条 as the article itself, listed first among the hits", async () => {
    for (const q of ["第十五条", "第15条", "15条", "１５条"]) {
      const data = await list(`?q=${encodeURIComponent(q)}`);
      expect(data.errors, q).toEqual([]);
      const open = data.list.items.find((i) => i.consultation.id === ids.open);
      expect(open, q).toBeDefined();
      expect(open!.match!.articles[0].number, q).toBe(15);
      expect(open!.match!.articles[0].label, q).toBe("第十五条");
      expect(text(open!.match!.articles[0].snippet), q).toContain("自主创业的退役军人");
    }
  });

  it("finds only consultations whose draft has the article (or cites it)", async () => {
    const withArticle = await raw(db).column(`SELECT DISTINCT v.consultation_id FROM draft_nodes n JOIN draft_versions v ON v.id = n.version_id
         JOIN consultations c ON c.id = v.consultation_id
         WHERE n.kind = 'article' AND n.number = 20 AND c.status NOT IN ('draft', 'pending_review') ORDER BY 1`);
    expect(withArticle).toContain(ids.open);
    expect(await found(["第二十条"] as never)).toEqual([]); // as a plain word: no text says 第二十条
    expect([...(await searchIds("20条"))]).toEqual(withArticle);
    expect([...(await searchIds("第九百条"))]).toEqual([]);
  });

  it("mixes an article number with words: 15条 贷款 finds article 15 with 贷款 marked", async () => {
    const data = await list(`?q=${encodeURIComponent("15条 贷款")}`);
    expect(data.list.items.map((i) => i.consultation.id)).toEqual([ids.open]);
    const first = data.list.items[0].match!.articles[0];
    expect(first.number).toBe(15);
    expect(marks(first.snippet)).toContain("贷款");
  });
});

describe("snippets", () => {
  it("never repeat an article's words: each article's text is indexed once", async () => {
    for (const q of ["就业", "服务站", "创业担保贷款", "优待 社区"]) {
      const data = await list(`?q=${encodeURIComponent(q)}`);
      for (const item of data.list.items) {
        for (const a of item.match!.articles) {
          const t = text(a.snippet).replace(/…/g, "");
          for (let i = 0; i + 16 <= t.length; i++) {
            expect(t.indexOf(t.slice(i, i + 16), i + 1), `${q} ${a.label}: ${t}`).toBe(-1);
          }
        }
      }
    }
    const rows = (await raw(db).column("SELECT body FROM search_index WHERE field = 'article'")) as string[];
    for (const body of rows) {
      const head = body.replace(/\s+/g, "").slice(0, 20);
      expect(body.replace(/\s+/g, "").indexOf(head, 1), body).toBe(-1);
    }
  });
});

describe("suggestions", () => {
  it("offers the public consultations' own words, headings and titles containing what was typed", async () => {
    const loans = await searchSuggestions(db, "贷");
    expect(loans).toContain("贷款");
    expect(loans.every((s) => s.includes("贷"))).toBe(true);
    const station = await searchSuggestions(db, "服务站");
    expect(station).toContain("关于加强退役军人服务站规范化建设的实施意见（征求意见稿）");
    const heading = (await raw(db).value("SELECT heading FROM draft_nodes WHERE kind = 'chapter' AND heading LIKE '%创业%' LIMIT 1")) as string;
    expect(await searchSuggestions(db, heading.slice(0, 3), 50)).toContain(heading);
    expect(await searchSuggestions(db, "")).toEqual([]);
    expect(await searchSuggestions(db, "%")).toEqual([]);
  });

  it("never offers words of a draft, a consultation awaiting review, or a comment", async () => {
    expect(await searchSuggestions(db, "潜艇")).toEqual([]);
    expect(await searchSuggestions(db, "内部讨论")).toEqual([]);
    const comment = (await raw(db).value("SELECT body FROM comments LIMIT 1")) as string | undefined;
    if (comment) {
      const piece = comment.slice(0, 12);
      expect((await searchSuggestions(db, piece, 50)).some((s) => s.includes(piece) && s.length > 30)).toBe(false);
    }
  });

  it("serves them as JSON, and answers a query too long with 400 in Chinese", async () => {
    const ok = await suggestLoader({
      request: new Request(`http://localhost/consultations/suggest?q=${encodeURIComponent("贷")}`),
      params: {},
      context: context(),
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).suggestions).toContain("贷款");
    const bad = await suggestLoader({ request: new Request(`http://localhost/consultations/suggest?q=${"贷".repeat(101)}`), params: {}, context: context() });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/搜索词过长/);
  });

  it("puts 您是不是要找 on the results page, rendered by the server", async () => {
    const data = await list(`?q=${encodeURIComponent("贷")}`);
    expect(data.didYouMean).toContain("贷款");
    expect(data.didYouMean).not.toContain("贷");
    // Titles are the results themselves: 您是不是要找 offers words and headings, not a search for a title.
    const station = await list(`?q=${encodeURIComponent("服务站")}`);
    expect(station.didYouMean.some((s) => s.includes("实施意见"))).toBe(false);
  });
});

async function searchIds(q: string) {
  return new Set([...((await found(parseQuery(q) as never)) as number[])].sort((a, b) => a - b));
}

describe("several terms that find nothing together", () => {
  it("offers each that finds something alone, a phrase still in quotes", async () => {
    const data = await list(`?q=${encodeURIComponent("“创业担保贷款” 潜艇兵")}`);
    expect(data.nothingFound).toBe(true);
    expect(data.list.perTerm).toEqual([
      { term: "“创业担保贷款”", count: 1 },
      { term: "潜艇兵", count: 0 },
    ]);
  });
});
