import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeInParallel } from "~/analysis/analyze";
import { evaluate, type EvaluationFigures } from "~/analysis/evaluation";
import { readRecords, toAnalysisInput, type CliOptions } from "./analysis-cli/io";

/**
 * npm run eval [-- --update-floors]
 * Evaluates the analysis on every labelled set of ../shared and fails when a figure falls below its floor in
 * scripts/eval-floors.json (the best figure reached, less a small tolerance), so quality only ratchets up.
 * --update-floors raises floors to the figures just measured, less the tolerance; it never lowers one.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.resolve(repoRoot, "..", "shared");
const floorsFile = path.join(repoRoot, "scripts", "eval-floors.json");
const TOLERANCE = 0.02;
const METRICS = ["nmi", "ari", "campaign_precision", "campaign_recall", "article_accuracy", "pii_recall"] as const;
type Metric = (typeof METRICS)[number] | "pii_false_positive_rate";
type Floors = Record<string, Partial<Record<Metric, number>>>;

interface Dataset {
  name: string;
  options: Omit<CliOptions, "input" | "draft" | "seed"> & { input: string; draft?: string };
  targets: Partial<Record<Metric, number>>;
}

const DATASETS: Dataset[] = [
  {
    name: "corpus",
    options: { input: "corpus/comments.jsonl", draft: "corpus/draft.md", textField: "text", labelField: "labels.topic", tokens: false, where: null },
    targets: { nmi: 0.55, campaign_precision: 0.95, campaign_recall: 0.95, article_accuracy: 0.95, pii_recall: 1, pii_false_positive_rate: 0.02 },
  },
  {
    name: "tipdm-tokens",
    options: { input: "data/zh_tipdm2020c_attach2_full_tokenized_labelled.jsonl", textField: "tokens", labelField: "label", tokens: true, where: null },
    targets: { nmi: 0.54 },
  },
  {
    name: "tipdm-sample",
    options: { input: "data/zh_tipdm2020c_attach2_sample_labelled.jsonl", textField: "text", labelField: "label", tokens: false, where: null },
    targets: { nmi: 0.3 },
  },
  {
    // The data's README recommends moderated == 1 for NMI: the rest holds spam and unmoderated noise.
    name: "polis (moderated=1)",
    options: { input: "data/en_polis_opendata_comments.jsonl", textField: "text", labelField: "conversation", tokens: false, where: { field: "moderated", value: "1" } },
    targets: { nmi: 0.35 },
  },
  {
    name: "polis (all rows)",
    options: { input: "data/en_polis_opendata_comments.jsonl", textField: "text", labelField: "conversation", tokens: false, where: null },
    targets: { nmi: 0.35 },
  },
];

async function measure(dataset: Dataset): Promise<EvaluationFigures> {
  const options: CliOptions = {
    ...dataset.options,
    input: path.join(shared, dataset.options.input),
    draft: dataset.options.draft ? path.join(shared, dataset.options.draft) : null,
    seed: null,
  };
  const records = await readRecords(options);
  const input = toAnalysisInput(records, options);
  const started = performance.now();
  const result = await analyzeInParallel(input);
  return evaluate(records, result, options.labelField, (performance.now() - started) / 1000);
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(3));

async function main() {
  if (!fs.existsSync(shared)) {
    process.stdout.write(`../shared not found (${shared}); analysis evaluation skipped\n`);
    return;
  }
  const update = process.argv.includes("--update-floors");
  const floors: Floors = fs.existsSync(floorsFile) ? JSON.parse(fs.readFileSync(floorsFile, "utf8")) : {};
  const rows: string[][] = [["dataset", "metric", "value", "floor", "target", "status"]];
  let failed = false;
  for (const dataset of DATASETS) {
    const figures = await measure(dataset);
    const floor = (floors[dataset.name] ??= {});
    for (const metric of [...METRICS, "pii_false_positive_rate"] as const) {
      const value = figures[metric];
      if (value === null) continue;
      // For the false-positive rate lower is better, so its "floor" is a ceiling.
      const lowerIsBetter = metric === "pii_false_positive_rate";
      const limit = floor[metric];
      const regressed = limit !== undefined && (lowerIsBetter ? value > limit : value < limit);
      if (regressed) failed = true;
      if (update) {
        const proposed = Math.round((lowerIsBetter ? value + TOLERANCE : value - TOLERANCE) * 1000) / 1000;
        floor[metric] = limit === undefined ? proposed : lowerIsBetter ? Math.min(limit, proposed) : Math.max(limit, proposed);
      }
      const target = dataset.targets[metric];
      const meets = target === undefined ? "" : (lowerIsBetter ? value <= target : value >= target) ? " (meets target)" : " (below target)";
      rows.push([dataset.name, metric, fmt(value), fmt(limit), fmt(target), `${regressed ? "REGRESSION" : "ok"}${meets}`]);
    }
    rows.push([dataset.name, "topics / seconds", `${figures.topics} / ${figures.seconds}`, "", "", `n=${figures.n}`]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c])).join("  ")}\n`);
  if (update) {
    fs.writeFileSync(floorsFile, `${JSON.stringify(floors, null, 2)}\n`);
    process.stdout.write(`floors written to ${path.relative(repoRoot, floorsFile)}\n`);
  }
  if (failed) {
    process.stdout.write("analysis evaluation: a figure fell below its floor\n");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
