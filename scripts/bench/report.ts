import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { raw, migrateDatabase, openDatabase } from "~db/client.server";
import { seedDemo } from "~db/seed";
import { registerCsvChunks } from "~/features/packet/writers/csv";
import { writePacketDocx } from "~/features/packet/writers/docx.server";
import { writeRegisterXlsx } from "~/features/packet/writers/xlsx.server";
import { loadPacket } from "~/features/packet/packet.server";
import { registerRows } from "~/features/packet/register.server";
import { draftSummary } from "~/features/responses/summary-draft";
import { summaryData } from "~/features/responses/summary.server";
import { buildReportConsultation } from "./report-corpus";

/**
 * npm run bench:report [-- --size 100000] [-- --keep]
 * Builds a closed consultation of 100,000 comments, then makes its feedback summary, the legality-
 * review packet's DOCX and the register's XLSX, each in a process of its own so that its peak
 * memory is its own. The floor is the same register written as one plain CSV string. The last line
 * of output is one JSON object; the target is 10 s for each step.
 */
const TARGET_SECONDS = 10;
const STEPS = ["floor", "summary", "docx", "xlsx"] as const;
type Step = (typeof STEPS)[number];
type StepResult = { seconds: number; peak_rss_mb: number; start_rss_mb: number; bytes: number };

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function runStep(step: Step, file: string, id: number, outDir: string): Promise<StepResult> {
  const db = openDatabase(file);
  const startRss = process.memoryUsage().rss;
  const started = performance.now();
  let bytes = 0;
  if (step === "floor") {
    let csv = "";
    for await (const chunk of registerCsvChunks(registerRows(db, id, "internal"))) csv += chunk;
    bytes = Buffer.byteLength(csv);
  } else if (step === "summary") {
    const text = draftSummary((await summaryData(db, id, "辽宁省退役军人事务厅"))!);
    bytes = Buffer.byteLength(text);
    // Saved after the clock stops, as a drafter would before submitting: the DOCX step uses it.
    const seconds = (performance.now() - started) / 1000;
    await raw(db).run(`INSERT INTO feedback_summaries (consultation_id, body, author_id) SELECT ?, ?, author_id FROM consultations WHERE id = ?`, id, text, id);
    return { seconds, peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024), start_rss_mb: mb(startRss), bytes };
  } else {
    const out = fs.createWriteStream(path.join(outDir, `report.${step}`));
    if (step === "docx") await writePacketDocx(out, (await loadPacket(db, id))!, registerRows(db, id, "internal"));
    else await writeRegisterXlsx(out, registerRows(db, id, "internal"), { title: "测试", internal: true });
    out.end();
    await finished(out);
    bytes = fs.statSync(out.path).size;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024), start_rss_mb: mb(startRss), bytes };
}

async function build(size: number, dir: string): Promise<{ file: string; id: number }> {
  const file = path.join(dir, "report.db");
  const db = openDatabase(file);
  await migrateDatabase(db);
  await seedDemo(db, new Date());
  const started = performance.now();
  const { consultationId } = await buildReportConsultation(db, size);
  process.stdout.write(`built a consultation of ${size} comments in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})\n`);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return { file, id: consultationId };
}

async function main(): Promise<void> {
  const step = arg("--step") as Step | undefined;
  if (step) {
    const result = await runStep(step, arg("--db")!, Number(arg("--id")), arg("--out")!);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const size = Number(arg("--size") ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhengqiu-report-"));
  const { file, id } = await build(size, dir);
  const results = {} as Record<Step, StepResult & { within_target: boolean }>;
  for (const s of STEPS) {
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--step", s, "--db", file, "--id", String(id), "--out", dir],
      {
        encoding: "utf8",
        maxBuffer: 1 << 20,
        stdio: ["ignore", "pipe", "inherit"],
      }
    );
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) throw new Error(`step ${s} failed (exit ${child.status})`);
    const r = JSON.parse(line) as StepResult;
    results[s] = { ...r, seconds: Math.round(r.seconds * 100) / 100, within_target: r.seconds <= TARGET_SECONDS };
    process.stdout.write(
      `${s.padEnd(8)} ${r.seconds.toFixed(2).padStart(6)} s  peak ${String(r.peak_rss_mb).padStart(5)} MB  (process at start ${r.start_rss_mb} MB)  ${(
        r.bytes / 1e6
      ).toFixed(1)} MB out\n`
    );
  }
  const ratio = (s: Step) => Math.round((results[s].seconds / results.floor.seconds) * 10) / 10;
  process.stdout.write(
    `ratios to the floor (the register as a plain CSV string): summary ×${ratio("summary")}, docx ×${ratio("docx")}, xlsx ×${ratio("xlsx")}\n`
  );
  if (!process.argv.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  const ok = STEPS.every((s) => results[s].within_target);
  if (!ok) process.exitCode = 1;
  process.stdout.write(
    `${JSON.stringify({
      comments: size,
      target_seconds: TARGET_SECONDS,
      summary: results.summary,
      docx: results.docx,
      xlsx: results.xlsx,
      floor_csv: results.floor,
      ratio_to_floor: { summary: ratio("summary"), docx: ratio("docx"), xlsx: ratio("xlsx") },
      within_target: ok,
    })}\n`
  );
}

await main();
