import { createCookie } from "@remix-run/node";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users } from "~db/schema";
import { sha256Hex, randomToken } from "./crypto.server";
import { getDb } from "./db.server";
import { env } from "./env.server";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one working day; staff log in again next morning

let cookie: Awaited<ReturnType<typeof createCookie>> | undefined;
function sessionCookie() {
  const e = env();
  cookie ??= createCookie("zq_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: e.PUBLIC_URL.startsWith("https://"),
    path: "/",
    secrets: [e.SESSION_SECRET],
    maxAge: SESSION_TTL_MS / 1000,
  });
  return cookie;
}

/** The raw token from a correctly signed cookie; a tampered cookie parses to null. */
async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

export type SessionUser = typeof users.$inferSelect;

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const row = (
    await getDb()
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sha256Hex(token)), gt(sessions.expiresAt, new Date())))
      .limit(1)
  )[0];
  return row && row.user.active ? row.user : null;
}

/** Starts a fresh session (rotating away any session the browser already had) and returns its Set-Cookie. */
export async function createUserSession(request: Request, userId: number, meta: { ip?: string } = {}): Promise<string> {
  const db = getDb();
  const previous = await readToken(request);
  const token = randomToken(32);
  const now = new Date();
  await db.transaction(async (tx) => {
    if (previous) await tx.delete(sessions).where(eq(sessions.id, sha256Hex(previous)));
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({
      id: sha256Hex(token),
      userId,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      ip: meta.ip ?? null,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    });
  });
  return sessionCookie().serialize(token);
}

export async function destroyUserSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token)
    await getDb()
      .delete(sessions)
      .where(eq(sessions.id, sha256Hex(token)));
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a user, e.g. when an admin deactivates the account or resets its password. */
export async function destroySessionsOfUser(userId: number): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.userId, userId));
}
