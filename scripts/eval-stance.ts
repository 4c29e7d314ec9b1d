import { STANCES, type Stance } from "~/engine/stance";
import { evaluateStance, hasStanceLabels, type StanceFigures } from "~/engine/stance-evaluation";
import type { JsonRecord } from "~/engine/records";
import type { AnalysisResult } from "~/engine/types";

/**
 * The stance section of `npm run eval`: per labelled set, per-class precision / recall / F1, macro-F1, accuracy
 * and the per-article stance accuracy, each the mean over the seeds run, checked against floors kept beside the
 * set's other floors (stance_* keys in scripts/eval-floors.json) and raised by --update-floors.
 */
export const STANCE_METRICS = ["stance_macro_f1", "stance_accuracy", "stance_oppose_recall", "stance_oppose_precision", "article_stance_accuracy"] as const;
type StanceMetric = (typeof STANCE_METRICS)[number];
// The goals of the issue "Analysis a drafting division can sign off", on every labelled set.
const TARGETS: Partial<Record<StanceMetric, number>> = { stance_macro_f1: 0.75, stance_oppose_recall: 0.7 };

const runs = new Map<string, StanceFigures[]>();

export function recordStance(dataset: string, records: readonly JsonRecord[], result: AnalysisResult): void {
  if (!hasStanceLabels(records)) return;
  const figures = evaluateStance(
    records,
    result.comments.map((c) => c.stance),
    result.comments.map((c) => c.article_stances)
  );
  runs.set(dataset, [...(runs.get(dataset) ?? []), figures]);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(3));

function metricOf(f: StanceFigures, metric: StanceMetric): number | null {
  switch (metric) {
    case "stance_macro_f1":
      return f.macro_f1;
    case "stance_accuracy":
      return f.accuracy;
    case "stance_oppose_recall":
      return f.classes.oppose.support > 0 ? f.classes.oppose.recall : null;
    case "stance_oppose_precision":
      return f.classes.oppose.support > 0 ? f.classes.oppose.precision : null;
    case "article_stance_accuracy":
      return f.article_stance_accuracy;
  }
}

/** Prints the stance tables; returns true when a figure fell below its floor. Updates floors in place. */
export function evaluateStanceRuns(floors: Record<string, Partial<Record<string, number>>>, update: boolean, tolerance: number): boolean {
  let failed = false;
  for (const [dataset, list] of runs) {
    const n = list[0].n;
    process.stdout.write(`\nstance on ${dataset} (n=${n}, mean of ${list.length} run${list.length > 1 ? "s" : ""}):\n`);
    const rows = [["class", "labelled", "precision", "recall", "F1"]];
    for (const s of STANCES as readonly Stance[]) {
      const c = list.map((f) => f.classes[s]);
      rows.push([s, String(c[0].support), fmt(mean(c.map((x) => x.precision))), fmt(mean(c.map((x) => x.recall))), fmt(mean(c.map((x) => x.f1)))]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const row of rows) process.stdout.write(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join("  ")}\n`);
    const floor = (floors[dataset] ??= {});
    for (const metric of STANCE_METRICS) {
      const values = list.map((f) => metricOf(f, metric)).filter((v): v is number => v !== null);
      if (values.length === 0) continue;
      const value = mean(values);
      const limit = floor[metric];
      const regressed = limit !== undefined && value < limit;
      if (regressed) failed = true;
      if (update) {
        const proposed = Math.round((value - tolerance) * 1000) / 1000;
        floor[metric] = limit === undefined ? proposed : Math.max(limit, proposed);
      }
      const target = TARGETS[metric];
      const meets = target === undefined ? "" : value >= target ? " (meets target)" : " (below target)";
      const pairs = metric === "article_stance_accuracy" ? ` over ${list[0].article_stance_pairs} (comment, article) pairs` : "";
      process.stdout.write(`  ${metric} ${fmt(value)}${pairs}  floor ${fmt(limit)}  target ${fmt(target)}  ${regressed ? "REGRESSION" : "ok"}${meets}\n`);
    }
  }
  return failed;
}
