// Files the platform keeps (docs/decisions/0038): comments' attachments, consultations' attachments, kept mail
// as .eml. Behind one interface so that several instances can share a store other than one machine's disk:
// a local folder per area under DATA_DIR (the layout it always had, the default on SQLite), or the `blobs`
// table of the database every instance already shares (BLOB_STORE=database, the default on PostgreSQL;
// docs/decisions/0040). Files are read as streams on the way out.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { blobs } from "~db/schema";
import { getDb, type Db } from "./db.server";
import { env } from "./env.server";

export type BlobArea = "comment-attachments" | "attachments" | "outbox";

export interface StoredBlob {
  key: string;
  size: number;
  modifiedAt: Date;
  /** The content, read as it is sent. */
  stream(): Readable;
}

export interface BlobStore {
  /** Stores the content under the key, whole or not at all; an existing key is kept as it is. */
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<StoredBlob | null>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every stored blob (for housekeeping). */
  list(): AsyncIterable<StoredBlob>;
}

/** Keys are file names of the store's own making (content hashes, message names; a leading dot for leftovers): never a path. */
const KEY = /^\.?[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export class BlobKeyError extends Error {}

function checked(key: string): string {
  if (!KEY.test(key) || key.includes("..")) throw new BlobKeyError(`invalid blob key: ${JSON.stringify(key)}`);
  return key;
}

export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private file(key: string) {
    return path.join(this.root, checked(key));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.file(key);
    if (fs.existsSync(target)) return;
    await fs.promises.mkdir(this.root, { recursive: true });
    // Written beside and renamed: a reader never sees half a file, a crash leaves only a .part.
    const part = path.join(this.root, `.${key}.${process.pid}.part`);
    await fs.promises.writeFile(part, data);
    await fs.promises.rename(part, target);
  }

  async get(key: string): Promise<StoredBlob | null> {
    const file = this.file(key);
    const stat = await fs.promises.stat(file).catch(() => null);
    return stat?.isFile() ? { key, size: stat.size, modifiedAt: stat.mtime, stream: () => fs.createReadStream(file) } : null;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }

  async *list(): AsyncIterable<StoredBlob> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.root);
    } catch {
      return;
    }
    for (const name of names) {
      // Leftovers of interrupted writes are listed too, so that housekeeping removes them.
      const file = path.join(this.root, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat?.isFile()) yield { key: name, size: stat.size, modifiedAt: stat.mtime, stream: () => fs.createReadStream(file) };
    }
  }
}

/** Blobs as rows of the shared database: one area's, keyed as in the local store. */
export class DatabaseBlobStore implements BlobStore {
  constructor(private readonly db: Db, readonly area: BlobArea) {}

  private where(key: string) {
    return and(eq(blobs.area, this.area), eq(blobs.key, checked(key)));
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.db
      .insert(blobs)
      .values({ area: this.area, key: checked(key), body: data, size: data.length })
      .onConflictDoNothing();
  }

  async get(key: string): Promise<StoredBlob | null> {
    const row = (await this.db.select().from(blobs).where(this.where(key)).limit(1))[0];
    return row ? { key, size: row.size, modifiedAt: row.createdAt, stream: () => Readable.from([Buffer.from(row.body)]) } : null;
  }

  async has(key: string): Promise<boolean> {
    return (await this.db.select({ key: blobs.key }).from(blobs).where(this.where(key)).limit(1)).length > 0;
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(blobs).where(this.where(key));
  }

  async *list(): AsyncIterable<StoredBlob> {
    const rows = await this.db.select({ key: blobs.key, size: blobs.size, createdAt: blobs.createdAt }).from(blobs).where(eq(blobs.area, this.area));
    for (const r of rows) {
      const read = async () => (await this.db.select({ body: blobs.body }).from(blobs).where(this.where(r.key)).limit(1))[0]?.body ?? Buffer.alloc(0);
      yield {
        key: r.key,
        size: r.size,
        modifiedAt: r.createdAt,
        stream: () =>
          Readable.from(
            (async function* () {
              yield Buffer.from(await read());
            })()
          ),
      };
    }
  }
}

/** The store of one area, as configured: a local folder under DATA_DIR, or the database's `blobs` table. */
export function blobStore(area: BlobArea): BlobStore {
  return env().BLOB_STORE === "database" ? new DatabaseBlobStore(getDb(), area) : new LocalBlobStore(path.resolve(env().DATA_DIR, area));
}

/** A Node stream as a web stream, for a Response body. */
export function webStream(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
