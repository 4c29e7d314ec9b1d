// Applies the committed migrations to DATABASE_PATH (the app also does this on start).
import { closeDatabase, describeLocation, migrateDatabase, openDatabaseAt } from "~db/client.server";
import { env } from "~/platform/env.server";

const e = env();
const db = openDatabaseAt(e.DATABASE);
await migrateDatabase(db);
await closeDatabase(db);
console.log(`Migrated ${describeLocation(e.DATABASE)}`);
