import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectPii } from "~/engine/pii";

/**
 * npx tsx scripts/bench/pii.ts — detectPii over 10,000 real Chinese public messages (../shared's corpus and
 * TipDM messages, repeated; SHARED_DIR overrides ../shared), with and without name tagging.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const shared = process.env.SHARED_DIR ?? path.resolve(repoRoot, "..", "shared");
const SOURCES = [
  "corpus/comments.jsonl",
  "data/zh_tipdm2020c_attach2_sample_labelled.jsonl",
  "data/zh_tipdm2020c_attach3_hot_issue_messages.jsonl",
  "data/zh_tipdm2020c_attach4_messages_with_replies.jsonl",
];
const N = 10_000;

function texts(): string[] {
  const out: string[] = [];
  for (const source of SOURCES) {
    const file = path.join(shared, source);
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === "string") out.push(row.text);
    }
  }
  if (out.length === 0) {
    const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, "app", "engine", "pii-fixture.json"), "utf8")) as { text: string }[];
    out.push(...fixture.map((c) => c.text));
  }
  return Array.from({ length: N }, (_, i) => out[i % out.length]);
}

const sample = texts();
const chars = sample.reduce((sum, t) => sum + t.length, 0);

function measure(label: string, names: boolean) {
  for (const t of sample.slice(0, 200)) detectPii(t, { names }); // warm-up
  const runs: number[] = [];
  let found = 0;
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    found = 0;
    for (const t of sample) found += detectPii(t, { names }).length;
    runs.push(performance.now() - started);
  }
  const best = Math.min(...runs);
  process.stdout.write(
    `detectPii ${label}: ${sample.length} comments (${(chars / sample.length).toFixed(0)} chars on average), best of 3: ` +
      `${best.toFixed(0)} ms (${((best * 1000) / sample.length).toFixed(1)} µs per comment), ${found} spans\n`
  );
}

measure("without names (analysis engine)", false);
measure("with names (moderation, publication)", true);
