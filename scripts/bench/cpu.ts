// Where the CPU went while a load ran: CPU time per kind of process (the app instances, PostgreSQL, nginx, the
// load generator, anything else) and the machine's idle share, read from /proc. Linux only; elsewhere null.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export interface CpuSnapshot {
  ticks: Map<string, number>;
  idle: number;
  total: number;
}

export interface CpuSpent {
  idle_pct: number;
  /** CPU milliseconds per unit of work (a comment stored), by kind of process. */
  ms_per_item: Record<string, number>;
}

const TICK_MS = (() => {
  const hz = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
  return 1000 / (hz > 0 ? hz : 100);
})();

/** The kind of process: the app instances run build/server.js, the load generator is this process. */
function kindOf(pid: number, comm: string, cmdline: string): string {
  if (cmdline.includes("build/server.js")) return "app";
  if (comm.startsWith("postgres") || cmdline.startsWith("postgres")) return "postgres";
  if (comm.startsWith("nginx")) return "nginx";
  if (pid === process.pid) return "load_generator";
  return "other";
}

export function cpuSnapshot(): CpuSnapshot | null {
  if (!fs.existsSync("/proc/stat")) return null;
  const ticks = new Map<string, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // Fields after the command: state is the first, utime the 12th, stime the 13th (all threads together).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      ticks.set(`${entry} ${kindOf(Number(entry), comm, cmdline)}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while it was read
    }
  }
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { ticks, idle: cpu[3] + cpu[4], total: cpu.reduce((a, b) => a + b, 0) };
}

/** What each kind of process spent between two snapshots, per item of work done in between. */
export function cpuSpent(before: CpuSnapshot | null, after: CpuSnapshot | null, items: number): CpuSpent | null {
  if (!before || !after || items <= 0) return null;
  const byKind: Record<string, number> = {};
  for (const [key, t] of after.ticks) {
    const kind = key.slice(key.indexOf(" ") + 1);
    byKind[kind] = (byKind[kind] ?? 0) + t - (before.ticks.get(key) ?? 0);
  }
  const ms_per_item = Object.fromEntries(
    Object.entries(byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, t]) => [kind, Math.round((1000 * t * TICK_MS) / items) / 1000])
  );
  return { idle_pct: Math.round((100 * (after.idle - before.idle)) / Math.max(1, after.total - before.total)), ms_per_item };
}
