// Seeds the demo into an empty database: `npm run db:seed`. Refuses a database that has users.
import { closeDatabase, describeLocation, migrateDatabase, openDatabaseAt } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/accounts";
import { isDatabaseEmpty, seedDemo } from "~db/seed";
import { env } from "~/platform/env.server";

const e = env();
const db = openDatabaseAt(e.DATABASE);
await migrateDatabase(db);
if (!(await isDatabaseEmpty(db))) {
  console.error(`${describeLocation(e.DATABASE)} already has accounts; the demo is only seeded into an empty database.`);
  process.exit(1);
}
await seedDemo(db);
await closeDatabase(db);
console.log(`Seeded ${describeLocation(e.DATABASE)}. Demo accounts:`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(9)} ${a.password}`);
