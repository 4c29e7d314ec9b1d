import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { action as newAction } from "~/routes/admin.consultations.new/route";
import { loader as staffLoader } from "~/routes/admin.consultations.$id._index/route";
import { loader as publicLoader } from "~/routes/consultations.$id/route";
import { createUserSession } from "~/utils/session.server";
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
      sections: [{ children: ["某某办法（征求意见稿）", "第一章 总则", "第一条 为了测试 docx 导入，制定本办法。", "第二条 本办法适用于测试。", "第二章 附则", "第三条 本办法自发布之日起施行。"].map((t) => new Paragraph(t)) }],
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
    const huge = "第一条 " + "很长的正文。".repeat(5 * 1024 * 1024 / 18);
    const { status, body } = unwrap(await post(await drafterCookie(), { ...fields, draftText: huge }));
    expect(status).toBe(400);
    expect(body.errors.draftText).toMatch(/不能超过 300,000 个字符/);
    expect(body.values.draftText.length).toBe(huge.length);
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
        staffLoader({ request: new Request(`http://localhost/admin/consultations/${id}`, { headers: { Cookie: cookie } }), params: { id }, context: context() }),
      ).rejects.toMatchObject({ status: 404 });
      expect(() => publicLoader({ request: new Request(`http://localhost/consultations/${id}`), params: { id }, context: context() })).toThrow();
    }
  });
});
