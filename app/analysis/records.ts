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
