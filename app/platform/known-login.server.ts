import { createCookie } from "@remix-run/node";
import { env } from "./env.server";
import { normaliseUsername } from "./login-throttle.server";

// A signed cookie naming the staff names that have logged in from this browser. Failures others
// cause for a name slow that name down (login-throttle.server.ts); the browser its owner uses is
// exempt, so a distributed guessing attack can never keep the owner out of their account.
const MAX_NAMES = 5;
const NINETY_DAYS_S = 90 * 24 * 60 * 60;

let cookie: Awaited<ReturnType<typeof createCookie>> | undefined;
function knownLoginCookie() {
  const e = env();
  cookie ??= createCookie("zq_known_login", {
    httpOnly: true,
    sameSite: "lax",
    secure: e.PUBLIC_URL.startsWith("https://"),
    path: "/login",
    secrets: [e.SESSION_SECRET],
    maxAge: NINETY_DAYS_S,
  });
  return cookie;
}

async function knownNames(request: Request): Promise<string[]> {
  const value: unknown = await knownLoginCookie().parse(request.headers.get("Cookie"));
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export async function isKnownLogin(request: Request, username: string): Promise<boolean> {
  return (await knownNames(request)).includes(normaliseUsername(username));
}

/** The Set-Cookie header remembering this browser for the name, most recent first. */
export async function rememberLogin(request: Request, username: string): Promise<string> {
  const name = normaliseUsername(username);
  const names = [name, ...(await knownNames(request)).filter((n) => n !== name)].slice(0, MAX_NAMES);
  return knownLoginCookie().serialize(names);
}
