import { collect } from "~/platform/collect";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { commentAttachments, comments } from "~db/schema";
import { seedDemo } from "~db/seed";
import { setAttachmentPublic } from "~/features/comments/comment-attachments.server";
import { approveComment } from "~/features/comments/moderation.server";
import { packetBuildsSettled } from "~/features/packet/packet-builds.server";
import { registerRows } from "~/features/packet/register.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { loader as download } from "~/routes/admin.consultations.$id.packet.$format";
import { createUserSession } from "~/platform/session.server";
import { file, multipartPost, pdfBytes, pngBytes } from "./attachment-fixtures";
import { context, testDb } from "./helpers";

const db = testDb();
const OPEN = 1;
let cookie = "";
let receiptNo = "";

beforeAll(async () => {
  await seedDemo(db, new Date());
  const drafter = (await findUserByUsername(db, "drafter"))!;
  cookie = (await createUserSession(new Request("http://localhost/login"), drafter.id)).split(";")[0];
  const form = {
    body: "我们的完整意见见附件。",
    identityCategory: "军属",
    publishPreference: "anonymous",
    consent: "on",
    idempotencyKey: "packet-attach-key-0123456789",
    website: "",
  };
  const res = (await multipartPost(OPEN, form, [file(pdfBytes(), "意见书.pdf", "application/pdf"), file(pngBytes(), "签名页.png", "image/png")])) as Response;
  receiptNo = res.headers.get("Set-Cookie")!.match(/zq_receipt=(ZQ\d{8}-[0-9A-Z]{6})/)![1];
  const c = (await db.select().from(comments).where(eq(comments.receiptNo, receiptNo)).limit(1))[0]!;
  const [pdf] = await db.select().from(commentAttachments).where(eq(commentAttachments.commentId, c.id));
  await approveComment(db, OPEN, { ...drafter, label: drafter.displayName } as never, { commentId: c.id, publishedBody: c.body, confirmNoPii: true });
  await setAttachmentPublic(db, OPEN, pdf.id, true, { id: drafter.id, label: drafter.displayName });
});

const ask = async (format: string) =>
  (await download({
    request: new Request(`http://localhost/admin/consultations/${OPEN}/packet/${format}`, { headers: { Cookie: cookie } }),
    params: { id: String(OPEN), format },
    context: context(),
  })) as Response;

// The DOCX and PDF are built off the request path: the first ask starts the build (503), the next is served.
const fetchFile = async (format: string) => {
  let res = await ask(format);
  if (res.status === 503 && res.headers.get("Retry-After") === "5") {
    await packetBuildsSettled();
    res = await ask(format);
  }
  return { res, body: Buffer.from(await res.arrayBuffer()) };
};

describe("comment files in the register and the packet", () => {
  it("lists each comment's files in the internal register (public or not) and only public ones in the public register", async () => {
    const internal = (await collect(registerRows(db, OPEN, "internal"))).find((r) => r.text === "我们的完整意见见附件。")!;
    expect(internal.files).toBe("意见书.pdf（1 KB，公开）\n签名页.png（1 KB，不公开）");
    const pub = (await collect(registerRows(db, OPEN, "public"))).find((r) => r.text === "我们的完整意见见附件。")!;
    expect(pub.files).toBe("意见书.pdf（1 KB）");
    expect((await collect(registerRows(db, OPEN, "public"))).some((r) => r.files.includes("签名页"))).toBe(false);
  });

  it("puts the files column into the packet's DOCX and CSV", async () => {
    const docx = await JSZip.loadAsync((await fetchFile("docx")).body);
    const xml = await docx.file("word/document.xml")!.async("string");
    expect(xml).toContain("签名页.png（1 KB，不公开）");
    const csv = (await fetchFile("csv")).body.toString("utf8");
    expect(csv).toContain("意见书.pdf（1 KB，公开）\n签名页.png（1 KB，不公开）");
  });

  it("packs every file into the packet ZIP by the register's number, with a list", async () => {
    const { res, body } = await fetchFile("zip");
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    const zip = await JSZip.loadAsync(body);
    const no = (await collect(registerRows(db, OPEN, "internal"))).find((r) => r.text === "我们的完整意见见附件。")!.no;
    expect(Buffer.from(await zip.file(`${no}-${receiptNo}/意见书.pdf`)!.async("uint8array")).equals(pdfBytes())).toBe(true);
    expect(Buffer.from(await zip.file(`${no}-${receiptNo}/签名页.png`)!.async("uint8array")).equals(pngBytes())).toBe(true);
    const list = await zip.file("附件清单.csv")!.async("string");
    expect(list).toContain(`${no},${receiptNo},签名页.png,1 KB,不公开,${no}-${receiptNo}/签名页.png`);
  });
});
