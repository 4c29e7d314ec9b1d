import pg from "pg";

// The integration suite on PostgreSQL (`npm run test:pg`): TEST_DATABASE_URL names a server and a
// role that may create databases (scripts/ensure-postgres.mjs provides one on Debian). The run
// migrates one base database; each test file works on its own copy (CREATE DATABASE … TEMPLATE).

export const DEFAULT_TEST_DATABASE_URL = "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres";

/** The server's URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onServer<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Drops a database even while a connection is still open on it. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Creates an empty database as docs/deploy.md says: code-point collation (SQLite's order) and a Unicode
 * ctype (pg_trgm then indexes Chinese characters as letters).
 */
export async function createDatabase(url: string, name: string): Promise<void> {
  await onServer(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`));
}
