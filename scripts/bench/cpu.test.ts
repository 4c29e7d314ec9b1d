import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuSnapshot, cpuSpent, type CpuSnapshot } from "./cpu";

const snapshot = (ticks: Record<string, number>, idle: number, total: number): CpuSnapshot => ({
  ticks: new Map(Object.entries(ticks)),
  idle,
  total,
});

describe("cpuSpent", () => {
  it("adds up each kind of process's ticks between two snapshots, per item, and the machine's idle share", () => {
    const before = snapshot({ "10 app": 100, "11 app": 50, "20 postgres": 10, "30 load_generator": 5 }, 1_000, 2_000);
    // 12 app started in between: all of its ticks count; 20 postgres ended: it spent nothing that is seen.
    const after = snapshot({ "10 app": 300, "11 app": 150, "12 app": 100, "30 load_generator": 45 }, 1_400, 3_000);
    const spent = cpuSpent(before, after, 1_000)!;
    expect(spent.idle_pct).toBe(40);
    const tick = spent.ms_per_item.load_generator / 40;
    expect(tick).toBeGreaterThan(0);
    expect(spent.ms_per_item.app).toBeCloseTo(400 * tick, 6);
    expect(Object.keys(spent.ms_per_item)).toEqual(["app", "load_generator"]);
  });

  it("says nothing without snapshots or without work done", () => {
    const s = snapshot({}, 0, 1);
    expect(cpuSpent(null, s, 10)).toBeNull();
    expect(cpuSpent(s, s, 0)).toBeNull();
  });
});

describe.runIf(process.platform === "linux")("cpuSnapshot", () => {
  it("finds an app instance by its entry, and this process as the load generator, and counts their CPU", async () => {
    const busy = spawn(process.execPath, ["-e", "const end = Date.now() + 5000; while (Date.now() < end);", "build/server.js"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = cpuSnapshot()!;
      expect(before.ticks.has(`${busy.pid} app`)).toBe(true);
      expect(before.ticks.has(`${process.pid} load_generator`)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const after = cpuSnapshot()!;
      // A process that only computes spends about all of the 600 ms.
      expect(after.ticks.get(`${busy.pid} app`)! - before.ticks.get(`${busy.pid} app`)!).toBeGreaterThan(0);
      expect(cpuSpent(before, after, 1)!.ms_per_item.app).toBeGreaterThan(300);
    } finally {
      busy.kill("SIGKILL");
    }
  });
});
