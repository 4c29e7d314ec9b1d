import { eq } from "drizzle-orm";
import { loginThrottle } from "~db/schema";
import { getDb } from "./db.server";

// Wrong passwords lock the ADDRESS they come from, and only slow the NAME down: a lock on the name
// would be a lock the attacker controls, keeping the real user out of their own account. Names are
// counted whether or not they exist, so the answer reveals nothing. See
// docs/decisions/0013-login-throttle-by-address-and-name.md.
const ADDRESS = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const NAME = { freeFailures: 5, firstDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 24 * 60 * 60_000 };

/** One name however it is typed: `Drafter`, ` drafter `, `ｄｒａｆｔｅｒ` are the same name. */
export function normaliseUsername(username: string): string {
  return username.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** After the free failures, each further one doubles the wait before the name may be tried again. */
export function nameDelayMs(failures: number): number {
  if (failures < NAME.freeFailures) return 0;
  return Math.min(NAME.maxDelayMs, NAME.firstDelayMs * 2 ** (failures - NAME.freeFailures));
}

const addressKey = (ip: string) => `ip:${ip}`;
const nameKey = (username: string) => `name:${normaliseUsername(username)}`;

export type LoginWait = { reason: "address" | "name"; ms: number };

/**
 * Why and how long a login attempt must wait, or null when it may be checked. A browser the name
 * has logged in from before (`knownBrowser`) is not slowed by failures others caused for that name.
 */
export async function loginWait(username: string, ip: string, options: { knownBrowser?: boolean; now?: number } = {}): Promise<LoginWait | null> {
  const now = options.now ?? Date.now();
  const db = getDb();
  const until = async (key: string) => (await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1))[0]?.lockedUntil?.getTime() ?? 0;
  const address = await until(addressKey(ip));
  if (address > now) return { reason: "address", ms: address - now };
  if (options.knownBrowser) return null;
  const name = await until(nameKey(username));
  return name > now ? { reason: "name", ms: name - now } : null;
}

async function bump(
  tx: Pick<Awaited<ReturnType<typeof getDb>>, "select" | "insert">,
  key: string,
  windowMs: number,
  lockAfter: (failures: number) => number,
  now: number
) {
  const row = (await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1))[0];
  const fresh = !row || now - row.windowStartedAt.getTime() > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const lockMs = lockAfter(failures);
  const values = { failures, windowStartedAt: fresh ? new Date(now) : row.windowStartedAt, lockedUntil: lockMs > 0 ? new Date(now + lockMs) : null };
  await tx
    .insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
}

const bumpAddress = (tx: Parameters<typeof bump>[0], ip: string, now: number) =>
  bump(tx, addressKey(ip), ADDRESS.windowMs, (f) => (f >= ADDRESS.maxFailures ? ADDRESS.lockMs : 0), now);

/** A wrong password (or unknown name): counts against the address and slows the name. */
export async function recordFailure(username: string, ip: string, now = Date.now()): Promise<void> {
  await getDb().transaction(async (tx) => {
    await bumpAddress(tx, ip, now);
    await bump(tx, nameKey(username), NAME.windowMs, nameDelayMs, now);
  });
}

/**
 * An attempt refused because its name is slowed down counts against the address as a failure:
 * hammering a slowed name from one address locks that address, and adds nothing to the name's wait.
 */
export async function recordSlowedAttempt(ip: string, now = Date.now()): Promise<void> {
  await getDb().transaction((tx) => bumpAddress(tx, ip, now));
}

/** A successful login forgets the name's failures (the address's stay: they were someone's guesses). */
export async function clearFailures(username: string): Promise<void> {
  await getDb()
    .delete(loginThrottle)
    .where(eq(loginThrottle.key, nameKey(username)));
}
