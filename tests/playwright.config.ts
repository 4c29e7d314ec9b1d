import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { freePortsSync } from "./setup/free-port";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Free ports chosen once by the runner; its workers inherit them through the environment.
if (!process.env.E2E_PORT || !process.env.E2E_SMTP_PORT) {
  const [app, smtp] = freePortsSync(2);
  process.env.E2E_PORT ??= String(app);
  process.env.E2E_SMTP_PORT ??= String(smtp);
}
export const E2E_PORT = Number(process.env.E2E_PORT);

// Debian's chromium by default (Playwright cannot download its own browser here);
// CHROMIUM_PATH overrides it, and an empty value falls back to Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: path.join(root, "tests/e2e"),
  // One folder per port, so that runs on different ports (several engineers at once) never collide.
  outputDir: path.join(root, "test-results", `port-${E2E_PORT}`),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath || undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node tests/setup/e2e-server.mjs",
    cwd: root,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(E2E_PORT), SMTP_PORT: String(process.env.E2E_SMTP_PORT), HOST: "127.0.0.1" },
  },
});
