import { isIP } from "node:net";
import { z } from "zod";

/**
 * TRUST_PROXY, in the form express's `trust proxy` setting takes: off, a number of proxy hops in
 * front of the server, or the proxies' addresses and subnets. Never "trust everything": with that,
 * any client picks its own address by sending X-Forwarded-For, and with it its rate limits.
 */
export type TrustProxy = false | number | string[];

const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);
const TRUST_ALL = `no longer accepts "true": that trusted any X-Forwarded-For a client sends. Give the number of proxies in front of the server (TRUST_PROXY=1 for one reverse proxy) or their addresses (TRUST_PROXY=10.0.0.5,10.1.0.0/16)`;

function entryProblem(entry: string): string | null {
  if (NAMED.has(entry)) return null;
  const [address, prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length > 0) return `"${entry}" is not an IP address, a subnet such as 10.0.0.0/8, or loopback, linklocal, uniquelocal`;
  if (prefix === undefined) return null;
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"${entry}" has an invalid prefix length (0-${max})`;
  if (Number(prefix) === 0) return `"${entry}" would trust every address, and so any X-Forwarded-For`;
  return null;
}

export const TrustProxySchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const v = (value ?? "").toLowerCase();
    if (v === "" || v === "false" || v === "no" || v === "off" || v === "0") return false;
    if (v === "true" || v === "yes" || v === "on" || v === "*") {
      ctx.addIssue({ code: "custom", message: TRUST_ALL });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops > 10) ctx.addIssue({ code: "custom", message: "a hop count must be between 1 and 10 proxies" });
      return hops;
    }
    const entries = v.split(",").map((e) => e.trim());
    for (const entry of entries) {
      const problem = entryProblem(entry);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
    return entries;
  });
