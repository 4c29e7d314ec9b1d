// `npm run setup`: migrate the database and, when it is empty and the demo is enabled, seed it.
// Safe to run again: an existing database is only migrated.
import { closeDatabase, describeLocation, migrateDatabase, openDatabaseAt } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/accounts";
import { isDatabaseEmpty, seedDemo } from "~db/seed";
import { env } from "~/platform/env.server";

const e = env();
const db = openDatabaseAt(e.DATABASE);
await migrateDatabase(db);
console.log(`Database ready at ${describeLocation(e.DATABASE)}.`);
if (e.SEED_DEMO && (await isDatabaseEmpty(db))) {
  await seedDemo(db);
  console.log("Demo data seeded. Demo accounts (username / password):");
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(9)} ${a.password}`);
}
await closeDatabase(db);
