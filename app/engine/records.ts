import type { AnalysisComment } from "./types";

/**
 * Reading comment records as the command-line tools receive them: one JSON object per line, fields addressed by
 * dotted paths ("labels.topic"), the id in `id` or else `row`.
 */
export type JsonRecord = Record<string, unknown>;

export interface RecordProblem {
  line: number;
  message: string;
}

/** The value at a dotted path, or undefined. */
export function getPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export type ParsedLine = { kind: "blank" } | { kind: "record"; record: JsonRecord } | { kind: "problem"; problem: RecordProblem };

/** Parses one line of JSONL. */
export function parseRecordLine(line: string, lineNumber: number): ParsedLine {
  const trimmed = line.trim();
  if (trimmed === "") return { kind: "blank" };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { kind: "problem", problem: { line: lineNumber, message: "not a JSON object" } };
    }
    return { kind: "record", record: value as JsonRecord };
  } catch (error) {
    const message = `malformed JSON (${error instanceof Error ? error.message : String(error)})`;
    return { kind: "problem", problem: { line: lineNumber, message } };
  }
}

const SENDER_FIELDS = ["sender", "author", "user", "email", "name"];

export function toComment(record: JsonRecord, textField: string, lineNumber: number): AnalysisComment {
  const id = record.id ?? record.row ?? `line-${lineNumber}`;
  const text = getPath(record, textField);
  let sender: string | null = null;
  for (const field of SENDER_FIELDS) {
    const value = record[field];
    if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") {
      sender = String(value);
      break;
    }
  }
  return { id: String(id), text: typeof text === "string" ? text : text == null ? "" : String(text), sender };
}

/** What is wrong with an input record that is still analysed: reported, never silently accepted. */
export interface InputWarning {
  line: number;
  id: string;
  kind: "duplicate_id" | "missing_text" | "null_text" | "numeric_text" | "not_text" | "empty_text";
  message: string;
}

const lineOf = (record: JsonRecord, index: number) => (typeof record.__line === "number" ? record.__line : index + 1);

/**
 * Checks the records before analysis: an id used twice (the later record gets `<id>#line-<n>`, see uniqueIds), a
 * text that is missing, null, a number or another non-string value, or empty once blanks are trimmed.
 */
export function inputWarnings(records: readonly JsonRecord[], textField: string): InputWarning[] {
  const warnings: InputWarning[] = [];
  const firstLine = new Map<string, number>();
  records.forEach((record, index) => {
    const line = lineOf(record, index);
    const id = String(record.id ?? record.row ?? `line-${line}`);
    const seen = firstLine.get(id);
    if (seen !== undefined) {
      warnings.push({ line, id, kind: "duplicate_id", message: `id "${id}" was already used on line ${seen}; analysed as "${id}#line-${line}"` });
    } else firstLine.set(id, line);
    const text = getPath(record, textField);
    const warn = (kind: InputWarning["kind"], message: string) => warnings.push({ line, id, kind, message });
    if (text === undefined) warn("missing_text", `no "${textField}" field; analysed as an empty comment`);
    else if (text === null) warn("null_text", `"${textField}" is null; analysed as an empty comment`);
    else if (typeof text === "number") warn("numeric_text", `"${textField}" is the number ${text}, not a text; analysed as "${text}"`);
    else if (typeof text !== "string") warn("not_text", `"${textField}" is ${Array.isArray(text) ? "a list" : typeof text}, not a text`);
    else if (text.trim() === "") warn("empty_text", `"${textField}" is empty`);
  });
  return warnings;
}

/** The comments with every repeated id made unique by its line (`c7#line-12`), as inputWarnings reports. */
export function uniqueIds<T extends { id: string }>(comments: readonly T[], lines: readonly number[]): T[] {
  const seen = new Set<string>();
  return comments.map((c, i) => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      return c;
    }
    const id = `${c.id}#line-${lines[i]}`;
    seen.add(id);
    return { ...c, id };
  });
}

/** One line per kind: "2 duplicate ids, 1 null text". */
export function summariseWarnings(warnings: readonly InputWarning[]): string {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind.replace("_", " ")}${n === 1 ? "" : "s"}`).join(", ");
}
