import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commentAttachments, comments, consultations } from "~db/schema";
import { seedDemo } from "~db/seed";
import { sweepUnreferencedCommentFiles, UNREFERENCED_FILE_GRACE_MS } from "~/features/comments/comment-attachments.server";
import { COMMENT_MAX } from "~/features/comments/comment-schema";
import { publicPhase } from "~/features/consultations/consultation-status";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { docxBytes, exeBytes, file, multipartPost, pdfBytes, pngBytes } from "./attachment-fixtures";
import { listPublicComments } from "~/features/comments/public-comments.server";
import { findUserByUsername } from "~/features/accounts/user.server";
import { action as moderate, loader as moderationPage } from "~/routes/admin.consultations.$id.moderation/route";
import { loader as publicFile } from "~/routes/consultations.$id.comment-files.$fileId";
import { loader as staffFile } from "~/routes/admin.consultations.$id.comment-files.$fileId";
import { MAINTENANCE_JOBS } from "~/startup/background.server";
import { blobStore, LocalBlobStore } from "~/platform/blob-store.server";
import { raw } from "~db/client.server";
import { createUserSession } from "~/platform/session.server";
import { context, testDb, thrown, unwrap } from "./helpers";

const db = testDb();
await seedDemo(db, new Date());
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, new Date()) === "open")!;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const name of ["reviewer", "drafter2"]) {
    cookies[name] = (await createUserSession(new Request("http://localhost/login"), (await findUserByUsername(db, name))!.id)).split(";")[0];
  }
});

let n = 0;
const fields = (body = "附件中是我们律师事务所的完整意见。") => ({
  body,
  identityCategory: "军属",
  publishPreference: "anonymous",
  consent: "on",
  idempotencyKey: `attach-key-${++n}-abcdefghijk`,
  website: "",
});

const storedFor = async (receiptFromCookie: string) => {
  const receiptNo = receiptFromCookie.match(/zq_receipt=(ZQ\d{8}-[0-9A-Z]{6})/)![1];
  const c = (await db.select().from(comments).where(eq(comments.receiptNo, receiptNo)).limit(1))[0]!;
  return db.select().from(commentAttachments).where(eq(commentAttachments.commentId, c.id));
};

beforeEach(() => resetRateLimits());

describe("comment attachments at intake", () => {
  it("stores a PDF, a DOCX and a PNG with the comment, typed by content, none public", async () => {
    const res = (await multipartPost(open.id, fields(), [
      file(pdfBytes(), "意见书.pdf", "application/pdf"),
      file(await docxBytes(), "意见.docx", "application/octet-stream"),
      file(pngBytes(), "截图.PNG", "image/png"),
    ])) as Response;
    expect(res.status).toBe(303);
    const rows = await storedFor(res.headers.get("Set-Cookie")!);
    expect(rows.map((r) => [r.filename, r.mimeType, r.isPublic])).toEqual([
      ["意见书.pdf", "application/pdf", false],
      ["意见.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false],
      ["截图.png", "image/png", false],
    ]);
  });

  it("accepts a text-only multipart comment (a form without JavaScript)", async () => {
    const res = (await multipartPost(open.id, fields(), [])) as Response;
    expect(res.status).toBe(303);
    expect(await storedFor(res.headers.get("Set-Cookie")!)).toEqual([]);
  });

  it("refuses an executable renamed .pdf, keeping the text and asking for the files again", async () => {
    const text = "请见附件。".repeat(10);
    const before = (await db.select().from(comments)).length;
    const r = unwrap(await multipartPost(open.id, { ...fields(text), name: "李律师" }, [file(exeBytes(), "意见.pdf", "application/pdf")]));
    expect(r.status).toBe(400);
    expect(r.body.errors.files).toMatch(/“意见”不是可接受的文件类型（系统按文件内容判断，而非扩展名）/);
    expect(r.body.errors.files).toMatch(/请重新选择要上传的文件/);
    expect(r.body.values.body).toBe(text);
    expect(r.body.values.name).toBe("李律师");
    expect((await db.select().from(comments)).length).toBe(before);
  });

  it("refuses a file over 10 MB and more than five files, with the text kept", async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const r = unwrap(await multipartPost(open.id, fields("很长的意见"), [file(big, "大文件.pdf", "application/pdf")]));
    expect(r.status).toBe(400);
    expect(r.body.errors.files).toMatch(/“大文件”超过 10 MB/);
    expect(r.body.values.body).toBe("很长的意见");
    const six = Array.from({ length: 6 }, (_, i) => file(pngBytes(), `图${i}.png`, "image/png"));
    const many = unwrap(await multipartPost(open.id, fields("六个附件"), six));
    expect(many.body.errors.files).toMatch(/最多上传 5 个附件，您选择了 6 个/);
    expect(many.body.values.body).toBe("六个附件");
  });

  it("takes 20,000 characters and refuses 20,001 with how much is over, the text kept whole", async () => {
    const exact = "字".repeat(COMMENT_MAX);
    expect(((await multipartPost(open.id, fields(exact), [])) as Response).status).toBe(303);
    const over = "字".repeat(COMMENT_MAX) + "多";
    const r = unwrap(await multipartPost(open.id, fields(over), [file(pdfBytes(), "a.pdf", "application/pdf")]));
    expect(r.status).toBe(400);
    expect(r.body.errors.body).toBe("意见内容超出 1 字（共 20001 字，上限 20000 字）。请精简，或将较长的材料作为附件上传；您填写的内容已全部保留。");
    expect(r.body.values.body).toBe(over);
  });
});

