import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// The built server (server/index.ts, bundled to build/server.js) with TRUST_PROXY set, probed by real requests carrying
// forged X-Forwarded-For headers: the per-address comment limit (3 here) shows whose address the
// server saw. Each server gets a port the operating system says is free.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let n = 0;
const comment = (base: string, forwardedFor: string) =>
  fetch(`${base}/consultations/1`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwardedFor },
    body: new URLSearchParams({
      body: `代理测试 ${++n}`,
      identityCategory: "军属",
      publishPreference: "anonymous",
      consent: "on",
      idempotencyKey: `trust-proxy-${n}-abcdefghijkl`,
    }),
  }).then((r) => r.status);

test("without TRUST_PROXY a forged X-Forwarded-For changes nothing", async () => {
  const server = await startOwnServer(freePortSync(), "trust-proxy-off", { COMMENT_LIMIT_PER_IP: "3" });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await comment(server.base, `203.0.113.${i}`));
    expect(statuses).toEqual([303, 303, 303, 429, 429, 429]);
  } finally {
    server.stop();
  }
});

test("with TRUST_PROXY=1 only the proxy's own entry names the client", async () => {
  const server = await startOwnServer(freePortSync(), "trust-proxy-hop", { COMMENT_LIMIT_PER_IP: "3", TRUST_PROXY: "1" });
  try {
    // The client forges entries; the proxy (here the test, on 127.0.0.1) appends the address it saw.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await comment(server.base, `6.6.6.${i}, 198.51.100.1`));
    expect(statuses).toEqual([303, 303, 303, 429, 429, 429]);
    // Another client behind the same proxy is a different address.
    expect(await comment(server.base, "198.51.100.2")).toBe(303);
  } finally {
    server.stop();
  }
});

test("TRUST_PROXY=true refuses to start, saying what to set instead", async () => {
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(freePortSync()),
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      SEED_DEMO: "false",
      DATA_DIR: path.join(root, "tests", ".tmp-e2e", "trust-proxy-true"),
      TRUST_PROXY: "true",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  expect(stderr).toMatch(/TRUST_PROXY: no longer accepts "true"/);
  expect(stderr).toMatch(/TRUST_PROXY=1/);
});
