import { raw } from "~db/client.server";
import { collect } from "~/platform/collect";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { packetBuilds } from "~db/schema";
import { latestArticles } from "~/features/consultations/article-numbers.server";
import { createVersion } from "~/features/consultations/versions.server";
import { seedDemo } from "~db/seed";
import { checkPdfFont, PDF_REGISTER_LIMIT, PdfFontError } from "~/features/packet/writers/pdf.server";
import { dispositionFor } from "~/features/comments/comment-status.server";
import { DISPOSITION_LABELS } from "~/features/comments/comment-labels";
import { registerRows, type RegisterRow } from "~/features/packet/register.server";
import { packetBuildsSettled, packetFilePath } from "~/features/packet/packet-builds.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader as download } from "~/routes/admin.consultations.$id.packet.$format";
import { loader as publicDownload } from "~/routes/consultations.$id.register.$format";
import { createUserSession } from "~/platform/session.server";
import { context, testDb } from "./helpers";
import { addComment, answerComment, answerTopic, closedConsultationWithoutComments, commentIdByText, saveSummary } from "./packet-fixtures";

const db = testDb();
const OPEN = 1;
const CLOSED = 3;
const PHONE = /1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/;
const ID_CARD = /\d{17}[\dXx]/;
let cookie = "";
let empty = 0;
let formulaId = 0;
let sunshineTopic = 0;

beforeAll(async () => {
  await seedDemo(db, new Date());
  const drafter = (await findUserByUsername(db, "drafter"))!;
  cookie = (await createUserSession(new Request("http://localhost/login"), drafter.id)).split(";")[0];
  formulaId = await addComment(raw(db), CLOSED, { body: '=HYPERLINK("http://example.com","点此"),另有"引号"\n第二行', name: "测试人", publish: "named" });
  await addComment(raw(db), CLOSED, { body: "+1 同意", status: "pending" });
  const loans = await commentIdByText(raw(db), CLOSED, "阳光安置");
  const portal = await commentIdByText(raw(db), CLOSED, "一网通办");
  sunshineTopic = await answerTopic(raw(db), CLOSED, [loans, portal, formulaId], {
    decision: "partly_adopted",
    reason: "已在第五条中补充公开要求。",
    changeMade: "第五条增加“安置岗位、分数和排名向社会公开”",
    decidedBy: drafter.id,
  });
  await answerComment(raw(db), CLOSED, portal, { decision: "already_provided", reason: "第十条已规定保留线下窗口。", decidedBy: drafter.id });
  await saveSummary(raw(db), CLOSED, "一、基本情况\n本次征求意见共收到意见三十余条。", drafter.id);
  empty = await closedConsultationWithoutComments(raw(db), CLOSED, "辽宁省退役军人服务站管理办法（无意见测试）");
});

const rows = async (id: number, variant: "internal" | "public", chunkSize?: number) => await collect(registerRows(db, id, variant, { chunkSize }));
const cellsOf = (r: RegisterRow) => Object.values(r).join("\t");

const ask = async (format: string, id: number) =>
  (await download({
    request: new Request(`http://localhost/admin/consultations/${id}/packet/${format}`, { headers: { Cookie: cookie } }),
    params: { id: String(id), format },
    context: context(),
  })) as Response;

