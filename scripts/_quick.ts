import fs from "node:fs";
import { findCampaigns } from "~/analysis/campaigns";
import { joinLetterFamilies } from "~/analysis/letter-families";
import { duplicateKey, normalizeText } from "~/analysis/normalize";
import { pairPrecisionRecall } from "~/analysis/metrics";
for (const [file, label] of [["/work/shared/data/en_regulationsgov_formletter_families.jsonl", "family"], ["tests/fixtures/consultation-ebike/comments.jsonl", "campaign"], ["/work/shared/corpus/comments.jsonl", "campaign"]] as const) {
  const rows = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const texts: string[] = rows.map((r) => r.text);
  const truth = rows.map((r) => { const v = label === "family" ? r.family : r.labels?.campaign; return v === null || v === undefined ? null : `${r.docket_document ?? ""}:${v}`; });
  const keys = texts.map((t) => duplicateKey(normalizeText(t)));
  const senders = rows.map((r) => r.email || r.name || null);
  const t0 = performance.now();
  const found = findCampaigns(keys, senders);
  const t1 = performance.now();
  const fam = joinLetterFamilies(texts, senders, found, 20, JSON.parse(process.env.OPT ?? "null") ?? undefined);
  const t2 = performance.now();
  const before = pairPrecisionRecall(truth, Array.from(found.campaignOf, (c) => (c < 0 ? null : String(c))));
  const after = pairPrecisionRecall(truth, Array.from(fam.campaignOf, (c) => (c < 0 ? null : String(c))));
  console.log(file.split("/").pop(), "before", before.precision?.toFixed(3), before.recall?.toFixed(3), "after", after.precision?.toFixed(3), after.recall?.toFixed(3), `ms ${(t1-t0).toFixed(0)} ${(t2-t1).toFixed(0)}`, found.campaigns.length, fam.campaigns.length);
}
