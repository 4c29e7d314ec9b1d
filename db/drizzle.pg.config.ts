import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations, generated from the same db/schema.ts: the schema builds pg-core tables
// when DATABASE_URL names PostgreSQL (db/columns.ts), so it is set before drizzle-kit loads it.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) process.env.DATABASE_URL = "postgres://localhost/zhengqiu";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL! },
});
