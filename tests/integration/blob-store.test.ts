import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BlobKeyError, DatabaseBlobStore, LocalBlobStore } from "~/platform/blob-store.server";
import { testDb } from "./helpers";
import { fileDownloadResponse } from "~/platform/file-download.server";

// The blob store (docs/decisions/0038): attachments and kept mail go through it, and come out as streams.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zq-blobs-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const store = new LocalBlobStore(path.join(dir, "area"));

const text = async (s: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
};

describe("the local blob store", () => {
  it("stores, reads, lists and deletes by key, and keeps the first content of a key", async () => {
    expect(await store.get("a.txt")).toBeNull();
    await store.put("a.txt", Buffer.from("第一份"));
    await store.put("a.txt", Buffer.from("second")); // content-addressed keys: an existing key is kept
    const blob = (await store.get("a.txt"))!;
    expect(blob.size).toBe(Buffer.byteLength("第一份"));
    expect(await text(blob.stream())).toBe("第一份");
    expect(await store.has("a.txt")).toBe(true);
    const listed: string[] = [];
    for await (const b of store.list()) listed.push(b.key);
    expect(listed).toEqual(["a.txt"]); // no temporary file left beside it
    await store.delete("a.txt");
    expect(await store.has("a.txt")).toBe(false);
  });

  it("refuses keys that would leave its folder", async () => {
    for (const key of ["../escape", "a/b", "..", "/etc/passwd", "", "a\\b"]) {
      await expect(store.put(key, Buffer.from("x")), key).rejects.toBeInstanceOf(BlobKeyError);
      await expect(store.get(key), key).rejects.toBeInstanceOf(BlobKeyError);
    }
    expect(fs.existsSync(path.join(dir, "escape"))).toBe(false);
  });

  it("serves a large file as a stream, chunk by chunk, never read whole", async () => {
    const bytes = crypto.randomBytes(8 * 1024 * 1024);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    await store.put(`${sha256}.pdf`, bytes);
    const blob = (await store.get(`${sha256}.pdf`))!;
    const response = fileDownloadResponse(
      { blob, row: { mimeType: "application/pdf", storagePath: `${sha256}.pdf`, filename: "大文件.pdf", sha256 } },
      "private, no-store"
    );
    expect(response.headers.get("Content-Length")).toBe(String(bytes.length));
    const reader = response.body!.getReader();
    let chunks = 0;
    let largest = 0;
    const hash = crypto.createHash("sha256");
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      largest = Math.max(largest, value.length);
      hash.update(value);
    }
    expect(hash.digest("hex")).toBe(sha256);
    expect(chunks).toBeGreaterThan(10);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe("the database blob store", () => {
  const db = testDb();
  const kept = new DatabaseBlobStore(db, "comment-attachments");
  const other = new DatabaseBlobStore(db, "outbox");

  it("stores, reads, lists and deletes by key within its area, and keeps the first content of a key", async () => {
    expect(await kept.get("a.txt")).toBeNull();
    await kept.put("a.txt", Buffer.from("第一份"));
    await kept.put("a.txt", Buffer.from("second"));
    await other.put("b.eml", Buffer.from("mail"));
    const blob = (await kept.get("a.txt"))!;
    expect(blob.size).toBe(Buffer.byteLength("第一份"));
    expect(await text(blob.stream())).toBe("第一份");
    expect(await kept.has("a.txt")).toBe(true);
    expect(await kept.has("b.eml")).toBe(false);
    const listed: Array<[string, string]> = [];
    for await (const b of kept.list()) listed.push([b.key, await text(b.stream())]);
    expect(listed).toEqual([["a.txt", "第一份"]]);
    await kept.delete("a.txt");
    expect(await kept.has("a.txt")).toBe(false);
    expect(await other.has("b.eml")).toBe(true);
  });

  it("refuses the same keys as the local store", async () => {
    for (const key of ["../escape", "a/b", "..", "", "a\\b"]) await expect(kept.put(key, Buffer.from("x")), key).rejects.toBeInstanceOf(BlobKeyError);
  });

  it("keeps binary content byte for byte", async () => {
    const bytes = crypto.randomBytes(256 * 1024);
    await kept.put("random.bin", bytes);
    const chunks: Buffer[] = [];
    for await (const c of (await kept.get("random.bin"))!.stream()) chunks.push(Buffer.from(c as Buffer));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });
});
