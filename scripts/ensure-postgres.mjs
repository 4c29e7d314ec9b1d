// Before the PostgreSQL tests: make sure a PostgreSQL server answers at ZQ_TEST_PG_SERVER (by default a
// local one with a `zhengqiu` role that may create databases). On Debian as root, installs Debian's
// postgresql (with pg_trgm) when missing, starts its cluster and creates the role; elsewhere it says
// what to do. Exits 0 when the server is ready.
import { execSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

export const DEFAULT_SERVER = "postgres://zhengqiu:zhengqiu@127.0.0.1:5432/postgres";
const url = process.env.ZQ_TEST_PG_SERVER || DEFAULT_SERVER;

async function answers() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (await answers()) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot || !fs.existsSync("/usr/bin/apt-get") || url !== DEFAULT_SERVER) {
  console.error(
    `No PostgreSQL answers at ${url.replace(/:[^:@/]*@/, ":***@")}.\n` +
      "Start one (Debian: `sudo apt-get install postgresql postgresql-contrib`, then `sudo pg_ctlcluster 15 main start`) with a role\n" +
      "that may create databases, e.g. `CREATE ROLE zhengqiu LOGIN SUPERUSER PASSWORD 'zhengqiu'`, or set ZQ_TEST_PG_SERVER to a server's URL."
  );
  process.exit(1);
}

const sh = (command) => execSync(command, { stdio: "inherit" });
const versions = () => (fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort() : []);
if (versions().length === 0) {
  console.log("Installing Debian's PostgreSQL for the PostgreSQL tests…");
  sh("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null");
}
const version = versions().at(-1);
const clusters = execSync("pg_lsclusters -h", { encoding: "utf8" }).trim();
if (!clusters.split("\n").some((l) => l.startsWith(`${version} main`))) sh(`pg_createcluster ${version} main --locale C.UTF-8`);
if (!/online/.test(execSync(`pg_lsclusters -h ${version} main`, { encoding: "utf8" }))) sh(`pg_ctlcluster ${version} main start`);
sh(
  `su postgres -c "psql -q -c \\"DO \\\\$\\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zhengqiu') THEN CREATE ROLE zhengqiu LOGIN SUPERUSER PASSWORD 'zhengqiu'; END IF; END \\\\$\\\\$;\\""`
);
for (let i = 0; i < 30 && !(await answers()); i++) await new Promise((r) => setTimeout(r, 500));
if (!(await answers())) {
  console.error(`PostgreSQL ${version} was started but does not answer at ${DEFAULT_SERVER}.`);
  process.exit(1);
}
