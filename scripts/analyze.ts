import { analyzeInParallel } from "~/engine/analyze";
import { fail, parseCliOptions, readRecords, toAnalysisInput } from "./analysis-cli/io";

/**
 * npm run -s analyze -- --input FILE.jsonl [--text-field text] [--tokens] [--draft draft.md] [--seed N]
 * Prints one JSON object: topics, campaigns and per-comment results (contract in docs/analysis.md).
 */
const USAGE = "usage: npm run -s analyze -- --input FILE.jsonl [--text-field text] [--tokens] [--draft draft.md] [--seed N]";

async function main() {
  const options = parseCliOptions(process.argv.slice(2), USAGE);
  const records = await readRecords(options);
  const result = await analyzeInParallel(toAnalysisInput(records, options));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => fail(`analyze failed: ${error instanceof Error ? error.stack : String(error)}`));
