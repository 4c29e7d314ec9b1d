import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// The issue "The citizen's journey", §1 (nothing a person typed is lost) and §2 (the form is
// where the reader is), on the demo's open consultation, with and without JavaScript.

const OPEN = "/consultations/1";
const TEXT = "写到一半的意见：第八条的孵化基地应当优先向退役军人开放，并明确场地减免的期限。";
const mainBox = (page: Page) => page.locator("#comment-form").getByRole("textbox", { name: "意见内容" });
const articleBox = (page: Page, label: string) => page.locator("#comment-form").getByRole("checkbox", { name: label, exact: true });

/** The articles of a stored comment, read from the test server's database by its receipt number. */
function articlesOf(receipt: string): number[] {
  const db = new Database(path.resolve("tests", ".tmp-e2e", `port-${process.env.E2E_PORT}`, "zhengqiu.db"), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT DISTINCT d.number AS number FROM comments c JOIN comment_articles ca ON ca.comment_id = c.id
         JOIN draft_nodes d ON d.article_identity_id = ca.article_identity_id WHERE c.receipt_no = ? ORDER BY d.number`
      )
      .all(receipt) as Array<{ number: number }>;
    return rows.map((r) => r.number);
  } finally {
    db.close();
  }
}

async function receiptNo(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "意见已提交" })).toBeVisible();
  const receipt = (await page.locator(".receipt-no").first().textContent()) ?? "";
  expect(receipt).toMatch(/^ZQ\d{8}-[0-9A-Z]{6}$/);
  return receipt;
}

/** The first article that has public comments, and the label of its count link. */
async function articleWithComments(page: Page) {
  const count = page.locator(".draft .article-comment-count").first();
  const article = await count.evaluate((el) => el.closest("article")!.getAttribute("aria-label")!);
  return { count, article };
}

async function completeCompactForm(page: Page, label: string, text: string) {
  const form = page.getByRole("form", { name: `对${label}的意见` });
  await form.getByRole("textbox", { name: `对${label}的意见` }).fill(text);
  await form.getByLabel("身份类别").selectOption("退役军人");
  await form.getByLabel(/同意：/).check();
  return form;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("an article's comment control opens a compact form in place; the full form keeps its text", async ({ page }) => {
      await page.goto(OPEN);
      await mainBox(page).fill(TEXT);
      await page.locator("#article-8").getByText("对第八条提意见").click();
      const form = page.getByRole("form", { name: "对第八条的意见" });
      await expect(form).toBeVisible();
      await expect(form.locator('input[name="articles"]')).toHaveValue("8");
      await expect(mainBox(page)).toHaveValue(TEXT);
      await expect(page).toHaveURL(new RegExp(`${OPEN}$`));
    });

    test("reading an article's public comments, paging them and A+ keep the text, and tick no article", async ({ page }) => {
      await page.goto(OPEN);
      await mainBox(page).fill(TEXT);
      const { count, article } = await articleWithComments(page);
      await count.click();
      await expect(page.getByText(new RegExp(`正在显示对${article}的公开意见`))).toBeVisible();
      await expect(mainBox(page)).toHaveValue(TEXT);
      await expect(articleBox(page, article)).not.toBeChecked();

      await page.locator("#comments").getByText("查看全部公开意见").click();
      await page.locator("#comments .pagination").getByText("下一页").click();
      await expect(page.locator("#comments .pagination")).toContainText("第 2 页");
      await expect(mainBox(page)).toHaveValue(TEXT);

      await page.getByRole("button", { name: "放大字号" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-text-size", "large");
      await expect(mainBox(page)).toHaveValue(TEXT);
      await expect(page.locator("#comments .pagination")).toContainText("第 2 页");
      await page.getByRole("button", { name: "标准字号" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-text-size", "normal");
      await expect(mainBox(page)).toHaveValue(TEXT);
    });

    test("the compact form at an article submits a comment on that article", async ({ page }) => {
      await page.goto(OPEN);
      await page.locator("#article-10").getByText("对第十条提意见").click();
      const form = await completeCompactForm(page, "第十条", "在第十条下直接提交的意见：年龄放宽幅度应写明。");
      await form.getByRole("button", { name: "提交对第十条的意见" }).click();
      expect(articlesOf(await receiptNo(page))).toEqual([10]);
    });

    test("the compact form shows its errors in place and keeps the text", async ({ page }) => {
      await page.goto(OPEN);
      await mainBox(page).fill(TEXT);
      await page.locator("#article-12").getByText("对第十二条提意见").click();
      const form = page.getByRole("form", { name: "对第十二条的意见" });
      await form.getByRole("textbox", { name: "对第十二条的意见" }).fill("没有选择身份的条款意见");
      await form.evaluate((f) => f.setAttribute("novalidate", ""));
      await form.getByRole("button", { name: "提交对第十二条的意见" }).click();
      const again = page.getByRole("form", { name: "对第十二条的意见" });
      await expect(again.getByRole("heading", { name: /意见未提交/ })).toBeVisible();
      await expect(again.getByLabel("身份类别")).toHaveAccessibleDescription("请选择身份类别。");
      await expect(again.getByRole("textbox", { name: "对第十二条的意见" })).toHaveValue("没有选择身份的条款意见");
      // The full form shows no error of the compact one.
      await expect(page.locator("#comment-form-errors")).toHaveCount(0);
    });

    test("on a 360 px phone every article in the picker is in view, with no nested scroll", async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(OPEN);
      const boxes = page.locator('#comment-form input[name="articles"]');
      expect(await boxes.count()).toBe(22);
      const clipped = await page.locator("#comment-form .article-choices").evaluate((list) => {
        const hidden: string[] = [];
        for (const box of list.querySelectorAll("input")) {
          box.scrollIntoView({ block: "center" });
          const r = box.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (hit !== box && hit !== box.parentElement) hidden.push(box.id);
        }
        return { hidden, nested: list.scrollHeight - list.clientHeight };
      });
      expect(clipped).toEqual({ hidden: [], nested: 0 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe("a draft kept on this device", () => {
  test("survives a reload and a closed tab, says so, and is gone once submitted", async ({ context, page }) => {
    await page.goto(OPEN);
    await mainBox(page).fill(TEXT);
    await articleBox(page, "第八条").check();
    await expect(page.locator("#comment-form").getByText("已在本设备保存草稿。", { exact: false })).toBeVisible();
    await page.reload();
    await expect(mainBox(page)).toHaveValue(TEXT);
    await expect(articleBox(page, "第八条")).toBeChecked();
    await expect(page.locator("#comment-form").getByText("已恢复您上次在本设备填写的草稿。", { exact: false })).toBeVisible();
    await expect(page.locator("#comment-form").getByText(`已输入 ${TEXT.length} 字`)).toBeVisible();

    await page.close();
    const tab = await context.newPage();
    await tab.goto(OPEN);
    await expect(mainBox(tab)).toHaveValue(TEXT);
    await tab.locator("#comment-form").getByLabel("您的身份").selectOption("退役军人");
    await tab
      .locator("#comment-form")
      .getByLabel(/我已阅读并同意/)
      .check();
    await tab.getByRole("button", { name: "提交意见" }).click();
    expect(articlesOf(await receiptNo(tab))).toEqual([8]);
    await tab.goto(OPEN);
    await expect(mainBox(tab)).toHaveValue("");
    expect(await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("zhengqiu:draft:")))).toEqual([]);
  });

  test("an article's compact form keeps its own draft, and opens with it", async ({ page }) => {
    await page.goto(OPEN);
    await page.locator("#article-5").getByText("对第五条提意见").click();
    await page.getByRole("form", { name: "对第五条的意见" }).getByRole("textbox").fill("第五条的草稿");
    await page.reload();
    const form = page.getByRole("form", { name: "对第五条的意见" });
    await expect(form).toBeVisible();
    await expect(form.getByRole("textbox", { name: "对第五条的意见" })).toHaveValue("第五条的草稿");
    await expect(form.getByText("已恢复您上次在本设备填写的草稿。", { exact: false })).toBeVisible();
    await form.getByRole("button", { name: "清除草稿" }).click();
    await page.reload();
    await expect(page.getByRole("form", { name: "对第五条的意见" })).toBeHidden();
  });
});

test("the form is where the reader is: a 提出意见 entry at the top, a control at each article", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(OPEN);
  // Keyboard: from the skip link, Tab to 提出意见 and Enter puts the cursor in the text box.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused();
  await page.keyboard.press("Enter");
  let toEntry = 0;
  const entry = page.locator(".comment-entry a");
  while (!(await entry.evaluate((el) => el === document.activeElement)) && toEntry < 200) {
    await page.keyboard.press("Tab");
    toEntry++;
  }
  await page.keyboard.press("Enter");
  await expect(mainBox(page)).toBeFocused();

  await page.goto(OPEN);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  let toArticle = 0;
  const firstControl = page.locator("#article-1 summary");
  while (!(await firstControl.evaluate((el) => el === document.activeElement)) && toArticle < 200) {
    await page.keyboard.press("Tab");
    toArticle++;
  }
  const top = await page.evaluate(() => ({
    entry: Math.round(document.querySelector(".comment-entry a")!.getBoundingClientRect().top + window.scrollY),
    firstArticle: Math.round(document.querySelector("#article-1 summary")!.getBoundingClientRect().top + window.scrollY),
    screen: window.innerHeight,
  }));
  console.log(
    `[measure] Tabs from the skip link: to 提出意见 ${toEntry} (+Enter → text box), to 第一条's control ${toArticle}; on 360 px: 提出意见 at ${top.entry}px, 第一条's control at ${top.firstArticle}px (screen ${top.screen}px)`
  );
  expect(toEntry).toBeLessThanOrEqual(3);
  // The entry link, 第一条's comment-count link and 关注此征求意见 come before it.
  expect(toArticle).toBeLessThanOrEqual(7);
  expect(top.entry).toBeLessThan(top.screen);
});

// axe runs in the page, so it needs JavaScript on.
test("the consultation page with an article's compact form open passes axe", async ({ page }) => {
  await page.goto(OPEN);
  await page.locator("#article-8").getByText("对第八条提意见").click();
  await expect(page.getByRole("form", { name: "对第八条的意见" })).toBeVisible();
  await expectAccessible(page);
});
