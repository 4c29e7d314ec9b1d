import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { comments, consultations, divisions } from "~db/schema";
import { PUBLIC_STATUSES, publicPhase } from "~/features/consultations/consultation-status";
import { SYNDICATED_PHASES } from "~/features/open-data/syndication-params";
import { isoShanghai } from "~/features/open-data/syndication.server";
import { loader as listLoader } from "~/routes/api.v1.consultations";
import { loader as detailLoader } from "~/routes/api.v1.consultations.$id";
import { testDb } from "./helpers";
import { BASE_URL, call, HOSTILE_SUMMARY, HOSTILE_TITLE, OPEN_TITLE, seedSyndication } from "./syndication-fixtures";

const db = testDb();
let fx: Awaited<ReturnType<typeof seedSyndication>>;
beforeAll(async () => {
  fx = await seedSyndication(db);
});

const list = async (query = "") => call(listLoader, `/api/v1/consultations${query}`);
const detail = (id: string) => call(detailLoader, `/api/v1/consultations/${id}`, { params: { id } });
const titles = (body: { data: Array<{ title: string }> }) => body.data.map((c) => c.title);
const publicCount = async () => (await db.select().from(consultations)).filter((c) => PUBLIC_STATUSES.includes(c.status)).length;

const ITEM_FIELDS = [
  "id",
  "url",
  "api_url",
  "title",
  "doc_type",
  "doc_type_label",
  "status",
  "status_label",
  "division",
  "summary",
  "opens_at",
  "closes_at",
  "short_period_reason",
  "published_at",
  "updated_at",
  "comment_count",
  // added later in v1: fields are only ever appended
  "feedback_url",
];

describe("GET /api/v1/consultations", () => {
  it("lists every public consultation, 20 a page by default, with exactly the v1 fields", async () => {
    const { response, json } = await list();
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const body = json();
    expect(body.meta).toEqual({ page: 1, per_page: 20, total: await publicCount(), total_pages: 1 });
    expect(body.links).toEqual({ self: `${BASE_URL}/api/v1/consultations?page=1&per_page=20`, next: null, prev: null });
    for (const item of body.data) expect(Object.keys(item)).toEqual(ITEM_FIELDS);
    const open = body.data.find((c: { title: string }) => c.title === OPEN_TITLE);
    expect(open).toMatchObject({
      url: `${BASE_URL}/consultations/${fx.open.id}`,
      api_url: `${BASE_URL}/api/v1/consultations/${fx.open.id}`,
      doc_type: "rule",
      doc_type_label: "政府规章",
      status: "open",
      status_label: "征求中",
      division: { name: "就业创业处" },
      comment_count: (await db.select().from(comments).where(eq(comments.consultationId, fx.open.id))).length,
    });
    expect(open.opens_at).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    expect(open.closes_at).toMatch(/T23:59:59\+08:00$/);
  });

  it("never lists drafts or consultations awaiting review", async () => {
    const body = (await list("?per_page=100")).json();
    expect(titles(body)).not.toContain(fx.draft.title);
    expect(titles(body)).not.toContain(fx.pending.title);
    expect(body.data.map((c: { id: number }) => c.id)).not.toContain(fx.draft.id);
  });

  it("pages with next and prev links that keep the filters", async () => {
    const total = await publicCount();
    const first = (await list("?per_page=2&doc_type=normative")).json();
    expect(first.meta.total_pages).toBe(Math.ceil(first.meta.total / 2));
    const all = (await list("?per_page=100")).json();
    expect(all.meta.total).toBe(total);
    const p1 = (await list("?per_page=2")).json();
    const p2 = (await list("?per_page=2&page=2")).json();
    expect(p1.links.next).toBe(`${BASE_URL}/api/v1/consultations?page=2&per_page=2`);
    expect(p2.links.prev).toBe(`${BASE_URL}/api/v1/consultations?page=1&per_page=2`);
    expect([...titles(p1), ...titles(p2)]).toEqual(titles(all).slice(0, 4));
    const past = (await list("?per_page=2&page=99&status=open")).json();
    expect(past.data).toEqual([]);
    expect(past.links.prev).toBe(`${BASE_URL}/api/v1/consultations?status=open&page=1&per_page=2`);
  });

  it("filters by each public status, agreeing with the phase the page shows", async () => {
    const now = new Date();
    for (const status of SYNDICATED_PHASES) {
      const body = (await list(`?status=${status}&per_page=100`)).json();
      const expected = (await db.select().from(consultations)).filter((c) => PUBLIC_STATUSES.includes(c.status) && publicPhase(c, now) === status);
      expect(body.data.map((c: { id: number }) => c.id).sort(), status).toEqual(expected.map((c) => c.id).sort());
    }
    expect(titles((await list("?status=open")).json())).toEqual([OPEN_TITLE]);
  });

  it("filters by document type, division, text and update time", async () => {
    expect(titles((await list("?doc_type=major_decision")).json())).toContain(HOSTILE_TITLE);
    const division = (await db.select().from(divisions).where(eq(divisions.name, "优抚褒扬处")).limit(1))[0]!;
    const byDivision = (await list(`?division=${division.id}`)).json();
    expect(byDivision.data.every((c: { division: { id: number } }) => c.division.id === division.id)).toBe(true);
    expect(byDivision.meta.total).toBe(2); // the hostile and the withdrawn one; never the draft
    expect(titles((await list("?q=WITHDRAWN example")).json())).toEqual(["关于调整优待证发放范围的通知（征求意见稿）"]);
    expect(titles((await list(`?q=${encodeURIComponent("就业创业")}`)).json())).toContain(OPEN_TITLE);
    expect((await list(`?q=${encodeURIComponent("尚未公开")}`)).json().meta.total).toBe(0);
    expect((await list("?q=%25")).json().meta.total).toBe(0); // a literal %, not a wildcard
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(`?updated_since=${encodeURIComponent(future)}`)).json().meta.total).toBe(0);
    const recent = (await list(`?updated_since=${encodeURIComponent("2000-01-01T00:00:00+08:00")}`)).json();
    expect(recent.meta.total).toBe(await publicCount());
  });

  it("reports as updated_at the latest public change, including the clock closing the period", async () => {
    const body = (await list("?per_page=100")).json();
    const item = (id: number) => body.data.find((c: { id: number }) => c.id === id);
    expect(item(fx.hostile.id).updated_at).toBe(isoShanghai(fx.hostile.closesAt!));
    expect(item(fx.withdrawn.id).updated_at).toBe(isoShanghai(fx.withdrawn.withdrawnAt!));
    expect(isoShanghai(new Date("2026-11-16T16:00:00Z"))).toBe("2026-11-17T00:00:00+08:00");
  });

  it("returns a hostile title as plain JSON text", async () => {
    const { text, json } = await list("?doc_type=major_decision");
    const item = json().data.find((c: { id: number }) => c.id === fx.hostile.id);
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item.summary).toBe(HOSTILE_SUMMARY);
    expect(text).not.toContain("&lt;");
  });

  it.each([
    ["?page=0", "page", "page 必须是 1 到 1000000 之间的整数。"],
    ["?page=abc", "page", "page 必须是 1 到 1000000 之间的整数。"],
    ["?per_page=101", "per_page", "per_page 必须是 1 到 100 之间的整数。"],
    ["?per_page=1.5", "per_page", "per_page 必须是 1 到 100 之间的整数。"],
    ["?status=draft", "status", "status 必须是以下之一：upcoming、open、closed、processing、legal_review、feedback_published、withdrawn。"],
    ["?doc_type=law", "doc_type", "doc_type 必须是以下之一：rule、major_decision、normative、normative_business。"],
    ["?division=x", "division", "division 必须是处室编号（正整数）。"],
    [`?q=${"长".repeat(101)}`, "q", "q 不能超过 100 个字符。"],
    ["?updated_since=2026-11-01", "updated_since", "updated_since 必须是带时区的 ISO 8601 日期时间，例如 2026-11-01T00:00:00+08:00。"],
  ])("answers 400 for %s with a Chinese message", async (query, parameter, message) => {
    const { response, json } = await list(encodeURI(query));
    expect(response.status).toBe(400);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(json()).toEqual({ error: { code: "invalid_parameter", message: `请求参数有误：${message}`, details: [{ parameter, message }] } });
  });

  it("reports every invalid parameter at once", async () => {
    const body = (await list("?page=-1&status=nope")).json();
    expect(body.error.message).toBe("请求参数有误（共 2 项），详见 details。");
    expect(body.error.details.map((d: { parameter: string }) => d.parameter)).toEqual(["page", "status"]);
  });
});