describe("moderation of attachments and what the public sees", () => {
  const staffPost = (fields: Array<[string, string]>) =>
    moderate({
      request: new Request(`http://localhost/admin/consultations/${open.id}/moderation`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.reviewer },
      }),
      params: { id: String(open.id) },
      context: context(),
    });
  const download = async (fileId: number, who?: string) =>
    (who ? staffFile : publicFile)({
      request: new Request(`http://localhost/x`, { headers: who ? { Cookie: cookies[who] } : {} }),
      params: { id: String(open.id), fileId: String(fileId) },
      context: context(),
    }) as Promise<Response>;
  const shown = async (commentId: number) => (await listPublicComments(db, open.id, { page: 1 })).comments.find((c) => c.id === commentId);

  it("keeps files private until a moderator marks each one public on an approved comment", async () => {
    const res = (await multipartPost(
      open.id,
      fields("第五条的意见，详见附件。"),
      [file(pdfBytes(), "意见书.pdf", "application/pdf"), file(pngBytes(), "身份证.png", "image/png")],
      "192.0.2.90"
    )) as Response;
    const [pdf, png] = await storedFor(res.headers.get("Set-Cookie")!);
    const commentId = pdf.commentId;

    // The moderation card lists both, not public, and staff can download them.
    const page = await moderationPage({
      request: new Request(`http://localhost/admin/consultations/${open.id}/moderation?status=all`, { headers: { Cookie: cookies.reviewer } }),
      params: { id: String(open.id) },
      context: context(),
    });
    expect(page.files[commentId]).toEqual([
      { id: pdf.id, filename: "意见书.pdf", size: "1 KB", isPublic: false },
      { id: png.id, filename: "身份证.png", size: "1 KB", isPublic: false },
    ]);
    expect((await download(png.id, "reviewer")).status).toBe(200);
    expect((await thrown(download(png.id))).status).toBe(404);

    // Marked public before the comment is approved: still nothing public.
    expect(
      (
        (await staffPost([
          ["intent", "attachment-review"],
          ["commentId", String(commentId)],
          ["attachmentId", String(pdf.id)],
          ["isPublic", "1"],
        ])) as Response
      ).status
    ).toBe(302);
    expect(await shown(commentId)).toBeUndefined();
    expect((await thrown(download(pdf.id))).status).toBe(404);

    // Approved: only the file marked public is listed and served; the other stays staff-only.
    await staffPost([
      ["intent", "approve"],
      ["commentId", String(commentId)],
      ["publishedBody", "第五条的意见，详见附件。"],
    ]);
    expect((await shown(commentId))!.attachments).toEqual([
      { id: pdf.id, filename: "意见书.pdf", size: "1 KB", href: `/consultations/${open.id}/comment-files/${pdf.id}` },
    ]);
    const served = await download(pdf.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Disposition")).toContain("attachment;");
    expect(Buffer.from(await served.arrayBuffer()).equals(pdfBytes())).toBe(true);
    expect((await thrown(download(png.id))).status).toBe(404);

    // Taken back: gone from the page and the download.
    await staffPost([
      ["intent", "attachment-review"],
      ["commentId", String(commentId)],
      ["attachmentId", String(pdf.id)],
      ["isPublic", "0"],
    ]);
    expect((await shown(commentId))!.attachments).toEqual([]);
    expect((await thrown(download(pdf.id))).status).toBe(404);
  });

  it("answers a bad review request with a message, not a 500", async () => {
    const r = unwrap(
      await staffPost([
        ["intent", "attachment-review"],
        ["commentId", "1"],
        ["attachmentId", "999999"],
        ["isPublic", "1"],
      ])
    );
    expect(r.status).toBe(404);
    expect(r.body.errors.files).toBe("附件不存在。");
    const bad = unwrap(
      await staffPost([
        ["intent", "attachment-review"],
        ["commentId", "1"],
        ["attachmentId", "x"],
        ["isPublic", "maybe"],
      ])
    );
    expect(bad.status).toBe(400);
  });
});

describe("files of comments that were never stored", () => {
  it("are removed by the nightly sweep once a day old; referenced files and fresh ones stay", async () => {
    const res = (await multipartPost(open.id, fields("附件是补充材料。"), [file(pdfBytes(), "补充.pdf", "application/pdf")])) as Response;
    const [kept] = await storedFor(res.headers.get("Set-Cookie")!);
    // Through the configured store: local files on SQLite, the blobs table on PostgreSQL.
    const store = blobStore("comment-attachments");
    const [orphan, fresh, crashed] = [`${"a".repeat(64)}.pdf`, `${"b".repeat(64)}.png`, `.${"c".repeat(64)}.pdf.${process.pid}.part`];
    for (const key of [orphan, fresh, crashed]) await store.put(key, Buffer.from("x"));
    const now = new Date();
    const old = new Date(now.getTime() - UNREFERENCED_FILE_GRACE_MS - 60_000);
    for (const key of [orphan, crashed, path.basename(kept.storagePath)]) {
      if (store instanceof LocalBlobStore) fs.utimesSync(path.join(store.root, key), old, old);
      else await raw(db).run("UPDATE blobs SET created_at = ? WHERE key = ?", old, key);
    }

    expect(await sweepUnreferencedCommentFiles(db, now)).toBe(2);
    expect(await store.has(orphan)).toBe(false);
    expect(await store.has(crashed)).toBe(false);
    expect(await store.has(fresh)).toBe(true);
    expect(await store.has(path.basename(kept.storagePath))).toBe(true);
    // The scheduler runs it: it is one of the server's daily jobs.
    expect(MAINTENANCE_JOBS.map((j) => j.name)).toContain("comment-file-sweep");
  });
});
