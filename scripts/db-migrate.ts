// Applies the committed migrations to DATABASE_PATH (the app also does this on start).
import { migrateDatabase, openDatabase } from "~db/client.server";
import { env } from "~/platform/env.server";

const e = env();
const db = openDatabase(e.DATABASE_PATH);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${e.DATABASE_PATH}`);
