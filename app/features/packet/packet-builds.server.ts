// The packet's files are built off the request path, once per version of their inputs. A version
// is named by a SHA-256 of everything the packet is made from (packetInputHash); the first request
// that finds no build for the current version starts one in a worker thread and is answered at
// once ("正在生成"), and every later request for that version is served the stored files. A build
// that no process carries out any more (the server restarted) is started again.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, ne } from "drizzle-orm";
import { databaseLocation, raw, type Db } from "~db/client.server";
import { packetBuilds } from "~db/schema";
import { startWorker } from "~/engine/spawn-worker";
import { PACKET_FILE_NAMES } from "~/features/packet/writers/packet-files.server";
import { pdfFont } from "~/features/packet/writers/pdf-font.server";
import type { PacketWorkerInput, PacketWorkerMessage } from "~/features/packet/writers/packet-worker-entry";
import { formatDate } from "~/platform/dates";
import { env } from "~/platform/env.server";
import { PHASE_LABELS, publicPhase } from "~/features/consultations";
import { getStaffConsultation } from "~/features/consultations/index.server";

/** Raised with the layout of the files; a new value rebuilds every packet once. */
const PACKET_LAYOUT_VERSION = "2";
const STALE_MS = 30 * 60_000;

export type PacketBuild = typeof packetBuilds.$inferSelect;
/** The consultation as the caller already read it: read once per request, not once per step. */
type Consultation = NonNullable<Awaited<ReturnType<typeof getStaffConsultation>>>;
export type PacketFileFormat = keyof typeof PACKET_FILE_NAMES;

const g = globalThis as unknown as { __zhengqiuPacketBuilds?: { running: Map<number, Promise<void>>; queue: Promise<void> } };
const state = (g.__zhengqiuPacketBuilds ??= { running: new Map(), queue: Promise.resolve() });

/**
 * A hash of every input of the packet: the consultation, its comments and their moderation, the
 * analysis and answers, the summary, the draft's versions, the hand-off to the legal office, the
 * department and the font. Read in one pass per table; 2,500 comments take a few milliseconds.
 */
export async function packetInputHash(db: Db, consultationId: number, now = new Date(), known?: Consultation): Promise<string> {
  const hash = createHash("sha256");
  const feed = async (sql: string) => {
    for (const row of await raw(db).arrays(sql, consultationId)) hash.update(JSON.stringify(row)).update("\n");
    hash.update("\u0000");
  };
  const c = known ?? (await getStaffConsultation(db, consultationId));
  const e = env();
  const font = pdfFont();
  hash.update(JSON.stringify([PACKET_LAYOUT_VERSION, e.DEPARTMENT_NAME, font.path, font.name, c ? PHASE_LABELS[publicPhase(c, now)] : null]));
  await feed(`SELECT title, doc_type, status, opens_at, closes_at, basis, division_id, updated_at FROM consultations WHERE id = ?`);
  await feed(`SELECT id, version_no, label, length(source_text) FROM draft_versions WHERE consultation_id = ? ORDER BY id`);
  await feed(
    `SELECT id, receipt_no, received_at, channel, identity_category, name, organisation, email, publish_preference,
            moderation_status, reject_reason, has_pii, published_body, length(body)
     FROM comments WHERE consultation_id = ? ORDER BY id`
  );
  await feed(
    `SELECT l.comment_id, l.article_identity_id, l.source FROM comment_articles l JOIN comments c ON c.id = l.comment_id WHERE c.consultation_id = ? ORDER BY 1, 2, 3`
  );
  await feed(
    `SELECT a.comment_id, a.topic_id, a.campaign_id FROM comment_analysis a JOIN comments c ON c.id = a.comment_id WHERE c.consultation_id = ? ORDER BY 1`
  );
  await feed(`SELECT r.comment_id, r.kind, r.status FROM redactions r JOIN comments c ON c.id = r.comment_id WHERE c.consultation_id = ? ORDER BY r.id`);
  await feed(`SELECT id, label, public_title, representative_ids FROM topics WHERE consultation_id = ? ORDER BY id`);
  await feed(`SELECT id, size, distinct_senders, representative_comment_id FROM campaigns WHERE consultation_id = ? ORDER BY id`);
  await feed(
    `SELECT id, topic_id, comment_id, title, decision, reason, article_identity_id, change_made FROM dispositions WHERE consultation_id = ? ORDER BY id`
  );
  await feed(`SELECT o.comment_id, o.disposition_id FROM opinion_comments o JOIN comments c ON c.id = o.comment_id WHERE c.consultation_id = ? ORDER BY 1`);
  await feed(
    `SELECT f.id, f.comment_id, f.filename, f.size, f.sha256, f.is_public FROM comment_attachments f JOIN comments c ON c.id = f.comment_id
     WHERE c.consultation_id = ? ORDER BY f.id`
  );
  await feed(`SELECT status, body FROM feedback_summaries WHERE consultation_id = ?`);
  await feed(`SELECT submitted_by, submitted_at FROM legal_reviews WHERE consultation_id = ?`);
  // Without a saved summary the packet carries a draft dated today.
  const saved = await raw(db).get(`SELECT 1 FROM feedback_summaries WHERE consultation_id = ? AND trim(body) <> ''`, consultationId);
  if (!saved) hash.update(formatDate(now));
  return hash.digest("hex");
}

