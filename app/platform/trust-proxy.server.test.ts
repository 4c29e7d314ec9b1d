import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const setting = (TRUST_PROXY?: string) => parseEnv({ TRUST_PROXY }).TRUST_PROXY;

describe("TRUST_PROXY", () => {
  it("reads off, a hop count, or a list of addresses and subnets", () => {
    expect(setting(undefined)).toBe(false);
    expect(setting("false")).toBe(false);
    expect(setting("0")).toBe(false);
    expect(setting("1")).toBe(1);
    expect(setting("2")).toBe(2);
    expect(setting("10.0.0.5, 10.1.0.0/16,loopback, fd00::/8")).toEqual(["10.0.0.5", "10.1.0.0/16", "loopback", "fd00::/8"]);
  });

  it("refuses to trust every X-Forwarded-For, with a message saying what to set instead", () => {
    for (const v of ["true", "yes", "TRUE", "*"]) {
      expect(() => setting(v)).toThrow(EnvError);
      expect(() => setting(v)).toThrow(/TRUST_PROXY: no longer accepts "true".*TRUST_PROXY=1/);
    }
    expect(() => setting("0.0.0.0/0")).toThrow(/would trust every address/);
    expect(() => setting("10.0.0.0/33")).toThrow(/invalid prefix length/);
    expect(() => setting("proxy.example, 10.0.0.1")).toThrow(/"proxy.example" is not an IP address/);
    expect(() => setting("11")).toThrow(/between 1 and 10/);
  });
});

// Real HTTP requests to an express app configured as server/index.ts configures it.
const servers: http.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function clientIpSeenBy(trust: string | undefined, forwardedFor?: string) {
  const app = express();
  app.set("trust proxy", setting(trust));
  app.get("/", (req, res) => res.send(req.ip));
  const server = await new Promise<http.Server>((resolve) => {
    const s = http.createServer(app).listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });
  return res.text();
}

describe("the client address express sees", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", async () => {
    expect(await clientIpSeenBy(undefined, "203.0.113.7")).toBe("127.0.0.1");
  });

  it("takes only as many hops as configured, never a client's own entries", async () => {
    // One proxy (here: the test itself, on 127.0.0.1) appends the real client; anything before is the client's.
    expect(await clientIpSeenBy("1", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await clientIpSeenBy("2", "6.6.6.6, 203.0.113.7, 10.0.0.2")).toBe("203.0.113.7");
  });

  it("trusts listed proxy addresses only", async () => {
    expect(await clientIpSeenBy("127.0.0.1", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await clientIpSeenBy("loopback", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    // A request not from a listed proxy names nobody but itself.
    expect(await clientIpSeenBy("10.0.0.0/8", "203.0.113.7")).toBe("127.0.0.1");
    // A listed proxy behind a client-supplied list: the walk stops at the first untrusted hop.
    expect(await clientIpSeenBy("127.0.0.1,10.0.0.0/8", "6.6.6.6, 203.0.113.7, 10.0.0.2")).toBe("203.0.113.7");
  });
});
