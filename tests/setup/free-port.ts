// Ports for test servers are asked of the operating system, never fixed: a developer's running
// app (or another engineer's test run) on a fixed port once made the browser suite talk to it.
import { execFileSync } from "node:child_process";

// Holds every socket open until all are bound, so the ports asked for together are distinct.
const PICK = `
const net = require("node:net");
const n = Number(process.argv[1]);
const servers = Array.from({ length: n }, () => net.createServer());
Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", ok)))).then(() => {
  process.stdout.write(servers.map((s) => s.address().port).join(","));
  servers.forEach((s) => s.close());
});
`;

/**
 * Ports free on loopback at the time of asking. Synchronous (a short child process) so that a
 * spec file or the Playwright config can use them at load time.
 */
export function freePortsSync(count: number): number[] {
  const ports = execFileSync(process.execPath, ["-e", PICK, String(count)], { encoding: "utf8" })
    .split(",")
    .map(Number);
  if (ports.length !== count || !ports.every((p) => Number.isInteger(p) && p > 0)) throw new Error(`could not pick free ports (got ${ports})`);
  return ports;
}

export function freePortSync(): number {
  return freePortsSync(1)[0];
}
