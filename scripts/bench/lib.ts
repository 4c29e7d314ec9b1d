// Shared by the benchmarks: start a server as a child process, load it with autocannon.
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** GETs of one URL by `connections` clients for `duration` seconds: requests per second, latency, failures. */
export async function loadGet(url: string, connections: number, duration: number) {
  const r = await autocannon({ url, duration, connections });
  return { rps: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non_2xx: r.non2xx, errors: r.errors };
}

/** autocannon hands headers over as an object or as a flat [name, value, ...] list, in any case. */
function header(headers: unknown, name: string): string | undefined {
  const entries: Array<[string, unknown]> = Array.isArray(headers)
    ? Array.from({ length: headers.length / 2 }, (_, i) => [String(headers[2 * i]), headers[2 * i + 1]])
    : Object.entries((headers ?? {}) as Record<string, unknown>);
  const found = entries.find(([k]) => k.toLowerCase() === name);
  return typeof found?.[1] === "string" ? found[1] : undefined;
}

export interface LoadResult {
  requests: number;
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  receipts: string[];
}

/** POSTs a fresh form body per request for `seconds`, collecting the receipt of every success. */
export async function loadPost(
  url: string,
  seconds: number,
  connections: number,
  makeBody: (i: number) => string,
  receiptOf: (location: string, setCookie: string) => string | null,
  /** The client address each request says it comes from (X-Forwarded-For), to spread a rush over many senders. */
  forwardedFor?: (i: number) => string
): Promise<LoadResult> {
  let i = 0;
  const receipts: string[] = [];
  const instance = autocannon({
    url,
    duration: seconds,
    connections,
    pipelining: 1,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        setupRequest: (req) => {
          const n = i++;
          return { ...req, body: makeBody(n), headers: forwardedFor ? { ...req.headers, "x-forwarded-for": forwardedFor(n) } : req.headers };
        },
        onResponse: (status, _body, _context, headers) => {
          const location = header(headers, "location");
          const cookie = header(headers, "set-cookie");
          const receipt = status === 303 && typeof location === "string" ? receiptOf(location, typeof cookie === "string" ? cookie : "") : null;
          if (receipt) receipts.push(receipt);
        },
      },
    ],
  });
  const result = await instance;
  const ok = receipts.length;
  return {
    requests: result.requests.total,
    ok,
    perSecond: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    receipts,
  };
}
