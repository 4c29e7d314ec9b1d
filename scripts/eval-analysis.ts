import fs from "node:fs";
import path from "node:path";
import { analyzeInParallel } from "~/engine/analyze";
import { defaultLabelField, evaluate } from "~/engine/evaluation";
import { titleOverlap } from "~/engine/title-overlap";
import { fail, parseCliOptions, readRecords, toAnalysisInput } from "./analysis-cli/io";
import { takeThemeOptions, themeLabelReader } from "./eval-themes";

/**
 * npm run -s eval:analysis -- --input FILE.jsonl [--text-field text] [--label-field labels.topic] [--tokens]
 *   [--draft draft.md] [--where field=value] [--seed N] [--theme-label-field F] [--theme-map topics.json]
 * Prints one JSON object of evaluation figures (definitions in docs/analysis.md). Themes are scored against the
 * theme labels given (a record field, or a topics file mapping each topic label to its theme), else against the
 * topic labels. Where a topics.json beside the input names the labelled topics ([{ id, name }]), it adds
 * title_overlap.
 */
const USAGE =
  "usage: npm run -s eval:analysis -- --input FILE.jsonl [--text-field text] [--label-field labels.topic] " +
  "[--tokens] [--draft draft.md] [--where field=value] [--seed N] [--theme-label-field F] [--theme-map topics.json]";

async function main() {
  const { labels: themeLabels, rest } = takeThemeOptions(process.argv.slice(2));
  const options = parseCliOptions(rest, USAGE);
  const records = await readRecords(options);
  const input = toAnalysisInput(records, options);
  const started = performance.now();
  const result = await analyzeInParallel(input);
  const seconds = (performance.now() - started) / 1000;
  const labelField = options.labelField ?? defaultLabelField(records);
  const themeLabelOf = themeLabelReader(themeLabels, labelField);
  const figures = evaluate(records, result, labelField, seconds, undefined, themeLabelOf);
  const names = topicNames(path.join(path.dirname(options.input), "topics.json"));
  const overlap = names && labelField ? { title_overlap: titleOverlap(records, result, labelField, names) } : {};
  process.stdout.write(`${JSON.stringify({ ...figures, ...overlap })}\n`);
}

/** The names of a labelled set's topics by id, from its topics.json, or null where there is none. */
function topicNames(file: string): Map<string, string> | null {
  if (!fs.existsSync(file)) return null;
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(parsed)) return null;
  const names = new Map<string, string>();
  for (const t of parsed) if (t && typeof t.id === "string" && typeof t.name === "string") names.set(t.id, t.name);
  return names.size > 0 ? names : null;
}

main().catch((error: unknown) => fail(`eval:analysis failed: ${error instanceof Error ? error.stack : String(error)}`));
