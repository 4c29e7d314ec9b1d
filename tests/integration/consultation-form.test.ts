import { Document, Packer, Paragraph } from "docx";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { action as newAction } from "~/routes/admin.consultations.new/route";
import { loader as staffLoader } from "~/routes/admin.consultations.$id._index/route";
import { loader as publicLoader } from "~/routes/consultations.$id/route";
import { createUserSession } from "~/platform/session.server";
import { context, makeUser, testDb, unwrap } from "./helpers";

testDb();

async function drafterCookie() {
  const { user } = await makeUser("drafter", { division: "表单测试处" });
  return (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0];
}

const fields = {
  title: "关于<script>alert(1)</script>的办法",
  docType: "rule",
  summary: "摘要",
  draftText: "第一章 总则\n第一条 为了测试，制定本办法。\n第二条 本办法自发布之日起施行。",
  basis: "一、必要性",
  opensAt: "2030-01-01T09:00",
  closesAt: "2030-03-01T17:00",
  intent: "save",
};

async function post(cookie: string, values: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  if (file) form.set("draftFile", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }));
  const request = new Request("http://localhost/admin/consultations/new", { method: "POST", body: form, headers: { Cookie: cookie } });
  return newAction({ request, context: context(), params: {} });
}

describe("the consultation form", () => {
  it("saves a valid draft and redirects to it", async () => {
    const res = (await post(await drafterCookie(), fields)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/admin\/consultations\/\d+\?saved=1$/);
  });

  it("imports a real .docx into the text and shows the parsed structure", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            "某某办法（征求意见稿）",
            "第一章 总则",
            "第一条 为了测试 docx 导入，制定本办法。",
            "第二条 本办法适用于测试。",
            "第二章 附则",
            "第三条 本办法自发布之日起施行。",
          ].map((t) => new Paragraph(t)),
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const { status, body } = unwrap(await post(await drafterCookie(), { ...fields, intent: "preview", draftText: "" }, { name: "草案.docx", bytes }));
    expect(status).toBe(200);
    expect(body.values.draftText).toContain("第一条 为了测试 docx 导入");
    expect(body.preview).toMatchObject({ chapters: 2, articles: 3 });
  });

  it("answers a corrupt or non-.docx upload with a clear message and keeps the other fields", async () => {
    const cookie = await drafterCookie();
    const fake = unwrap(await post(cookie, fields, { name: "草案.docx", bytes: new TextEncoder().encode("这不是 docx 文件") }));
    expect(fake.status).toBe(400);
    expect(fake.body.errors.draftFile).toMatch(/不是有效的 \.docx 文件/);
    expect(fake.body.values.title).toBe(fields.title);
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("[Content_Types].xml word/document.xml garbage")]);
    const broken = unwrap(await post(cookie, fields, { name: "损坏.docx", bytes: corrupt }));
    expect(broken.status).toBe(400);
    expect(broken.body.errors.draftFile).toMatch(/可能已损坏/);
  });

  it("refuses a 5 MB paste with a message and sends the text back", async () => {
    const huge = "第一条 " + "很长的正文。".repeat((5 * 1024 * 1024) / 18);
    const { status, body } = unwrap(await post(await drafterCookie(), { ...fields, draftText: huge }));
    expect(status).toBe(400);
    expect(body.errors.draftText).toMatch(/不能超过 300,000 个字符/);
    expect(body.values.draftText.length).toBe(huge.length);
  });

  it("refuses an over-long paste before parsing it, even for a preview (100,000 项)", async () => {
    const items = "第一条 下列事项：\n" + Array.from({ length: 100_000 }, (_, i) => `（${i + 1}）事项`).join("\n");
    const started = performance.now();
    // Url-encoded, as a browser sends the form without a file.
    const request = new Request("http://localhost/admin/consultations/new", {
      method: "POST",
      body: new URLSearchParams({ ...fields, intent: "preview", draftText: items }),
      headers: { Cookie: await drafterCookie() },
    });
    const { status, body } = unwrap(await newAction({ request, context: context(), params: {} }));
    expect(status).toBe(400);
    expect(body.errors.draftText).toMatch(/不能超过 300,000 个字符/);
    expect(body.preview).toBeNull();
    expect(body.values.draftText.length).toBe(items.length);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a .docx zip bomb from its central directory, before parsing it", async () => {
    const cookie = await drafterCookie();
    const types = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    // 120 MB of one repeated byte inflates from about 120 KB.
    const bomb = zipSync({ "[Content_Types].xml": types, "word/document.xml": new Uint8Array(120 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(300 * 1024);
    let started = performance.now();
    const big = unwrap(await post(cookie, { ...fields, intent: "preview" }, { name: "炸弹.docx", bytes: bomb }));
    expect(big.status).toBe(400);
    expect(big.body.errors.draftFile).toMatch(/解压后过大/);
    expect(big.body.values.title).toBe(fields.title);
    expect(performance.now() - started).toBeLessThan(2000);

    // The same bomb declaring a small size in its headers is stopped when it outgrows the claim.
    const lying = Buffer.from(bomb);
    for (let i = 0; i < lying.length - 4; i++) {
      const signature = lying.readUInt32LE(i);
      if (signature === 0x04034b50) lying.writeUInt32LE(1000, i + 22);
      if (signature === 0x02014b50) lying.writeUInt32LE(1000, i + 24);
    }
    started = performance.now();
    const liar = unwrap(await post(cookie, { ...fields, intent: "preview" }, { name: "炸弹.docx", bytes: lying }));
    expect(liar.status).toBe(400);
    expect(liar.body.errors.draftFile).toMatch(/可能已损坏/);
    expect(performance.now() - started).toBeLessThan(2000);

    const many: Record<string, Uint8Array> = { "[Content_Types].xml": types, "word/document.xml": strToU8("<w:document/>") };
    for (let i = 0; i < 1500; i++) many[`word/media/${i}.xml`] = strToU8("x");
    const crowded = unwrap(await post(cookie, { ...fields, intent: "preview" }, { name: "部件.docx", bytes: zipSync(many) }));
    expect(crowded.status).toBe(400);
    expect(crowded.body.errors.draftFile).toMatch(/解压后过大/);
  });

  it("reports an end before the start and a missing basis together", async () => {
    const { status, body } = unwrap(await post(await drafterCookie(), { ...fields, basis: "", closesAt: "2029-12-01T09:00" }));
    expect(status).toBe(400);
    expect(body.errors).toMatchObject({ basis: "请填写起草说明。", closesAt: "截止时间必须晚于开始时间。" });
  });

  it("answers unknown ids with 404, not 500", async () => {
    const cookie = await drafterCookie();
    for (const id of ["999999", "abc", "-1", "1e9"]) {
      await expect(
        staffLoader({ request: new Request(`http://localhost/admin/consultations/${id}`, { headers: { Cookie: cookie } }), params: { id }, context: context() })
      ).rejects.toMatchObject({ status: 404 });
      await expect(publicLoader({ request: new Request(`http://localhost/consultations/${id}`), params: { id }, context: context() })).rejects.toThrow();
    }
  });
});
