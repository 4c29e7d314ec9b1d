import { migrateDatabase } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/accounts";
import { isDatabaseEmpty, seedDemo } from "~db/seed";
import { ensureSearchIndex } from "~/features/search/index.server";
import { ensureDefaultIdentityCategories } from "~/features/comments/index.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { startBackground } from "./background.server";

let booting: Promise<void> | undefined;

/** Runs once per process before the first request: environment, migrations, demo data. */
export function boot(): Promise<void> {
  booting ??= start();
  return booting;
}

async function start(): Promise<void> {
  const e = env();
  const db = getDb();
  await migrateDatabase(db); // under the database's lock: of several instances starting at once, the first migrates
  await ensureSearchIndex(db);
  if (e.SEED_DEMO && (await isDatabaseEmpty(db))) {
    await seedDemo(db);
    console.log("[zhengqiu] Demo data seeded. Demo accounts (username / password):");
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(9)} ${a.password.padEnd(20)} ${a.displayName}`);
  }
  // After the seed, which writes the same defaults: databases from before a default existed get it.
  const added = await ensureDefaultIdentityCategories(db);
  if (added.length) console.log(`[zhengqiu] Identity categories added to the comment form: ${added.join("、")}`);
  // The outbox sender, the scheduler and the analysis runner (docs/decisions/0007, 0031), unless another
  // process carries them out (JOBS=off with `npm run worker`). Tests never call boot().
  if (e.JOBS === "inline") await startBackground(db);
}
