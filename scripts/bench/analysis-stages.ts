import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeInParallel } from "~/engine/analyze";
import type { AnalysisProgress } from "~/engine/types";
import { buildComments, loadBenchSource } from "./analysis-corpus";

/**
 * npx tsx scripts/bench/analysis-stages.ts [50000,100000]
 * Where the time of one analysis goes: the bench input of each size analysed as the worker does
 * (analyzeInParallel), with the seconds and the CPU seconds (all threads) spent from each progress stage to the
 * next. `prepare` and `comments` run on every core; `campaigns`, `topics` and `labels` on one. CPU seconds move
 * less than seconds on a shared machine. One JSON object per size.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "50000,100000").split(",").map(Number);
  const source = loadBenchSource(repoRoot);
  for (const size of sizes) {
    const comments = buildComments(source, size);
    const seconds: Record<string, number> = {};
    const cpu: Record<string, number> = {};
    let stage: AnalysisProgress["stage"] | null = null;
    let since = performance.now();
    let cpuSince = process.cpuUsage();
    const close = () => {
      if (stage === null) return;
      const used = process.cpuUsage(cpuSince);
      seconds[stage] = round((seconds[stage] ?? 0) + (performance.now() - since) / 1000);
      cpu[stage] = round((cpu[stage] ?? 0) + (used.user + used.system) / 1e6);
    };
    const started = performance.now();
    await analyzeInParallel({ comments, draft: source.draft }, (progress) => {
      if (progress.stage === stage) return;
      close();
      stage = progress.stage;
      since = performance.now();
      cpuSince = process.cpuUsage();
    });
    close();
    const total = round((performance.now() - started) / 1000);
    process.stdout.write(`${JSON.stringify({ size, seconds: total, stages: seconds, cpu_seconds: cpu, source: source.name })}\n`);
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

void main();
