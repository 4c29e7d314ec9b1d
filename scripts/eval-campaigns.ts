import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCampaignsAndTopicUnits, DEFAULT_CAMPAIGN_OPTIONS } from "~/engine/campaigns";
import { joinLetterFamilies } from "~/engine/letter-families";
import { pairPrecisionRecall } from "~/engine/metrics";
import { duplicateKey, normalizeText } from "~/engine/normalize";
import { getPath, toComment } from "~/engine/records";
import { readRecords } from "./analysis-cli/io";

/**
 * npx tsx scripts/eval-campaigns.ts [--misses]   (SHARED_DIR as for npm run eval)
 * The campaign stages alone (exact and near duplicates, letter families) on the labelled campaign sets, in
 * seconds instead of the minutes of `npm run eval`: pairwise precision and recall, and with --misses the
 * letters split from their campaign's largest group and the groups mixing campaigns, to see which class fails.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.SHARED_DIR ?? path.resolve(repoRoot, "..", "shared");
const SETS = [
  { name: "consultation-ebike", input: path.join(repoRoot, "tests/fixtures/consultation-ebike/comments.jsonl"), label: "labels.campaign" },
  { name: "corpus", input: path.join(shared, "corpus/comments.jsonl"), label: "labels.campaign" },
  { name: "regulations.gov form letters", input: path.join(shared, "data/en_regulationsgov_formletter_families.jsonl"), label: "family" },
];

async function main() {
  const showMisses = process.argv.includes("--misses");
  for (const set of SETS) {
    const records = await readRecords({ input: set.input, textField: "text", labelField: null, tokens: false, draft: null, where: null, seed: null });
    const comments = records.map((r, i) => toComment(r, "text", i + 1));
    const texts = comments.map((c) => (typeof c.text === "string" ? c.text : ""));
    const started = performance.now();
    const keys = texts.map((t) => duplicateKey(normalizeText(t)));
    const { campaigns } = findCampaignsAndTopicUnits(
      keys,
      comments.map((c) => c.sender ?? null)
    );
    const found = joinLetterFamilies(
      texts,
      comments.map((c) => c.sender ?? null),
      campaigns,
      DEFAULT_CAMPAIGN_OPTIONS.minChars
    );
    const seconds = (performance.now() - started) / 1000;
    const truth = records.map((r) => {
      const v = getPath(r, set.label);
      return v === null || v === undefined || v === "" ? null : String(v);
    });
    const groups = Array.from(found.campaignOf, (c) => (c >= 0 ? c : null));
    const { precision, recall } = pairPrecisionRecall(truth, groups);
    process.stdout.write(
      `${set.name}: precision ${precision?.toFixed(3)} recall ${recall?.toFixed(3)} (${found.campaigns.length} campaigns, ${seconds.toFixed(2)} s)\n`
    );
    if (!showMisses) continue;
    const byLabel = new Map<string, number[]>();
    truth.forEach((t, i) => t !== null && (byLabel.get(t) ?? byLabel.set(t, []).get(t)!).push(i));
    for (const [label, members] of byLabel) {
      const counts = new Map<number, number>();
      for (const i of members) counts.set(groups[i] ?? -1 - i, (counts.get(groups[i] ?? -1 - i) ?? 0) + 1);
      const main = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      const split = members.filter((i) => (groups[i] ?? -1 - i) !== main);
      if (!split.length) continue;
      process.stdout.write(`\n== ${label}: ${members.length} letters, ${split.length} outside group ${main}\n`);
      const rep = members.find((i) => (groups[i] ?? -1 - i) === main)!;
      process.stdout.write(`  main: ${texts[rep].slice(0, 600).replace(/\n/g, " / ")}\n`);
      for (const i of split.slice(0, 6)) process.stdout.write(`  miss [${groups[i]}]: ${texts[i].slice(0, 600).replace(/\n/g, " / ")}\n`);
    }
    found.campaigns.forEach((c, id) => {
      const labels = new Map<string, number>();
      for (const i of c.members) labels.set(String(truth[i]), (labels.get(String(truth[i])) ?? 0) + 1);
      if (labels.size < 2 && !labels.has("null")) return;
      process.stdout.write(`\n!! group ${id} mixes ${[...labels].map(([l, k]) => `${l}×${k}`).join(", ")}\n`);
      for (const [l] of labels) {
        const i = c.members.find((m) => String(truth[m]) === l)!;
        process.stdout.write(`  ${l}: ${texts[i].slice(0, 300).replace(/\n/g, " / ")}\n`);
      }
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:campaigns failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
