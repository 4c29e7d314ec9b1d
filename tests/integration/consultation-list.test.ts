import { beforeAll, describe, expect, it } from "vitest";
import { divisions } from "~db/schema";
import { PAGE_SIZE } from "~/features/consultations/consultation-list.server";
import { testDb } from "./helpers";
import { addConsultation, listPage as list, seedSearchDemo } from "./search-fixtures";

// /consultations without JavaScript: filters, paging and what a mistyped link gets.
const db = testDb();
let ids: Awaited<ReturnType<typeof seedSearchDemo>>;

beforeAll(async () => {
  ids = await seedSearchDemo();
});

describe("the list at /consultations", () => {
  const listed = async (q: string) => (await list(q)).list.items.map((i) => i.consultation);

  it("filters by public phase, document type and division through the query string", async () => {
    expect((await listed("?status=upcoming")).map((c) => c.id)).toEqual([ids.upcoming]);
    expect((await listed("?status=closed")).map((c) => c.id)).toEqual([ids.closed]);
    expect((await listed("?status=open")).every((c) => c.phase === "open")).toBe(true);
    const rules = await listed("?type=rule");
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((c) => c.docType === "rule")).toBe(true);
    const { divisions: offered } = await list("");
    expect(offered.map((d) => d.name)).toEqual(["就业创业处"]); // only divisions that have published
    expect((await list(`?division=${offered[0].id}`)).list.total).toBe((await list("")).list.total);
    expect((await listed("?q=%E5%B0%B1%E4%B8%9A&status=upcoming")).map((c) => c.id)).toEqual([ids.upcoming]); // 就业
  });

  it("answers invalid parameters with a Chinese message and the defaults, keeping the valid ones", async () => {
    const all = (await list("")).list.total;
    const cases: Array<[string, string]> = [
      ["?status=bogus", "状态无效，已显示全部状态。"],
      ["?type=%3Cscript%3E", "文件类型无效，已显示全部类型。"],
      ["?division=abc", "起草处室无效，已显示全部处室。"],
      ["?division=-3", "起草处室无效，已显示全部处室。"],
      ["?page=abc", "页码无效，已显示第 1 页。"],
      ["?page=0", "页码无效，已显示第 1 页。"],
      ["?page=1.5", "页码无效，已显示第 1 页。"],
    ];
    for (const [query, message] of cases) {
      const data = await list(query);
      expect(data.errors, query).toEqual([message]);
      expect(data.list.total, query).toBe(all);
    }
    const office = (await db.select().from(divisions)).find((d) => d.name === "办公室")!;
    expect((await list(`?division=${office.id}`)).errors).toEqual(["所选起草处室没有公开的征求意见，已显示全部处室。"]);
    const mixed = await list("?status=bogus&type=nope&q=%E6%9C%8D%E5%8A%A1%E7%AB%99"); // 服务站
    expect(mixed.errors).toHaveLength(2);
    expect(mixed.params.q).toBe("服务站");
    expect(mixed.list.items[0].consultation.id).toBe(ids.upcoming);
  });

  it("pages 20 at a time, with the page out of range answered by the first page", async () => {
    for (let n = 1; n <= 45; n++) await addConsultation({ title: `分页测试第${n}号通知`, status: "published" });
    const first = await list("?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95"); // 分页测试
    expect(first.list).toMatchObject({ total: 45, page: 1, pageCount: 3 });
    expect(first.list.items).toHaveLength(PAGE_SIZE);
    const third = await list("?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95&page=3");
    expect(third.list.items).toHaveLength(5);
    expect(third.params.page).toBe(3);
    const beyond = await list("?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95&page=4");
    expect(beyond.errors).toEqual(["没有第 4 页，已显示第 1 页。"]);
    expect(beyond.list.page).toBe(1);

    const all = await list("");
    expect(all.list.pageCount).toBe(Math.ceil(all.list.total / PAGE_SIZE));
    expect(all.list.items[0].consultation.phase).toBe("open"); // open ones lead the list
    const second = await list("?page=2");
    const onFirst = new Set(all.list.items.map((i) => i.consultation.id));
    expect(second.list.items.some((i) => onFirst.has(i.consultation.id))).toBe(false);
  });
});
