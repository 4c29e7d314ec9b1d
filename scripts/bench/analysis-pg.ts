// Part of `npm run bench:pg`: the analysis of 100,000 comments read from PostgreSQL, as a run does it
// (gatherAnalysisInput, then analyzeInParallel), next to the floor bench:analysis uses (jieba cutting every
// comment once) in the same process. Its own process: the schema is built for PostgreSQL when it loads.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildComments, loadBenchSource } from "./analysis-corpus";

const SERVER = process.env.ZQ_TEST_PG_SERVER || "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres";
const SIZE = Number(process.env.BENCH_ANALYSIS_COMMENTS ?? 100_000);
const NAME = `zq_bench_analysis_${process.pid}`;
const { createDatabase, dropDatabase, withDatabase } = await import("../../tests/setup/postgres");
process.env.DATABASE_URL = withDatabase(SERVER, NAME);

const { closeDatabase, migrateDatabase, openDatabaseAt, raw } = await import("~db/client.server");
const { seedDemo } = await import("~db/seed");
const { gatherAnalysisInput } = await import("~/features/analysis/analysis-input.server");
const { analyzeInParallel } = await import("~/engine/analyze");
const { createSegmenter } = await import("~/engine/segment");

const round = (x: number) => Math.round(x * 100) / 100;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

await dropDatabase(SERVER, NAME);
await createDatabase(SERVER, NAME);
const db = openDatabaseAt(process.env.DATABASE_URL);
try {
  await migrateDatabase(db);
  await seedDemo(db);
  const source = loadBenchSource(repoRoot);
  const comments = buildComments(source, SIZE);
  const BATCH = 2000;
  for (let i = 0; i < comments.length; i += BATCH) {
    const part = comments.slice(i, i + BATCH);
    await raw(db).run(
      `INSERT INTO comments (consultation_id, receipt_no, check_code_hash, body, body_normalized, identity_category, email, received_at)
       VALUES ${part.map(() => "(1, ?, 'x', ?, ?, '退役军人', ?, ?)").join(", ")}`,
      ...part.flatMap((c, k) => [`BA-${i + k}`, c.text, c.text.normalize("NFKC"), `${c.sender}@example.org`, new Date(Date.now() - (i + k) * 1000)])
    );
  }
  await raw(db).run("ANALYZE");

  const segmenter = createSegmenter();
  const floorStarted = performance.now();
  for (const c of comments) segmenter.cut(c.text);
  const floorSeconds = (performance.now() - floorStarted) / 1000;

  const readStarted = performance.now();
  const { input } = await gatherAnalysisInput(db, 1);
  const readSeconds = (performance.now() - readStarted) / 1000;
  const started = performance.now();
  const result = await analyzeInParallel(input);
  const analysisSeconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      comments: input.comments.length,
      read_seconds: round(readSeconds),
      analysis_seconds: round(analysisSeconds),
      total_seconds: round(readSeconds + analysisSeconds),
      floor_seconds: round(floorSeconds),
      ratio: round((readSeconds + analysisSeconds) / floorSeconds),
      topics: result.topics.length,
      source: source.name,
    })
  );
} finally {
  await closeDatabase(db);
  await dropDatabase(SERVER, NAME);
}
