import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * A server of the test's own, on a fresh demo database, with limits high enough to reach validation.
 * `keepData` starts another instance on the database an earlier call of the same name created.
 */
export async function startOwnServer(port: number, name: string, env: Record<string, string> = {}, options: { keepData?: boolean } = {}) {
  const dataDir = path.join(root, "tests", ".tmp-e2e", name);
  if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, ["build/server.js"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, "zhengqiu.db"),
      SEED_DEMO: "true",
      NODE_ENV: "test",
      COMMENT_LIMIT_PER_IP: "1000000",
      COMMENT_LIMIT_PER_CONSULTATION: "1000000",
      LOOKUP_LIMIT_PER_IP: "1000000",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let exited = false;
  child.stderr?.on("data", (d) => (stderr += String(d)));
  child.on("exit", () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && !exited; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Another process answering on the port would pass the health check while ours failed to bind.
  await new Promise((r) => setTimeout(r, 50));
  if (exited) throw new Error(`the test server "${name}" on port ${port} exited: ${stderr}`);
  return {
    base,
    dataDir,
    pid: child.pid,
    stderr: () => stderr,
    stop: () => child.kill("SIGKILL"),
  };
}
