import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login/route";
import { loginWait } from "~/platform/login-throttle.server";
import { requireRole, safeRedirect } from "~/platform/permissions.server";
import { createUserSession, destroyUserSession, getSessionUser } from "~/platform/session.server";
import { context, formRequest, makeUser, testDb, unwrap } from "./helpers";

testDb();

const cookieOf = (setCookie: string) => setCookie.split(";")[0];
const withCookie = (cookie: string) => new Request("http://localhost/admin", { headers: { Cookie: cookie } });

describe("sessions", () => {
  it("round-trips a session, and rotates it at the next login", async () => {
    const { user } = await makeUser("drafter");
    const first = cookieOf(await createUserSession(new Request("http://localhost/login"), user.id));
    expect((await getSessionUser(withCookie(first)))?.id).toBe(user.id);
    const second = cookieOf(await createUserSession(new Request("http://localhost/login", { headers: { Cookie: first } }), user.id));
    expect(second).not.toBe(first);
    expect(await getSessionUser(withCookie(first))).toBeNull();
    expect((await getSessionUser(withCookie(second)))?.id).toBe(user.id);
  });

  it("treats a tampered or unknown cookie as logged out", async () => {
    const { user } = await makeUser("reviewer");
    const cookie = cookieOf(await createUserSession(new Request("http://localhost/login"), user.id));
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, 5)}${value[5] === "A" ? "B" : "A"}${value.slice(6)}`;
    expect(await getSessionUser(withCookie(tampered))).toBeNull();
    expect(await getSessionUser(withCookie("zq_session=garbage"))).toBeNull();
  });

  it("ends a session at logout", async () => {
    const { user } = await makeUser("legal");
    const cookie = cookieOf(await createUserSession(new Request("http://localhost/login"), user.id));
    const cleared = await destroyUserSession(withCookie(cookie));
    expect(cleared).toMatch(/Max-Age=0/);
    expect(await getSessionUser(withCookie(cookie))).toBeNull();
  });
});

describe("login", () => {
  it("logs in with the right password and sets an httpOnly, SameSite=Lax cookie", async () => {
    const { user, password } = await makeUser("drafter");
    const res = (await loginAction({
      request: formRequest("/login", { username: user.username.toUpperCase(), password, redirectTo: "/admin" }),
      context: context(),
      params: {},
    })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/admin");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it("refuses an open redirect after login", () => {
    expect(safeRedirect("//evil.example/")).toBe("/admin");
    expect(safeRedirect("https://evil.example/")).toBe("/admin");
    expect(safeRedirect("/admin/users")).toBe("/admin/users");
  });

  it("answers wrong passwords and unknown users with the same message and keeps the username", async () => {
    const { user } = await makeUser("reviewer");
    const wrong = unwrap(
      await loginAction({ request: formRequest("/login", { username: user.username, password: "nope" }), context: context("10.0.0.1"), params: {} })
    );
    const unknown = unwrap(
      await loginAction({ request: formRequest("/login", { username: "ghost", password: "nope" }), context: context("10.0.0.1"), params: {} })
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.errors.form).toBe(unknown.body.errors.form);
    expect(wrong.body.errors.form).toMatch(/用户名或密码错误/);
    expect(unknown.body.values.username).toBe("ghost");
    expect(JSON.stringify(wrong.body)).not.toContain("nope");
  });

  it("does not answer unknown users faster than known ones", async () => {
    const { user } = await makeUser("drafter");
    const time = async (username: string, ip: string) => {
      const t = performance.now();
      await loginAction({ request: formRequest("/login", { username, password: "wrong" }), context: context(ip), params: {} });
      return performance.now() - t;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.username, `10.1.0.${i}`));
      unknown.push(await time(`nobody-${i}`, `10.2.0.${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
    // Both pay for a full scrypt verification; without the dummy hash, unknown users answer ~100x faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it("slows a username down after five failures, whether or not it exists, and says so", async () => {
    const { user, password } = await makeUser("drafter");
    for (let i = 0; i < 6; i++) {
      await loginAction({ request: formRequest("/login", { username: user.username, password: "bad" }), context: context(`10.3.0.${i}`), params: {} });
      await loginAction({ request: formRequest("/login", { username: "phantom", password: "bad" }), context: context(`10.4.0.${i}`), params: {} });
    }
    expect(await loginWait(user.username, "10.9.9.9")).toMatchObject({ reason: "name" });
    expect(await loginWait("phantom", "10.9.9.9")).toMatchObject({ reason: "name" });
    const slowed = unwrap(
      await loginAction({ request: formRequest("/login", { username: user.username, password }), context: context("10.5.0.1"), params: {} })
    );
    expect(slowed.status).toBe(429);
    expect(slowed.body.errors.form).toMatch(/秒后再试/);
  });

  it("answers an empty form with field messages, not an error", async () => {
    const res = unwrap(await loginAction({ request: formRequest("/login", {}), context: context(), params: {} }));
    expect(res.status).toBe(400);
    expect(res.body.errors.username).toBe("请输入用户名。");
    expect(res.body.errors.password).toBe("请输入密码。");
  });
});

describe("role checks", () => {
  it("redirects anonymous users to login and refuses other roles with 403", async () => {
    await expect(requireRole(new Request("http://localhost/admin/users"), "admin")).rejects.toMatchObject({ status: 302 });
    const { user } = await makeUser("drafter");
    const cookie = cookieOf(await createUserSession(new Request("http://localhost/login"), user.id));
    await expect(requireRole(withCookie(cookie), "admin")).rejects.toMatchObject({ status: 403 });
    await expect(requireRole(withCookie(cookie), "drafter")).resolves.toMatchObject({ id: user.id });
  });
});
