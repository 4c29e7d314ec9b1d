import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { getPath, inputWarnings, parseRecordLine, summariseWarnings, toComment, uniqueIds, type JsonRecord } from "~/engine/records";
import type { AnalysisInput } from "~/engine/types";

/** Argument parsing and input reading shared by `npm run analyze` and `npm run eval:analysis`. */
export interface CliOptions {
  input: string;
  textField: string;
  labelField: string | null;
  tokens: boolean;
  draft: string | null;
  where: { field: string; value: string } | null;
  /** the analysis seed; null for the engine's fixed default */
  seed: number | null;
}

export function parseCliOptions(argv: string[], usage: string): CliOptions {
  try {
    return readOptions(argv, usage);
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 2);
  }
}

function readOptions(argv: string[], usage: string): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string" },
      "text-field": { type: "string", default: "text" },
      "label-field": { type: "string" },
      tokens: { type: "boolean", default: false },
      draft: { type: "string" },
      where: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help || !values.input) fail(usage, values.help ? 0 : 2);
  const where = values.where?.match(/^([^=]+)=(.*)$/);
  if (values.where && !where) fail(`--where expects field=value, got "${values.where}"\n${usage}`, 2);
  if (values.seed !== undefined && !/^\d{1,9}$/.test(values.seed)) fail(`--seed expects a whole number, got "${values.seed}"\n${usage}`, 2);
  return {
    input: values.input!,
    textField: values["text-field"]!,
    labelField: values["label-field"] ?? null,
    tokens: values.tokens ?? false,
    draft: values.draft ?? null,
    where: where ? { field: where[1], value: where[2] } : null,
    seed: values.seed === undefined ? null : Number(values.seed),
  };
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Reads the JSONL input; malformed lines are reported on stderr with their line number and skipped. */
export async function readRecords(options: CliOptions): Promise<JsonRecord[]> {
  if (!fs.existsSync(options.input)) fail(`input file not found: ${options.input}`);
  const records: JsonRecord[] = [];
  let lineNumber = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(options.input, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber++;
    const parsed = parseRecordLine(line, lineNumber);
    if (parsed.kind === "problem") {
      process.stderr.write(`${options.input}:${parsed.problem.line}: ${parsed.problem.message}; line skipped\n`);
    } else if (parsed.kind === "record") {
      const record = parsed.record;
      if (options.where && String(getPath(record, options.where.field)) !== options.where.value) continue;
      records.push(Object.assign(record, { __line: lineNumber }));
    }
  }
  return records;
}

// Beyond this many, the warnings are summed up rather than listed.
const MAX_LISTED_WARNINGS = 20;

export function toAnalysisInput(records: JsonRecord[], options: CliOptions): AnalysisInput {
  const warnings = inputWarnings(records, options.textField);
  for (const w of warnings.slice(0, MAX_LISTED_WARNINGS)) process.stderr.write(`${options.input}:${w.line}: warning: ${w.message}\n`);
  if (warnings.length > 0) process.stderr.write(`${options.input}: ${warnings.length} warning(s): ${summariseWarnings(warnings)}\n`);
  const lines = records.map((record, i) => (typeof record.__line === "number" ? record.__line : i + 1));
  const comments = uniqueIds(
    records.map((record, i) => toComment(record, options.textField, lines[i])),
    lines
  );
  const draft = options.draft ? readDraft(options.draft) : null;
  return { comments, draft, pretokenized: options.tokens, ...(options.seed === null ? {} : { seed: options.seed }) };
}

function readDraft(file: string): string {
  if (!fs.existsSync(file)) fail(`draft file not found: ${file}`);
  return fs.readFileSync(file, "utf8");
}
