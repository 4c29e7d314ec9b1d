// Before the browser tests: make sure a Chromium is there. Playwright cannot download its own
// browser on every network, so we use Debian's (`apt-get install chromium`) unless CHROMIUM_PATH
// names another one. An empty CHROMIUM_PATH means "use Playwright's own browser".
import { execSync } from "node:child_process";
import fs from "node:fs";

const configured = process.env.CHROMIUM_PATH;
if (configured !== undefined) {
  if (configured === "" || fs.existsSync(configured)) process.exit(0);
  console.error(`CHROMIUM_PATH=${configured} does not exist.`);
  process.exit(1);
}
if (fs.existsSync("/usr/bin/chromium")) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (isRoot && hasApt) {
  console.log("Installing Debian's chromium for the browser tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  process.exit(0);
}
console.error(
  "No Chromium found for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`),\n" +
    "set CHROMIUM_PATH to a Chromium or Chrome binary, or set CHROMIUM_PATH= (empty) after `npx playwright install chromium`."
);
process.exit(1);
