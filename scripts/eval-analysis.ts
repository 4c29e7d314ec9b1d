import { analyzeInParallel } from "~/engine/analyze";
import { defaultLabelField, evaluate } from "~/engine/evaluation";
import { fail, parseCliOptions, readRecords, toAnalysisInput } from "./analysis-cli/io";

/**
 * npm run -s eval:analysis -- --input FILE.jsonl [--text-field text] [--label-field labels.topic] [--tokens]
 *   [--draft draft.md] [--where field=value] [--seed N]
 * Prints one JSON object of evaluation figures (definitions in docs/analysis.md).
 */
const USAGE =
  "usage: npm run -s eval:analysis -- --input FILE.jsonl [--text-field text] [--label-field labels.topic] " +
  "[--tokens] [--draft draft.md] [--where field=value] [--seed N]";

async function main() {
  const options = parseCliOptions(process.argv.slice(2), USAGE);
  const records = await readRecords(options);
  const input = toAnalysisInput(records, options);
  const started = performance.now();
  const result = await analyzeInParallel(input);
  const seconds = (performance.now() - started) / 1000;
  const labelField = options.labelField ?? defaultLabelField(records);
  process.stdout.write(`${JSON.stringify(evaluate(records, result, labelField, seconds))}\n`);
}

main().catch((error: unknown) => fail(`eval:analysis failed: ${error instanceof Error ? error.stack : String(error)}`));