/** A download of the packet's current version: the first asks for the build, which runs in a worker; then the stored file. */
async function fetchFile(format: string, id = CLOSED): Promise<{ res: Response; body: Buffer }> {
  let res = await ask(format, id);
  if (res.status === 503 && res.headers.get("Retry-After") === "5") {
    await packetBuildsSettled();
    res = await ask(format, id);
  }
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe("the register (意见登记表)", () => {
  it("lists every comment once, in the order received, numbered, with its articles, author, channel and answer", async () => {
    const all = await rows(CLOSED, "internal");
    const count = await raw(db).value("SELECT count(*) FROM comments WHERE consultation_id = ?", CLOSED);
    expect(all).toHaveLength(count as number);
    expect(all.map((r) => r.no)).toEqual(all.map((_, i) => i + 1));
    expect(Object.keys(all[0])).toEqual([
      "no",
      "receiptNo",
      "receivedAt",
      "articles",
      "text",
      "author",
      "identity",
      "channel",
      "files",
      "disposition",
      "reason",
    ]);
    expect(all[0].receiptNo).toMatch(/^ZQ\d{8}-/);
    expect(all[0].receivedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // A smaller chunk gives the same register: the chunk edges lose and repeat nothing.
    expect(await rows(CLOSED, "internal", 7)).toEqual(all);
    const two = all.find((r) => r.text.includes("建议第四条的主要目标"))!;
    expect(two).toMatchObject({ articles: "第四条、第十二条", author: "蒋文涛，大连市退役军人事业研究会", identity: "社会组织", channel: "网上提交" });
    expect(all.find((r) => r.text.includes("烧烤店"))).toMatchObject({ articles: "总体意见", disposition: "不予公开", reason: "与本次征求意见内容无关" });
    expect(all.find((r) => r.text.includes("来电人反映"))!.channel).toBe("电话");
  });

  it("holds no statement open between chunks, so other requests can write while a download is read", async () => {
    const reading = registerRows(db, CLOSED, "internal", { chunkSize: 5 });
    await reading.next();
    await raw(db).run("UPDATE consultations SET updated_at = ? WHERE id = ?", new Date(), OPEN);
    expect(await collect(reading)).toHaveLength((await rows(CLOSED, "internal")).length - 1);
  });

  it("gives each comment the answer dispositionFor gives it: its own, else its topic's", async () => {
    const sunshine = (await rows(CLOSED, "internal")).find((r) => r.text.includes("阳光安置"))!;
    expect(sunshine.disposition).toBe("部分采纳");
    expect(sunshine.reason).toBe("已在第五条中补充公开要求。\n修改情况：第五条增加“安置岗位、分数和排名向社会公开”");
    const ids = (await raw(db).column("SELECT id FROM comments WHERE consultation_id = ? ORDER BY received_at, id", CLOSED)) as number[];
    const internal = await rows(CLOSED, "internal");
    for (const [i, id] of ids.entries()) {
      const expected = await dispositionFor(db, id);
      if (expected) expect(internal[i].disposition).toBe(DISPOSITION_LABELS[expected.decision]);
      else expect(internal[i].disposition).toMatch(/^(不予公开|尚未处理)$/);
    }
    expect(internal.find((r) => r.text.includes("一网通办"))!.disposition).toBe("已有规定");
  });

  it("keeps originals and names for the legal office, and only published, redacted, chosen text for the public", async () => {
    const internal = (await rows(CLOSED, "internal")).map(cellsOf).join("\n");
    expect(internal).toContain("186-4023-7519");
    expect(internal).toContain("魏东升\t退役军人");
    for (const id of [OPEN, CLOSED]) {
      const pub = await rows(id, "public");
      const text = pub.map(cellsOf).join("\n");
      expect(text).not.toMatch(PHONE);
      expect(text).not.toMatch(ID_CARD);
      expect(text).not.toContain("魏东升");
      expect(text).not.toContain("烧烤店"); // rejected
      expect(text).not.toContain("未署名");
      expect(pub.every((r) => r.receiptNo === "")).toBe(true);
    }
    const open = await rows(OPEN, "public");
    expect(open.map(cellsOf).join("\n")).not.toMatch(/刘成志|何永强/); // kept private by their authors
    expect(open.find((r) => r.text.includes("汽修店"))!.author).toBe("郑宏伟"); // named by choice
    expect(open.find((r) => r.text.startsWith("坚决支持"))!.author).toBe("网友（退役军人）");
    expect((await rows(OPEN, "internal")).map(cellsOf).join("\n")).toMatch(PHONE);
    expect((await rows(OPEN, "public")).find((r) => r.text.includes("汽修店"))!.text).toContain("[手机号已隐去]");
  });
});

describe("the packet's files", () => {
  it("DOCX: a Word document with the title, 内部资料, page numbers, the summary and the originals", async () => {
    const { res, body } = await fetchFile("docx");
    expect(res.headers.get("Content-Type")).toContain("wordprocessingml.document");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="consultation-3-packet\.docx"; filename\*=UTF-8''%E8%BE%BD/);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const zip = await JSZip.loadAsync(body);
    const doc = await zip.file("word/document.xml")!.async("string");
    expect(doc).toContain("辽宁省“十五五”退役军人事业发展规划（征求意见稿）");
    expect(doc).toContain("186-4023-7519");
    expect(doc).toContain("第一部分　意见采纳情况说明（起草中）");
    expect(doc).toContain("本次征求意见共收到意见三十余条。");
    expect(doc).toContain("=HYPERLINK(&quot;http://example.com&quot;");
    expect(doc).toContain("<w:tblHeader/>");
    const headers = await Promise.all(zip.file(/word\/header\d*\.xml/).map((f) => f.async("string")));
    expect(headers.join("")).toContain("内部资料");
    const footers = await Promise.all(zip.file(/word\/footer\d*\.xml/).map((f) => f.async("string")));
    expect(footers.join("")).toContain("PAGE");
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toMatch(/w:styleId="PacketBody">.*?<w:sz w:val="32"\/>/); // 三号
    expect(styles).toMatch(/w:styleId="PacketTitle">.*?w:ascii="黑体".*?<w:sz w:val="44"\/>/); // 二号, 黑体 beside 小标宋
    expect(await zip.file("word/fontTable.xml")!.async("string")).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');
  });

  it("PDF: Chinese text with the font embedded", async () => {
    const { res, body } = await fetchFile("pdf");
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
    expect(text).toContain("内部资料");
    expect(text).toContain("意见登记表");
    expect(text.replace(/\s/g, "")).toContain("阳光安置希望把岗位、分数、排名都公开");
    expect(body.toString("latin1")).toMatch(/\/FontFile[23]?/);
  });

  it("PDF: a register too long to lay out says where the full one is instead", async () => {
    const big = await closedConsultationWithoutComments(raw(db), CLOSED, "超长登记表测试");
    await db.transaction(async (tx) => {
      for (let i = 0; i <= PDF_REGISTER_LIMIT; i++) await addComment(raw(tx), big, { body: `第${i}条测试意见。` });
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array((await fetchFile("pdf", big)).body)), { mergePages: true });
    expect(text.replace(/\s/g, "")).toContain(`共收到意见${PDF_REGISTER_LIMIT + 1}条，超过PDF文件可容纳的${PDF_REGISTER_LIMIT}条`);
    expect(text).not.toContain("第0条测试意见");
  });

  it("PDF: a missing font is explained in Chinese, naming the package and the variable", () => {
    expect(() => checkPdfFont("/nonexistent/NotoSerifCJK-Regular.ttc")).toThrow(PdfFontError);
    expect(() => checkPdfFont("/nonexistent/NotoSerifCJK-Regular.ttc")).toThrow(/fonts-noto-cjk.*PDF_FONT_PATH/);
  });

  it("XLSX: a header row, widths, a frozen header, wrapped text, and the comments as cells", async () => {
    const { body } = await fetchFile("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("意见登记表（内部资料）");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "序号",
      "回执编号",
      "收到时间",
      "条款",
      "意见内容",
      "提出人/单位",
      "身份",
      "渠道",
      "附件",
      "采纳情况",
      "理由",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(1).width!);
    expect(sheet.getCell("E2").alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell("A2").value).toBe(1);
    const texts = sheet.getColumn(5).values.map(String);
    // Rows fit their text: a long comment's row is as tall as its wrapped lines.
    const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
    const row = sheet.getRow(texts.indexOf(longest)); // values[n] is row n
    expect(row.getCell(5).value).toBe(longest);
    expect(row.height).toBeGreaterThanOrEqual(Math.ceil(longest.length / sheet.getColumn(5).width!) * 15);
    expect(row.height).toBeGreaterThan(30);
    expect(texts.some((t) => t.includes("186-4023-7519"))).toBe(true);
    expect(texts).toContain('=HYPERLINK("http://example.com","点此"),另有"引号"\n第二行'); // a string, never a formula
    expect(sheet.rowCount).toBe((await rows(CLOSED, "internal")).length + 1);
  });

  it("CSV: UTF-8 with a BOM, CRLF, RFC 4180 quoting and no formulas", async () => {
    const { res, body } = await fetchFile("csv");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString("utf8").slice(1);
    expect(text.startsWith("序号,回执编号,收到时间,条款,意见内容,提出人/单位,身份,渠道,附件,采纳情况,理由\r\n")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""点此""),另有""引号""\n第二行"`);
    expect(text).toContain(",'+1 同意,");
    expect(text.match(/\r\n/g)!.length).toBeGreaterThanOrEqual((await rows(CLOSED, "internal")).length + 1);
  });

  it("exports a consultation without comments in every format, saying so", async () => {
    expect(await rows(empty, "internal")).toEqual([]);
    const docx = await JSZip.loadAsync((await fetchFile("docx", empty)).body);
    const xml = await docx.file("word/document.xml")!.async("string");
    expect(xml).toContain("本次征求意见未收到意见。");
    // No saved summary: the platform's draft stands in, and says so.
    expect(xml).toContain("第一部分　意见采纳情况说明（平台初稿）");
    expect(xml).toContain("以下为平台根据意见处理情况生成的初稿");
    expect(xml).toContain("征求意见期间，未收到意见。");
    // The drafted summary ends with its 落款, right-aligned.
    expect(xml).toMatch(/<w:pStyle w:val="PacketSignature"\/><\/w:pPr><w:r><w:t xml:space="preserve">辽宁省退役军人事务厅<\/w:t>/);
    expect(await docx.file("word/styles.xml")!.async("string")).toMatch(/w:styleId="PacketSignature">.*?<w:jc w:val="right"\/>/);
    const pdf = await extractText(await getDocumentProxy(new Uint8Array((await fetchFile("pdf", empty)).body)), { mergePages: true });
    expect(pdf.text).toContain("未收到意见");
    const csv = (await fetchFile("csv", empty)).body.toString("utf8");
    expect(csv).toBe("\uFEFF序号,回执编号,收到时间,条款,意见内容,提出人/单位,身份,渠道,附件,采纳情况,理由\r\n");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fetchFile("xlsx", empty)).body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].rowCount).toBe(1);
  });

  it("offers the public a register of published comments only, without answers before the feedback is out", async () => {
    const res = (await publicDownload({
      request: new Request(`http://localhost/consultations/${OPEN}/register/csv`),
      params: { id: String(OPEN), format: "csv" },
      context: context(),
    })) as Response;
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(res.headers.get("Content-Disposition")).toContain("attachment;");
    expect(text).not.toMatch(PHONE);
    expect(text).not.toMatch(ID_CARD);
    expect(text).toContain("[手机号已隐去]");
    expect(text.split("\r\n")[1].endsWith(",,")).toBe(true);
  });
});

