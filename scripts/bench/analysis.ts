import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeInParallel } from "~/engine/analyze";
import { createSegmenter } from "~/engine/segment";
import { buildComments, loadBenchSource } from "./analysis-corpus";

/**
 * npm run bench:analysis [-- --sizes 10000,100000,1000000]
 * Runs the whole analysis (as the worker does: analyzeInParallel) on 10k, 100k and 1M generated comments, each
 * size in its own process (4 GB heap limit) so that its peak memory, helper threads included, is its own. The
 * floor, measured first in the same process, is what any Chinese analysis must do at least: jieba cutting every
 * comment once, on one thread; `ratio` is analysis time over floor time, which a noisy shared machine moves less
 * than the seconds. The last line of output is one JSON object.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TARGETS: Record<number, number> = { 100_000: 15, 1_000_000: 180 };

async function runOne(size: number): Promise<void> {
  const source = loadBenchSource(repoRoot);
  const comments = buildComments(source, size);
  const segmenter = createSegmenter();
  const floorStarted = performance.now();
  let words = 0;
  for (const comment of comments) words += segmenter.cut(comment.text).length;
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  const started = performance.now();
  const result = await analyzeInParallel({ comments, draft: source.draft });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${JSON.stringify({
      size,
      seconds: round(seconds),
      floor_seconds: round(floorSeconds),
      ratio: round(seconds / floorSeconds),
      words,
      peak_rss_mb: peakMb,
      topics: result.topics.length,
      campaigns: result.campaigns.length,
      source: source.name,
    })}\n`
  );
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const one = args.indexOf("--one");
  if (one >= 0) return runOne(Number(args[one + 1]));
  const sizesArg = args.indexOf("--sizes");
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(",").map(Number) : [10_000, 100_000, 1_000_000];
  const results: Record<string, { seconds: number; ratio: number; peak_rss_mb: number; within_target: boolean | null }> = {};
  for (const size of sizes) {
    const child = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", fileURLToPath(import.meta.url), "--one", String(size)], {
      cwd: repoRoot,
      encoding: "utf8",
      maxBuffer: 1 << 20,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      process.stderr.write(`size ${size}: failed (exit ${child.status})\n`);
      process.exitCode = 1;
      continue;
    }
    const run = JSON.parse(line) as { seconds: number; ratio: number; peak_rss_mb: number };
    const target = TARGETS[size];
    results[String(size)] = {
      seconds: run.seconds,
      ratio: run.ratio,
      peak_rss_mb: run.peak_rss_mb,
      within_target: target === undefined ? null : run.seconds <= target && run.peak_rss_mb <= 4096,
    };
    process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

void main();
