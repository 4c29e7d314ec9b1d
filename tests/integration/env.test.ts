import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/platform/env.server";

describe("environment validation", () => {
  it("runs the demo with no configuration at all", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toMatch(/data[/\\]zhengqiu\.db$/);
    expect(env.SEED_DEMO).toBe(true);
    expect(env.DEPARTMENT_NAME).toBe("辽宁省退役军人事务厅");
  });

  it("refuses an invalid port and names the variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("requires a session secret in production and never seeds the demo there", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32/);
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    expect(env.SEED_DEMO).toBe(false);
  });

  it("names every offending variable at once", () => {
    try {
      parseEnv({ PORT: "-1", PUBLIC_URL: "not a url", SEED_DEMO: "perhaps" });
      expect.unreachable();
    } catch (e) {
      expect(String(e)).toMatch(/PORT/);
      expect(String(e)).toMatch(/PUBLIC_URL/);
      expect(String(e)).toMatch(/SEED_DEMO/);
    }
  });
});
