import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { expectAccessible, login, logout } from "./fixtures";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// Its own server: the feedback spec takes the shared server's closed consultation all the way to
// 已公布反馈, and this one needs it still waiting for the legal office.
const PORT = freePortSync();
let server: Awaited<ReturnType<typeof startOwnServer>>;
test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.beforeAll(async () => {
  server = await startOwnServer(PORT, "packet");
});
test.afterAll(() => server?.stop());

// The demo's closed consultation: its period ended a week ago, and one comment kept private by its
// author carries a phone number that only the legal packet may contain.
const CLOSED = 3;
const TITLE = "辽宁省“十五五”退役军人事业发展规划（征求意见稿）";
const PRIVATE_PHONE = "186-4023-7519";
const PHONE = /1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/;
const ID_CARD = /\d{17}[\dXx]/;

/** Clicks a download link and returns the file's name and bytes. */
async function download(page: Page, name: RegExp): Promise<{ filename: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { filename: file.suggestedFilename(), body: fs.readFileSync((await file.path())!) };
}

async function xlsxColumn(body: Buffer, column: number): Promise<{ header: unknown[]; values: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  return { header: sheet.getRow(1).values as unknown[], values: sheet.getColumn(column).values.slice(2).map(String) };
}

test("the drafter submits the packet, and the legal office downloads it in four formats and records its review", async ({ page, browser }) => {
  await login(page, "drafter");
  await page.goto(`/admin/consultations/${CLOSED}`);
  await page.getByRole("link", { name: "合法性审查材料" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "合法性审查材料" })).toBeVisible();
  await expect(page.getByText("尚未报送法制审核。")).toBeVisible();
  // The first visit starts the packet's build in the background: the page says so at once, offers
  // no document yet, and asks again by itself until the files are there.
  await expect(page.getByRole("status").filter({ hasText: "材料正在生成" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Word 文档/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "立即刷新" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: /Word 文档/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/材料已于 .* 生成/)).toBeVisible();

  await page.getByRole("button", { name: "报送法制审核" }).click();
  await expect(page.getByText("已报送法制审核，法制机构将收到通知。")).toBeVisible();
  await expect(page.locator(".meta .badge")).toHaveText("已报送法制审核");
  await logout(page);

  // Another division's drafter may not open it.
  await login(page, "drafter2");
  expect((await page.goto(`/admin/consultations/${CLOSED}/packet`))!.status()).toBe(403);
  expect((await page.request.get(`/admin/consultations/${CLOSED}/packet/csv`)).status()).toBe(403);
  await logout(page);

  await login(page, "legal");
  await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "合法性审查" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "合法性审查" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: "合法性审查材料" })).toBeVisible();
  // Submitting changed the packet (报送法制审核 is in it): its new version is ready within moments.
  await expect(page.getByRole("link", { name: /Word 文档/ })).toBeVisible({ timeout: 60_000 });

  const docx = await download(page, /Word 文档/);
  expect(docx.filename).toBe(`${TITLE}-合法性审查材料.docx`);
  const zip = await JSZip.loadAsync(docx.body);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  expect(documentXml).toContain(TITLE);
  expect(documentXml).toContain(PRIVATE_PHONE);
  expect(documentXml).toContain("第八部分　意见登记表");
  for (const part of ["第二部分　送审稿", "第三部分　起草说明", "第四部分　修改对照表", "第七部分　意见登记表索引（按条款）"])
    expect(documentXml).toContain(part);
  const header = (await Promise.all(zip.file(/word\/header\d*\.xml/).map((f) => f.async("string")))).join("");
  expect(header).toContain("内部资料");

  const pdf = await download(page, /合法性审查材料（PDF）/);
  expect(pdf.filename).toBe(`${TITLE}-合法性审查材料.pdf`);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.body)), { mergePages: true });
  expect(text).toContain("内部资料");
  expect(text.replace(/\s/g, "")).toContain(TITLE);
  expect(text).toContain(PRIVATE_PHONE);

  const xlsx = await xlsxColumn((await download(page, /^意见登记表（Excel/)).body, 5);
  expect(xlsx.header).toEqual([undefined, "序号", "回执编号", "收到时间", "条款", "意见内容", "提出人/单位", "身份", "渠道", "附件", "采纳情况", "理由"]);
  expect(xlsx.values).toContain("阳光安置希望把岗位、分数、排名都公开，别搞暗箱操作。");
  expect(xlsx.values.join("\n")).toContain(PRIVATE_PHONE);

  const csv = await download(page, /^意见登记表（CSV/);
  expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.body.toString("utf8")).toContain("序号,回执编号,收到时间,条款,意见内容,提出人/单位,身份,渠道,附件,采纳情况,理由\r\n");
  expect(csv.body.toString("utf8")).toContain(PRIVATE_PHONE);

  // The public versions hold no phone number and no 身份证号, from this page or for anyone.
  const publicCsv = (await download(page, /公开版意见登记表（CSV/)).body.toString("utf8");
  const publicXlsx = (await xlsxColumn((await download(page, /公开版意见登记表（Excel/)).body, 4)).values.join("\n");
  expect(publicCsv).toContain("阳光安置希望把岗位");
  const visitor = await browser.newContext();
  for (const id of [1, CLOSED]) {
    for (const format of ["csv", "xlsx"]) {
      const res = await visitor.request.get(`/consultations/${id}/register/${format}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
      const body = format === "csv" ? (await res.body()).toString("utf8") : (await xlsxColumn(await res.body(), 4)).values.join("\n");
      for (const publicText of [body, publicCsv, publicXlsx]) {
        expect(publicText).not.toMatch(PHONE);
        expect(publicText).not.toMatch(ID_CARD);
      }
      if (id === 1) expect(body).toContain("[手机号已隐去]");
    }
  }
  expect((await visitor.request.get(`/admin/consultations/${CLOSED}/packet/docx`, { maxRedirects: 0 })).status()).toBe(302);
  await visitor.close();

  await page.getByRole("button", { name: "登记接收" }).click();
  await expect(page.getByText("已登记接收。")).toBeVisible();
  await expect(page.locator(".legal-progress")).toContainText("陈法制");
  await page.getByLabel("审查结论").fill("经审查，未发现合法性问题。");
  await page.getByRole("button", { name: "登记审查完毕" }).click();
  await expect(page.getByText("已登记审查完毕，起草处室将收到通知。")).toBeVisible();
  await expect(page.locator(".legal-progress")).toContainText("经审查，未发现合法性问题。");
  await expectAccessible(page);
});
