import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "~/engine/prng";
import { FIXTURE_DRAFT, fixtureComments } from "~/engine/test-fixtures";
import type { AnalysisComment } from "~/engine/types";

/**
 * Benchmark input: comments made by recombining the sentences of a real-looking consultation, so sizes far
 * beyond any fixture keep realistic vocabulary, lengths, campaigns (repeated sentences) and article references.
 * Uses ../shared/corpus when present, else the engine's own test fixture.
 */
export interface BenchSource {
  name: string;
  sentences: string[];
  draft: string;
}

export function loadBenchSource(repoRoot: string): BenchSource {
  const shared = path.resolve(repoRoot, "..", "shared", "corpus");
  const commentsFile = path.join(shared, "comments.jsonl");
  if (fs.existsSync(commentsFile)) {
    const texts = fs
      .readFileSync(commentsFile, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ""));
    return { name: "../shared/corpus", sentences: splitSentences(texts), draft: fs.readFileSync(path.join(shared, "draft.md"), "utf8") };
  }
  return { name: "test fixture", sentences: splitSentences(fixtureComments().map((c) => c.text)), draft: FIXTURE_DRAFT };
}

function splitSentences(texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) for (const s of text.split(/(?<=[。！？!?；;])/)) if (s.trim().length >= 4) out.add(s.trim());
  return [...out];
}

/** n comments of one to four sentences each, deterministic for a given seed. */
export function buildComments(source: BenchSource, n: number, seed = 7): AnalysisComment[] {
  const random = seededRandom(seed);
  const { sentences } = source;
  const comments: AnalysisComment[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const parts = 1 + Math.floor(random() * 4);
    let text = "";
    for (let p = 0; p < parts; p++) text += sentences[Math.floor(random() * sentences.length)];
    comments[i] = { id: `b${i}`, text, sender: `s${Math.floor(random() * n)}` };
  }
  return comments;
}
