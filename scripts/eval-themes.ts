import fs from "node:fs";
import { getPath, type JsonRecord } from "~/engine/records";

/**
 * Where the evaluation reads each record's theme label. A set with two levels of labels names its coarser one:
 * a field of the record (`field`), or a topics file listing `{ "id", "theme" }` per topic label (`map`, as
 * tests/fixtures/consultation-ebike/topics.json), read through the record's topic label. A set with one level
 * gives neither, and its themes are scored against the topic labels.
 */
export interface ThemeLabels {
  field?: string;
  map?: string;
}

export function themeLabelReader(labels: ThemeLabels, topicLabelField: string | null): ((record: JsonRecord) => string | null) | null {
  if (labels.map) {
    const topics = JSON.parse(fs.readFileSync(labels.map, "utf8")) as { id: string; theme?: string }[];
    const themeOf = new Map(topics.map((t) => [t.id, t.theme ?? t.id]));
    const field = labels.field ?? topicLabelField;
    if (!field) throw new Error("a theme map needs the topic label field it maps");
    return (record) => {
      const topic = getPath(record, field);
      return topic === undefined || topic === null ? null : themeOf.get(String(topic)) ?? String(topic);
    };
  }
  if (labels.field) {
    const field = labels.field;
    return (record) => {
      const value = getPath(record, field);
      return value === undefined || value === null ? null : String(value);
    };
  }
  return null;
}

/** Takes --theme-label-field F and --theme-map FILE out of the arguments; the rest are the usual options. */
export function takeThemeOptions(argv: string[]): { labels: ThemeLabels; rest: string[] } {
  const labels: ThemeLabels = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === "--theme-label-field" || flag === "--theme-map") {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} expects a value`);
      if (flag === "--theme-map") labels.map = value;
      else labels.field = value;
    } else rest.push(argv[i]);
  }
  return { labels, rest };
}
