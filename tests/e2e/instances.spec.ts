import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { login } from "./fixtures";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// Two `npm start`s on one SQLite file (docs/decisions/0031): A carries out the background work, B runs with
// JOBS=off and only serves pages. A run started through either is carried out by A alone, and no page load
// or start-up of either marks the other's run as failed.

const PORT_A = freePortSync();
const PORT_B = freePortSync();
const WORKSPACE = "/admin/consultations/1/analysis";
const PROGRESS = `${WORKSPACE}/progress`;
let a: Awaited<ReturnType<typeof startOwnServer>>;
let b: Awaited<ReturnType<typeof startOwnServer>>;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);
test.use({ baseURL: `http://127.0.0.1:${PORT_B}` });
test.beforeAll(async () => {
  a = await startOwnServer(PORT_A, "instances", { ANALYSIS_POLL_MS: "300" });
  b = await startOwnServer(PORT_B, "instances", { JOBS: "off" }, { keepData: true });
});
test.afterAll(() => {
  a?.stop();
  b?.stop();
});

type Progress = { id: number | null; status: string | null; error: string | null };

/** Polls the run's progress through both instances until it is over; answers every status seen. */
async function followRun(request: APIRequestContext, bases: string[]): Promise<{ last: Progress; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 600; i++) {
    for (const base of bases) {
      const res = await request.get(`${base}${PROGRESS}`);
      expect(res.status()).toBe(200);
      const p = (await res.json()) as Progress;
      seen.push(`${base === a.base ? "A" : "B"}:${p.status}`);
      if (p.status === "done" || p.status === "failed") return { last: p, seen };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the run did not finish: ${seen.slice(-5).join(", ")}`);
}

function runOwner(runId: number): string | null {
  const db = new Database(path.join(a.dataDir, "zhengqiu.db"), { readonly: true });
  try {
    return (db.prepare("SELECT lease_owner FROM analysis_runs WHERE id = ?").pluck().get(runId) as string | null) ?? null;
  } finally {
    db.close();
  }
}

async function startRun(page: Page, base: string) {
  await page.goto(`${base}${WORKSPACE}`);
  await page.getByRole("button", { name: /运行意见分析|重新运行分析/ }).click();
  await expect(page.getByText("已开始意见分析。")).toBeVisible();
}

test("a run started through the instance without jobs is carried out by the other, and pages on both leave it alone", async ({ page }) => {
  await login(page, "drafter"); // through B: sessions live in the shared database
  await startRun(page, b.base);
  // B queued it; A claims it. Every poll through either instance sees it queued, running or done, never failed.
  const { last, seen } = await followRun(page.request, [b.base, a.base]);
  expect(seen.some((s) => /queued|running/.test(s))).toBe(true);
  expect(last.status, `statuses seen: ${seen.join(", ")}`).toBe("done");
  expect(runOwner(last.id!)).toContain(`:${a.pid}:`);
  // B served pages all along.
  expect((await page.request.get(`${b.base}/`)).status()).toBe(200);
  expect((await page.request.get(`${b.base}/consultations/1`)).status()).toBe(200);
});

test("an instance starting up while the other carries out a run leaves the run to finish", async ({ page }) => {
  await login(page, "drafter");
  await startRun(page, a.base);
  // B restarts while A's run is going: its start-up and its pages must not take A's run for abandoned.
  b.stop();
  b = await startOwnServer(PORT_B, "instances", { JOBS: "off" }, { keepData: true });
  const { last, seen } = await followRun(page.request, [b.base, a.base]);
  expect(last.status, `statuses seen: ${seen.join(", ")}`).toBe("done");
  expect(runOwner(last.id!)).toContain(`:${a.pid}:`);
});

test("with every web instance on JOBS=off, `npm run worker` carries out the run", async ({ page }) => {
  a.stop(); // only B (pages only) and a worker process remain
  const worker = spawn(process.execPath, ["build/worker.js"], {
    env: { ...process.env, DATA_DIR: a.dataDir, DATABASE_PATH: path.join(a.dataDir, "zhengqiu.db"), ANALYSIS_POLL_MS: "300", NODE_ENV: "test" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    await login(page, "drafter");
    await startRun(page, b.base);
    const { last, seen } = await followRun(page.request, [b.base]);
    expect(last.status, `statuses seen: ${seen.join(", ")}`).toBe("done");
    expect(runOwner(last.id!)).toContain(`:${worker.pid}:`);
  } finally {
    worker.kill("SIGKILL");
  }
});
