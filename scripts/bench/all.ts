// npm run bench — runs every benchmark in turn (each measures its own floor in the same run) and
// ends with one JSON object gathering their last lines. BENCH_SKIP=analysis,report skips some.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const BENCHES: Array<{ name: string; script: string }> = [
  { name: "intake", script: "scripts/bench/intake.ts" },
  { name: "pageview", script: "scripts/bench/pageview.ts" },
  { name: "analysis", script: "scripts/bench/analysis.ts" },
  { name: "report", script: "scripts/bench/report.ts" },
  { name: "packet", script: "scripts/bench/packet.ts" },
  // PostgreSQL, three instances and nginx (npm run bench:pg): needs the server test:pg uses, and nginx.
  { name: "postgres", script: "scripts/bench/postgres.ts" },
];
const skip = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));

if (!fs.existsSync("build/index.js")) {
  console.error("No build: run `npm run build` first.");
  process.exit(1);
}

const results: Record<string, unknown> = {};
for (const b of BENCHES) {
  if (skip.has(b.name) || !fs.existsSync(b.script)) {
    results[b.name] = null;
    continue;
  }
  console.error(`\n== bench:${b.name}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", b.script], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  process.stderr.write(run.stdout);
  try {
    results[b.name] = JSON.parse(last);
  } catch {
    results[b.name] = { error: `exit ${run.status}: no JSON line`, tail: last.slice(0, 500) };
  }
}
console.log(JSON.stringify({ machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, ...results }));