describe("GET /api/v1/consultations/:id", () => {
  it("gives the item with basis, extensions, versions and the latest draft as a tree", async () => {
    const { response, json } = await detail(String(fx.open.id));
    expect(response.status).toBe(200);
    const body = json();
    expect(Object.keys(body).slice(0, ITEM_FIELDS.length)).toEqual(ITEM_FIELDS);
    expect(body.basis).toContain("起草说明");
    expect(body.extensions).toEqual([expect.objectContaining({ reason: "意见较多，延长七日。", new_closes_at: body.closes_at })]);
    expect(body.versions.map((v: { label: string }) => v.label)).toEqual(["征求意见稿", "第二次征求意见稿"]);
    expect(body.draft.label).toBe("第二次征求意见稿");
    const [chapter] = body.draft.nodes;
    expect(chapter).toMatchObject({ kind: "chapter", label: "第一章", heading: "总则", anchor: "chapter-1" });
    expect(chapter.children.map((a: { anchor: string }) => a.anchor)).toEqual(["article-1", "article-2"]);
    expect(chapter.children[0]).toMatchObject({ kind: "article", number: 1, label: "第一条", text: "为了促进退役军人就业创业，制定本办法。" });
  });

  it("shows a withdrawal with its reason", async () => {
    const body = (await detail(String(fx.withdrawn.id))).json();
    expect(body).toMatchObject({ status: "withdrawn", status_label: "已撤回", withdrawn_reason: "上位法修改，需重新起草。", draft: null });
  });

  it("exposes no personal data, staff names, contacts or comment text", async () => {
    const { text } = await detail(String(fx.open.id));
    const comment = (await db.select().from(comments).where(eq(comments.consultationId, fx.open.id)).limit(1))[0]!;
    for (const secret of ["王起草", "赵审核", "zhengqiu.localhost", "author", "receipt", comment.body, comment.receiptNo]) {
      expect(text).not.toContain(secret);
    }
  });

  it.each([
    ["a draft", () => String(fx.draft.id)],
    ["one awaiting review", () => String(fx.pending.id)],
    ["an unknown id", () => "99999"],
    ["a non-integer id", () => "1.5"],
    ["a word", () => "abc"],
    ["a zero-padded id", () => "01"],
  ])("answers 404 JSON for %s", async (_, id) => {
    const { response, json } = await detail(id());
    expect(response.status).toBe(404);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(json()).toEqual({ error: { code: "not_found", message: "未找到该征求意见。" } });
  });
});
