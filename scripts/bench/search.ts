// Public search at demo size and at 100× and 1000× it: `npx tsx scripts/bench/search.ts`.
// The figures behind docs/decisions/0006-chinese-search.md. Each line also gives the ratio to a
// floor measured in the same run (one full scan of the index), so that machines can be compared.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { raw, migrateDatabase, openDatabase } from "~db/client.server";
import { seedDemo } from "~db/seed";
import { findPublicConsultations } from "~/features/consultations/consultation-list.server";
import { searchConsultations } from "~/features/search/search-query.server";
import { rebuildSearchIndex, reindexConsultation } from "~/features/search/search.server";
import { parseQuery } from "~/features/search/search-terms";

const QUERIES = ["军", "就业", "优待", "服务站", "创业担保贷款", "“创业担保贷款”", "15条", "第十五条 贷款", "就业 服务站", "创业贷款", "潜艇兵"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhengqiu-bench-"));
const db = openDatabase(path.join(dir, "bench.db"));
await migrateDatabase(db);
await seedDemo(db, new Date());
const demoIds = (await raw(db).column("SELECT id FROM consultations")) as number[];

function ms(fn: () => unknown, runs = 10): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

async function report(label: string) {
  const count = async (sql: string) => (await raw(db).value(sql)) as number;
  const floor = ms(() => count("SELECT count(*) FROM search_index WHERE length(body) > 0"));
  console.log(
    `${label}: ${await count("SELECT count(*) FROM consultations")} consultations, ` +
      `${await count("SELECT count(*) FROM search_index")} index rows of ${await count("SELECT sum(length(body)) FROM search_index")} characters; ` +
      `floor (full scan) ${floor.toFixed(2)} ms`
  );
  for (const q of QUERIES) {
    const terms = parseQuery(q);
    const search = ms(() => searchConsultations(db, terms));
    const page = ms(() => findPublicConsultations(db, { terms, page: 1 }));
    const hits = (await searchConsultations(db, terms)).hits.size;
    console.log(
      `  ${q.padEnd(8, "\u3000")} search ${search.toFixed(2).padStart(7)} ms (×${(search / floor).toFixed(1)}), ` +
        `whole page ${page.toFixed(2).padStart(7)} ms, ${hits} consultations`
    );
  }
}

/** Copies the demo consultations and their index rows (not their drafts): a bigger index, fast. */
function grow(times: number) {
  const copyConsultation = db.$client.prepare(
    `INSERT INTO consultations (title, doc_type, summary, division_id, author_id, status, basis, opens_at, closes_at)
     SELECT title, doc_type, summary, division_id, author_id, status, basis, opens_at, closes_at
     FROM consultations WHERE id = ? RETURNING id`
  );
  const copyRows = db.$client.prepare(
    `INSERT INTO search_index (rowid, body, consultation_id, field, article_number, label)
     SELECT ? * 100000 + rowid % 100000, body, ?, field, article_number, label FROM search_index WHERE consultation_id = ?`
  );
  db.$client.transaction(() => {
    for (let k = 0; k < times; k++) {
      for (const id of demoIds) {
        const copy = copyConsultation.pluck().get(id) as number;
        copyRows.run(copy, copy, id);
      }
    }
  })();
}

await report("demo");
const open = demoIds[0];
console.log(`  reindexConsultation (22 articles, keywords): ${ms(() => db.transaction((tx) => reindexConsultation(tx, open))).toFixed(1)} ms`);
grow(99);
await report("100× demo");
grow(900);
await report("1000× demo");
const start = performance.now();
await rebuildSearchIndex(db);
console.log(`rebuildSearchIndex at 1000×: ${(performance.now() - start).toFixed(0)} ms`);

db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
