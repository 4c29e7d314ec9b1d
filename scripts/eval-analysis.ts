import { analyzeInParallel } from "~/engine/analyze";
import { defaultLabelField, evaluate } from "~/engine/evaluation";
import { fail, parseCliOptions, readRecords, toAnalysisInput } from "./analysis-cli/io";
import { takeThemeOptions, themeLabelReader } from "./eval-themes";

/**
 * npm run -s eval:analysis -- --input FILE.jsonl [--text-field text] [--label-field labels.topic] [--tokens]
 *   [--draft draft.md] [--where field=value] [--seed N] [--theme-label-field F] [--theme-map topics.json]
 * Prints one JSON object of evaluation figures (definitions in docs/analysis.md). Themes are scored against the
 * theme labels given (a record field, or a topics file mapping each topic label to its theme), else against the
 * topic labels.
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
  process.stdout.write(`${JSON.stringify(evaluate(records, result, labelField, seconds, undefined, themeLabelOf))}\n`);
}

main().catch((error: unknown) => fail(`eval:analysis failed: ${error instanceof Error ? error.stack : String(error)}`));
