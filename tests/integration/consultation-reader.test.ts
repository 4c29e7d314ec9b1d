import { raw } from "~db/client.server";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { parseDraft } from "~/engine/draft-parser";
import { countDistinctCommenters, type CommenterIdentity } from "~/features/comments/distinct-commenters";
import { articleNodes, insertDraftVersion, latestVersion } from "~/features/consultations/draft.server";
import { countParticipation, participation } from "~/features/comments/participation.server";
import { loader as docxLoader } from "~/routes/consultations.$id.draft[.]docx";
import { loader as pdfLoader } from "~/routes/consultations.$id.draft[.]pdf";
import { loader as pageLoader } from "~/routes/consultations.$id/route";
import { context, testDb, thrown } from "./helpers";
import { addComment, closedConsultationWithoutComments } from "./packet-fixtures";

// The consultation page as a document: the draft's downloads made from its stored structure, the
// participation counts while open and the expected feedback date once closed.

const db = testDb();
const OPEN = 1;
const CLOSED = 3;
const loaders = { docx: docxLoader, pdf: pdfLoader };

beforeAll(async () => {
  await seedDemo(db, new Date());
});

async function download(format: "docx" | "pdf", id: number | string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/consultations/${id}/draft.${format}`, { headers });
  return (await loaders[format]({ request, params: { id: String(id) }, context: context() })) as Response;
}

const articlesOf = async (id: number) => articleNodes(db, (await latestVersion(db, id))!.id);
const squeeze = (s: string) => s.replace(/\s/g, "");

describe("the draft's downloads", () => {
  it("DOCX: every article, label and text, in the document, with a Chinese file name (RFC 5987)", async () => {
    const res = await download("docx", OPEN);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const disposition = res.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="consultation-1-draft-v1\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe("辽宁省退役军人就业创业促进办法（征求意见稿）-全文.docx");
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<w:tab\/>/g, " ").replace(/<[^>]+>/g, "");
    const articles = await articlesOf(OPEN);
    expect(articles).toHaveLength(22);
    for (const a of articles) {
      expect(text).toContain(a.label!);
      // Each 款 of the article, as stored.
      for (const line of a.text.split("\n")) expect(text).toContain(line.slice(0, 30));
    }
    expect(text).toContain("第一章　总则");
    expect(text.indexOf("第一章")).toBeLessThan(text.indexOf("第一条"));
    // Public: the packet's 内部资料 mark is not on the draft; its GB/T 9704 styles and fallbacks are.
    const headers = await Promise.all(zip.file(/word\/header\d*\.xml/).map((f) => f.async("string")));
    expect(headers.join("")).not.toContain("内部资料");
    expect(await zip.file("word/styles.xml")!.async("string")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(await zip.file("word/fontTable.xml")!.async("string")).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');
  });

  it("PDF: pages with every article's text, the CJK font embedded", async () => {
    const res = await download("pdf", CLOSED);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(decodeURIComponent(res.headers.get("Content-Disposition")!.split("UTF-8''")[1])).toMatch(/\.pdf$/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.toString("latin1")).toMatch(/\/FontFile[23]?/);
    const pdf = await getDocumentProxy(new Uint8Array(body));
    expect(pdf.numPages).toBeGreaterThan(0);
    const text = squeeze((await extractText(pdf, { mergePages: true })).text);
    const articles = await articlesOf(CLOSED);
    expect(articles).toHaveLength(12);
    for (const a of articles) {
      expect(text).toContain(a.label!);
      expect(text).toContain(squeeze(a.text.split("\n")[0]).slice(0, 20));
    }
    expect(text).toContain("征求意见期");
  });

  it("is made once per version: kept, answered 304 to its ETag, made again for a new version", async () => {
    const first = await download("docx", CLOSED);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"draft-\d+-[\w-]+"$/);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=3600");
    const bytes = Buffer.from(await first.arrayBuffer());
    const kept = await raw(db).get(
      `SELECT etag, length(body) AS size FROM draft_downloads WHERE version_id = ? AND format = 'docx'`,
      (await latestVersion(db, CLOSED))!.id
    );
    expect(kept).toEqual({ etag, size: bytes.length });

    const again = await download("docx", CLOSED);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true); // the kept file, byte for byte
    const notModified = await download("docx", CLOSED, { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("ETag")).toBe(etag);

    // A new version of the draft: a new tag, a new file with the new article.
    await db.transaction(async (tx) => {
      const source = "第一条 新版本的第一条。\n第二条 新增加的第二条。";
      await insertDraftVersion(tx, { consultationId: CLOSED, label: "第二次征求意见稿", sourceText: source }, parseDraft(source));
    });
    const next = await download("docx", CLOSED, { "If-None-Match": etag });
    expect(next.status).toBe(200);
    expect(next.headers.get("ETag")).not.toBe(etag);
    const xml = await (await JSZip.loadAsync(Buffer.from(await next.arrayBuffer()))).file("word/document.xml")!.async("string");
    expect(xml).toContain("新增加的第二条");
    expect(xml).toContain("（第二次征求意见稿）");
  });

  it("only for a published consultation; a bad id or an unpublished one is a 404", async () => {
    const draft = await closedConsultationWithoutComments(raw(db), OPEN, "尚未发布的办法");
    await raw(db).run(`UPDATE consultations SET status = 'draft' WHERE id = ?`, draft);
    await db.transaction(async (tx) => {
      await insertDraftVersion(tx, { consultationId: draft, label: "征求意见稿", sourceText: "第一条 内容。" }, parseDraft("第一条 内容。"));
    });
    for (const id of [String(draft), "9999", "1e0", "abc"]) {
      expect((await thrown(download("docx", id))).status).toBe(404);
      expect((await thrown(download("pdf", id))).status).toBe(404);
    }
  });
});

describe("participation while open", () => {
  it("counts comments and distinct participants by the same rule as the feedback summary", async () => {
    const id = await closedConsultationWithoutComments(raw(db), OPEN, "参与人数测试");
    const people: Array<Partial<CommenterIdentity>> = [
      { email: "Li@Example.com" },
      { email: " li@example.com " }, // the same address
      { email: "li@example.com", name: "另一个名字" }, // the email decides
      { name: "王五", organisation: "某公司" },
      { name: " 王五 ", organisation: "某公司" }, // the same name and organisation
      { name: "王五" }, // a different person: no organisation
      { organisation: "某协会" },
      {}, // anonymous: each one a person
      {},
      { email: "  ", name: "\u3000" }, // blanks are no identifier
    ];
    for (const p of people) {
      const c = await addComment(raw(db), id, { body: "意见。", name: p.name ?? null, organisation: p.organisation ?? null });
      await raw(db).run(`UPDATE comments SET email = ? WHERE id = ?`, p.email ?? null, c);
    }
    const rows = (await raw(db).all(`SELECT email, name, organisation FROM comments WHERE consultation_id = ?`, id)) as CommenterIdentity[];
    expect(await countParticipation(db, id)).toEqual({ comments: 10, participants: countDistinctCommenters(rows) });
    expect((await countParticipation(db, id)).participants).toBe(7);
    expect(await countParticipation(db, await closedConsultationWithoutComments(raw(db), OPEN, "无意见"))).toEqual({ comments: 0, participants: 0 });
  });

  it("reuses a count while nothing arrived, and counts again within 30 s of a new comment", async () => {
    const id = await closedConsultationWithoutComments(raw(db), OPEN, "计数缓存测试");
    await addComment(raw(db), id, { body: "一。", name: "甲" });
    const t = Date.now();
    expect(await participation(db, id, t)).toEqual({ comments: 1, participants: 1 });
    await addComment(raw(db), id, { body: "二。", name: "乙" });
    expect(await participation(db, id, t + 1_000)).toEqual({ comments: 1, participants: 1 }); // at most 30 s old
    expect(await participation(db, id, t + 31_000)).toEqual({ comments: 2, participants: 2 });
    expect(await participation(db, id, t + 200_000)).toEqual({ comments: 2, participants: 2 }); // nothing new: kept
  });

  it("the page gives the counts while open and, once closed, the day the answers are due instead", async () => {
    const page = async (id: number) =>
      pageLoader({ request: new Request(`http://localhost/consultations/${id}`), params: { id: String(id) }, context: context() });
    const open = await page(OPEN);
    expect(open.participation).toEqual(await countParticipation(db, OPEN));
    expect(open.participation!.comments).toBeGreaterThan(100);
    expect(open.feedbackDue).toBeNull();
    const closed = await page(CLOSED);
    expect(closed.participation).toBeNull();
    expect(closed.feedbackDue).toMatchObject({ overdue: false, dueWorkingDays: 20 });
    expect(new Date(closed.feedbackDue!.expectedBy!).getTime()).toBeGreaterThan(closed.consultation.closesAt!.getTime() + 20 * 86_400_000);
  });
});