export function packetDir(consultationId: number, inputHash: string): string {
  return path.resolve(env().DATA_DIR, "packets", String(consultationId), inputHash);
}

export function packetFilePath(build: Pick<PacketBuild, "consultationId" | "inputHash">, format: PacketFileFormat): string {
  return path.join(packetDir(build.consultationId, build.inputHash), PACKET_FILE_NAMES[format]);
}

function runInWorker(input: PacketWorkerInput): Promise<{ pdfError: string | null }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker("packet-worker", input);
    let settled = false;
    worker.on("message", (m: PacketWorkerMessage) => {
      settled = true;
      if (m.type === "done") resolve({ pdfError: m.pdfError });
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`packet worker exited with code ${code}`));
    });
  });
}

/** Builds run one after another: on a small server, two PDFs at once would only each take twice as long. */
function carryOut(db: Db, build: PacketBuild, now: Date): void {
  const started = Date.now();
  const done = state.queue
    .then(async () => {
      // A version asked for since this one was queued makes it moot: it is dropped unbuilt.
      const newest = (await raw(db).value(`SELECT max(id) FROM packet_builds WHERE consultation_id = ?`, build.consultationId)) as number;
      if (newest !== build.id) return null;
      return runInWorker({
        databasePath: databaseLocation(db),
        consultationId: build.consultationId,
        dir: packetDir(build.consultationId, build.inputHash),
        now: now.getTime(),
      });
    })
    .then(
      async (result) => {
        if (!result) {
          await db.delete(packetBuilds).where(eq(packetBuilds.id, build.id));
          return;
        }
        const { pdfError } = result;
        await db
          .update(packetBuilds)
          .set({ status: "ready", pdfError, finishedAt: new Date(), durationMs: Date.now() - started })
          .where(eq(packetBuilds.id, build.id));
        await removeOlderBuilds(db, build);
      },
      async (error: unknown) => {
        console.error(`[packet] build ${build.id} of consultation ${build.consultationId} failed:`, error);
        await db
          .update(packetBuilds)
          .set({
            status: "failed",
            error: "材料生成失败，请稍后刷新重试；如再次失败，请联系系统管理员。",
            finishedAt: new Date(),
            durationMs: Date.now() - started,
          })
          .where(eq(packetBuilds.id, build.id));
      }
    )
    .finally(() => state.running.delete(build.id));
  state.queue = done;
  state.running.set(build.id, done);
}

/** Older versions' files go once a newer one is ready: only the current packet is kept. */
async function removeOlderBuilds(db: Db, current: PacketBuild): Promise<void> {
  const older = await db
    .select()
    .from(packetBuilds)
    .where(and(eq(packetBuilds.consultationId, current.consultationId), ne(packetBuilds.id, current.id), ne(packetBuilds.status, "building")));
  for (const b of older) {
    fs.rmSync(packetDir(b.consultationId, b.inputHash), { recursive: true, force: true });
    await db.delete(packetBuilds).where(eq(packetBuilds.id, b.id));
  }
}

function filesPresent(build: PacketBuild): boolean {
  return fs.existsSync(packetFilePath(build, "docx"));
}

/**
 * The build of the packet's current version, started now if there is none (or only a failed one
 * more than a minute old, or one left behind by a stopped process). Never waits for the build.
 */
export async function ensurePacketBuild(db: Db, consultationId: number, now = new Date(), known?: Consultation): Promise<PacketBuild> {
  const inputHash = await packetInputHash(db, consultationId, now, known);
  const existing = (
    await db
      .select()
      .from(packetBuilds)
      .where(and(eq(packetBuilds.consultationId, consultationId), eq(packetBuilds.inputHash, inputHash)))
      .limit(1)
  )[0];
  if (existing) {
    const abandoned = existing.status === "building" && (!state.running.has(existing.id) || now.getTime() - existing.startedAt.getTime() > STALE_MS);
    const retry = existing.status === "failed" && now.getTime() - (existing.finishedAt ?? existing.startedAt).getTime() > 60_000;
    const lost = existing.status === "ready" && !filesPresent(existing);
    if (!abandoned && !retry && !lost) return existing;
    const restarted = (
      await db
        .update(packetBuilds)
        .set({ status: "building", error: null, pdfError: null, startedAt: now, finishedAt: null, durationMs: null })
        .where(eq(packetBuilds.id, existing.id))
        .returning()
    )[0];
    carryOut(db, restarted, now);
    return restarted;
  }
  const build = (await db.insert(packetBuilds).values({ consultationId, inputHash, status: "building", startedAt: now }).returning())[0];
  carryOut(db, build, now);
  return build;
}

/** Resolves when every build this process is carrying out has finished (tests, scripts, shutdown). */
export async function packetBuildsSettled(): Promise<void> {
  while (state.running.size) await Promise.allSettled([...state.running.values()]);
}
