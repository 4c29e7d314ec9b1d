import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { action as loginAction } from "~/routes/login/route";
import { loginWait, normaliseUsername, recordFailure } from "~/platform/login-throttle.server";
import { context, formRequest, makeUser, testDb, unwrap } from "./helpers";

testDb();
const NOW = new Date("2026-11-26T04:00:00Z").getTime();
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const login = async (username: string, password: string, ip: string, cookie?: string) => {
  const request = formRequest("/login", { username, password, redirectTo: "/admin" }, cookie ? { Cookie: cookie } : {});
  const res = await loginAction({ request, context: context(ip), params: {} });
  return res instanceof Response ? { status: res.status, body: null, res } : { ...unwrap(res), res: null };
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("staff login under a wrong-password flood", () => {
  it("treats case, spacing and full-width variants of a name as that name", () => {
    expect(normaliseUsername("Drafter")).toBe("drafter");
    expect(normaliseUsername("  drafter ")).toBe("drafter");
    expect(normaliseUsername("ｄｒａｆｔｅｒ")).toBe("drafter");
    expect(normaliseUsername("ＤＲＡＦＴＥＲ\u3000")).toBe("drafter");
    expect(normaliseUsername("zhang \t  san")).toBe("zhang san");
  });

  it("locks the flooding address, while the real user gets in from another address after a short delay", async () => {
    const { user, password } = await makeUser("drafter");
    const variants = [user.username.toUpperCase(), `  ${user.username} `, fullWidth(user.username), user.username];
    const attacker = "198.51.100.66";
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      vi.setSystemTime(NOW + i * 500);
      statuses.push((await login(variants[i % 4], `guess-${i}`, attacker)).status);
    }
    // Checked (and refused) until the address is locked; the variants all slowed the one name.
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.slice(-10).every((s) => s === 429)).toBe(true);
    const locked = await login(user.username, password, attacker);
    expect(locked.status).toBe(429);
    expect(locked.body.errors.form).toMatch(/网络地址已暂时锁定.*分钟后再试/);

    // The owner, elsewhere, is at most asked to wait a minute, then logs in with the right password.
    const owner = "203.0.113.20";
    const first = await login(` ${user.username.toUpperCase()}`, password, owner);
    if (first.status === 429) {
      expect(first.body.errors.form).toMatch(/(\d+) 秒后再试/);
      const seconds = Number(/(\d+) 秒后再试/.exec(first.body.errors.form)![1]);
      expect(seconds).toBeLessThanOrEqual(60);
      vi.setSystemTime(Date.now() + seconds * 1000);
    }
    const inside = await login(user.username, password, owner);
    expect(inside.status).toBe(302);
    // The attacker's address stays locked for its 15 minutes, right password or not.
    expect((await login(user.username, password, attacker)).status).toBe(429);
  });

  it("lets the owner's usual browser in at once, even while a distributed attack slows the name", async () => {
    const { user, password } = await makeUser("reviewer");
    const ok = await login(user.username, password, "203.0.113.30");
    expect(ok.status).toBe(302);
    const known = ok
      .res!.headers.getSetCookie()
      .find((c) => c.startsWith("zq_known_login="))!
      .split(";")[0];
    for (let i = 0; i < 8; i++) await recordFailure(user.username, `192.0.2.${i}`);
    expect(await loginWait(user.username, "203.0.113.31")).toMatchObject({ reason: "name" });
    expect((await login(user.username, password, "203.0.113.31")).status).toBe(429);
    expect((await login(user.username, password, "203.0.113.31", "zq_known_login=WyJldmlsIl0%3D")).status).toBe(429);
    expect((await login(user.username, password, "203.0.113.31", known)).status).toBe(302);
  });

  it("still slows password guessing spread over many addresses to one guess a minute", async () => {
    // An attacker with a fresh address every second, for an hour, against one name.
    let checked = 0;
    for (let s = 0; s < 3600; s++) {
      const ip = `10.${s >> 8}.${s & 255}.1`;
      if (await loginWait("target", ip, { now: NOW + s * 1000 })) continue;
      checked++;
      await recordFailure("target", ip, NOW + s * 1000);
    }
    // Five free guesses, a few while the wait doubles up to a minute, then one a minute.
    expect(checked).toBeGreaterThan(55);
    expect(checked).toBeLessThanOrEqual(5 + 7 + 60);
  });

  it("answers an unreadable login body with a message, not an error", async () => {
    const request = new Request("http://localhost/login", { method: "POST", body: "garbage", headers: { "Content-Type": "multipart/form-data; boundary=x" } });
    const res = unwrap(await loginAction({ request, context: context("203.0.113.40"), params: {} }));
    expect(res.status).toBe(400);
    expect(res.body.errors.form).toMatch(/无法识别/);
  });
});
