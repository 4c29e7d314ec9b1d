import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed";
import { commentAttachments, comments, consultations } from "~db/schema";
import { publicPhase } from "~/features/consultations/consultation-status";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action } from "~/routes/admin.consultations.$id.comments.new/route";
import { loader as moderationPage } from "~/routes/admin.consultations.$id.moderation/route";
import { shanghaiDate } from "~/platform/periods";
import { createUserSession } from "~/platform/session.server";
import { docxBytes, file, pdfBytes } from "./attachment-fixtures";
import { context, testDb, unwrap } from "./helpers";

const db = testDb();
let cookie = "";
const now = new Date();
await seedDemo(db, now);
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, now) === "open")!;

beforeAll(async () => {
  cookie = (await createUserSession(new Request("http://localhost/login"), (await findUserByUsername(db, "drafter"))!.id)).split(";")[0];
});

let n = 0;
const fields = (overrides: Record<string, string> = {}) => ({
  channel: "department_letter",
  receivedOn: shanghaiDate(now),
  department: "辽宁省财政厅",
  body: `部门来函第${++n}件：建议第五条明确经费保障。`,
  identityCategory: "军属",
  publishPreference: "named",
  idempotencyKey: `dept-letter-key-${n}-abcdefgh`,
  ...overrides,
});

const enter = async (f: Record<string, string>, files: File[] = []) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(f)) form.append(k, v);
  for (const x of files) form.append("scan", x);
  return unwrap(
    await action({
      request: new Request(`http://localhost/admin/consultations/${open.id}/comments/new`, { method: "POST", body: form, headers: { Cookie: cookie } }),
      params: { id: String(open.id) },
      context: context("198.51.100.45"),
    })
  );
};

describe("部门来函 entered by staff", () => {
  it("records the sending department as the identity and stores the scanned letter, shown in moderation", async () => {
    const r = await enter(fields(), [file(pdfBytes(), "来函扫描件.pdf", "application/pdf")]);
    expect(r.status).toBe(200);
    const c = (await db.select().from(comments).where(eq(comments.receiptNo, r.body.receiptNo)).limit(1))[0]!;
    expect(c).toMatchObject({ channel: "department_letter", organisation: "辽宁省财政厅", identityCategory: "政府部门" });
    const files = await db.select().from(commentAttachments).where(eq(commentAttachments.commentId, c.id));
    expect(files.map((f) => [f.filename, f.mimeType, f.isPublic])).toEqual([["来函扫描件.pdf", "application/pdf", false]]);
    const page = await moderationPage({
      request: new Request(`http://localhost/admin/consultations/${open.id}/moderation?status=all`, { headers: { Cookie: cookie } }),
      params: { id: String(open.id) },
      context: context(),
    });
    expect(page.files[c.id]).toEqual([{ id: files[0].id, filename: "来函扫描件.pdf", size: "1 KB", isPublic: false }]);
    expect(page.queue.items.find((i) => i.id === c.id)?.channel).toBe("department_letter");
  });

  it("requires the department's name for 部门来函, keeping what was typed", async () => {
    const r = await enter(fields({ department: "" }));
    expect(r.status).toBe(400);
    expect(r.body.errors.department).toMatch(/部门来函请填写来函部门的名称/);
    expect(r.body.values.body).toMatch(/部门来函第/);
  });

  it("takes a scan only as PDF or an image, checked by content", async () => {
    const r = await enter(fields(), [file(await docxBytes(), "扫描.pdf", "application/pdf")]);
    expect(r.status).toBe(400);
    expect(r.body.errors.scan).toMatch(/不是可接受的文件类型.*PDF、PNG 或 JPEG 图片/);
    expect(r.body.values.department).toBe("辽宁省财政厅");
  });
});
