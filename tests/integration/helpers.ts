import type { AppLoadContext } from "@remix-run/node";
import { createUser } from "~/features/accounts/user.server";
import { getDb } from "~/platform/db.server";
import { divisions, type Role } from "~db/schema";
import type { CommentInput } from "~/features/comments/comment.server";

/** The test file's own database (a copy of the migrated base made by the setup file). */
export function testDb() {
  return getDb();
}

export const context = (clientIp = "127.0.0.1"): AppLoadContext => ({ nonce: "test-nonce", clientIp });

let counter = 0;
export async function makeUser(role: Role, overrides: { password?: string; division?: string } = {}) {
  const db = testDb();
  const name = overrides.division ?? "测试处";
  const division = (await db.select().from(divisions)).find((d) => d.name === name) ?? (await db.insert(divisions).values({ name }).returning())[0];
  const password = overrides.password ?? "correct-horse-battery";
  const user = await createUser(db, { username: `${role}${++counter}`, displayName: `${role} ${counter}`, role, divisionId: division.id, password }, null);
  return { user, password };
}

export function formRequest(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** Remix's `data()` wraps an action's answer; this unwraps it to { status, body }. */
export function unwrap(result: unknown): { status: number; body: any } {
  if (result && typeof result === "object" && "type" in result && (result as any).type === "DataWithResponseInit") {
    const r = result as unknown as { data: unknown; init: { status?: number } | null };
    return { status: r.init?.status ?? 200, body: r.data };
  }
  if (result instanceof Response) return { status: result.status, body: null };
  return { status: 200, body: result };
}

/** The Response a loader or action threw, for permission checks. */
export async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

let commentInputs = 0;
/** A valid comment as the form sends it (an anonymous veteran on article 5), with a fresh idempotency key. */
export const commentInput = (overrides: Partial<CommentInput> = {}): CommentInput => ({
  body: "建议第五条增加对退役军人家属的就业帮扶。",
  articles: [5],
  name: null,
  organisation: null,
  identityCategory: "退役军人",
  email: null,
  publishPreference: "anonymous",
  idempotencyKey: `test-key-${++commentInputs}-abcdefghijkl`,
  ...overrides,
});
