import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CAMPAIGN_OPTIONS, findCampaignsAndTopicUnits } from "~/engine/campaigns";
import { joinLetterFamilies } from "~/engine/letter-families";
import { duplicateKey, normalizeText } from "~/engine/normalize";
import { buildComments, loadBenchSource } from "./analysis-corpus";

/**
 * npx tsx scripts/bench/analysis-campaigns.ts [--sizes 50000,100000]
 * The campaign stages alone (near duplicates, then letter families) on the bench's generated comments, so that
 * their share of `npm run bench:analysis` can be followed without the noise of the whole analysis (CPU seconds).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function main(): void {
  const args = process.argv.slice(2);
  const sizesArg = args.indexOf("--sizes");
  const sizes = (sizesArg >= 0 ? args[sizesArg + 1] : "50000").split(",").map(Number);
  const source = loadBenchSource(repoRoot);
  for (const size of sizes) {
    const comments = buildComments(source, size);
    const texts = comments.map((c) => (typeof c.text === "string" ? c.text : ""));
    const senders = comments.map((c) => c.sender ?? null);
    const keys = texts.map((t) => duplicateKey(normalizeText(t)));
    // CPU time of this single-threaded process: on a shared machine it moves far less than the wall clock.
    const cpu = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    };
    const started = cpu();
    const { campaigns } = findCampaignsAndTopicUnits(keys, senders);
    const nearSeconds = cpu() - started;
    const found = joinLetterFamilies(texts, senders, campaigns, DEFAULT_CAMPAIGN_OPTIONS.minChars);
    const familySeconds = cpu() - started - nearSeconds;
    const round = (x: number) => Math.round(x * 100) / 100;
    process.stdout.write(
      `${JSON.stringify({
        size,
        near_duplicate_cpu_seconds: round(nearSeconds),
        family_cpu_seconds: round(familySeconds),
        campaigns: found.campaigns.length,
        in_campaigns: found.campaignOf.filter((c) => c >= 0).length,
      })}\n`
    );
  }
}

main();