describe("the packet's contents and its stored files", () => {
  beforeAll(async () => {
    // A 送审稿: version 2 changes 第五条 after the opinions on 阳光安置 were partly adopted.
    const drafter = (await findUserByUsername(db, "drafter"))!;
    const v1 = (await raw(db).value("SELECT source_text FROM draft_versions WHERE consultation_id = ? ORDER BY version_no", CLOSED)) as string;
    const v2 = v1.replace(/^(第五条 .*?)。$/m, "$1，安置岗位、分数和排名向社会公开。");
    expect(v2).not.toBe(v1);
    await createVersion(db, CLOSED, drafter, { label: "送审稿", changeNote: "根据征求意见修改第五条", draftText: v2 });
    const fifth = (await latestArticles(db, CLOSED)).find((a) => a.number === 5)!.identityId;
    await raw(db).run("UPDATE dispositions SET article_identity_id = ? WHERE topic_id = ?", fifth, sunshineTopic);
    await raw(db).run("UPDATE topics SET public_title = ? WHERE id = ?", "阳光安置信息公开", sunshineTopic);
  });

  it("carries the 送审稿, the 起草说明, a 修改对照表 with old and new text and its grounds, and the register's index by article", async () => {
    const zip = await JSZip.loadAsync((await fetchFile("docx")).body);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    const parts = [
      "第一部分　意见采纳情况说明",
      "第二部分　送审稿",
      "第三部分　起草说明",
      "第四部分　修改对照表",
      "第五部分　意见统计",
      "第六部分　意见审核记录",
      "第七部分　意见登记表索引（按条款）",
      "第八部分　意见登记表",
    ];
    const at = parts.map((p) => text.indexOf(p));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const section = (from: number) => text.slice(at[from], at[from + 1]);
    expect(section(1)).toContain("落实阳光安置，提高安置计划执行率和岗位匹配度，安置岗位、分数和排名向社会公开。");
    const basis = (await raw(db).value("SELECT basis FROM consultations WHERE id = ?", CLOSED)) as string;
    expect(section(2)).toContain(basis.split("\n")[0].trim());
    expect(section(3)).toContain("列出修改的1条及修改依据");
    expect(section(3)).toContain("落实阳光安置，提高安置计划执行率和岗位匹配度。");
    expect(section(3)).toContain("落实阳光安置，提高安置计划执行率和岗位匹配度，安置岗位、分数和排名向社会公开。");
    expect(section(3)).toContain("关于阳光安置信息公开的意见（3条）：部分采纳。修改情况：第五条增加“安置岗位、分数和排名向社会公开”");
    expect(section(6)).toMatch(/第五条\d+[\d、-]+/);
    expect(section(6)).toMatch(/总体意见\d+[\d、-]+/);
    for (const header of ["回执编号", "收到时间", "身份"]) expect(section(7)).toContain(header);
    const receipt = (await raw(db).value("SELECT receipt_no FROM comments WHERE consultation_id = ? ORDER BY received_at, id", CLOSED)) as string;
    expect(section(7)).toContain(receipt);
  });

  it("is built once per version of its inputs, off the request path, and served from the stored file", async () => {
    await fetchFile("pdf");
    const builds = () => db.select().from(packetBuilds).where(eq(packetBuilds.consultationId, CLOSED));
    const [built] = await builds();
    expect(await builds()).toHaveLength(1);
    expect(built.status).toBe("ready");
    const pdf = packetFilePath(built, "pdf");
    const written = fs.statSync(pdf).mtimeMs;
    const again = await ask("pdf", CLOSED);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(fs.readFileSync(pdf))).toBe(true);
    expect(await builds()).toEqual([built]);
    expect(fs.statSync(pdf).mtimeMs).toBe(written);

    // A new input makes a new version: the request is answered at once while the worker builds it.
    await addComment(raw(db), CLOSED, { body: "截止后补录的一条信函意见。" });
    const started = Date.now();
    const pending = await ask("docx", CLOSED);
    expect(pending.status).toBe(503);
    expect(await pending.text()).toContain("材料正在生成");
    expect(Date.now() - started).toBeLessThan(2000);
    await packetBuildsSettled();
    const [rebuilt] = await builds();
    expect(await builds()).toHaveLength(1);
    expect(rebuilt.inputHash).not.toBe(built.inputHash);
    expect(fs.existsSync(pdf)).toBe(false);
    const csv = (await fetchFile("csv")).body.toString("utf8");
    expect(csv).toContain("截止后补录的一条信函意见。");
  });
});
