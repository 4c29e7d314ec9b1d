// Before the cluster test: make sure Debian's nginx is there (NGINX_PATH names another binary). Installs
// it with apt-get when run as root on Debian/Ubuntu; the test starts its own nginx with its own config.
import { execSync } from "node:child_process";
import fs from "node:fs";

const binary = process.env.NGINX_PATH || "/usr/sbin/nginx";
if (fs.existsSync(binary)) process.exit(0);
if (process.env.NGINX_PATH) {
  console.error(`NGINX_PATH=${binary} does not exist.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
  console.log("Installing Debian's nginx for the cluster test…");
  // The package's own service is not wanted: the test runs nginx with its own configuration.
  execSync(
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null",
    {
      stdio: "inherit",
    }
  );
  execSync("(service nginx stop || true) >/dev/null 2>&1", { stdio: "inherit" });
  process.exit(0);
}
console.error("No nginx found for the cluster test. Install it (Debian/Ubuntu: `sudo apt-get install nginx`) or set NGINX_PATH.");
process.exit(1);
