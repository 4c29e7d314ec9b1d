// Who receives which notice: staff by role (and division), subscribers by the scope they chose.
import { and, asc, eq, isNotNull, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { subscriptions, users, type DocType, type Role } from "~db/schema";

type Reader = Pick<Db, "select">;

export interface StaffRecipient {
  id: number;
  displayName: string;
  email: string;
}

/** Active staff of a role (in a division, if given) who have an email address. */
export async function staffWithEmail(tx: Reader, role: Role, divisionId?: number): Promise<StaffRecipient[]> {
  const conditions: SQL[] = [eq(users.role, role), eq(users.active, true), isNotNull(users.email), ne(users.email, "")];
  if (divisionId !== undefined) conditions.push(eq(users.divisionId, divisionId));
  return (
    await tx
      .select({ id: users.id, displayName: users.displayName, email: users.email })
      .from(users)
      .where(and(...conditions))
      .orderBy(asc(users.id))
  ).map((u) => ({ ...u, email: u.email! }));
}

export type Subscription = typeof subscriptions.$inferSelect;

/**
 * Active subscriptions that cover a consultation, one per address: someone subscribed to "all"
 * and to the division gets one mail, naming (and cancelling) the oldest of their subscriptions.
 */
export async function subscribersFor(tx: Reader, c: { divisionId: number; docType: DocType }): Promise<Subscription[]> {
  const rows = await tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.status, "active"),
        or(
          eq(subscriptions.scope, "all"),
          and(eq(subscriptions.scope, "division"), eq(subscriptions.scopeValue, String(c.divisionId))),
          and(eq(subscriptions.scope, "doc_type"), eq(subscriptions.scopeValue, c.docType))
        )
      )
    )
    .orderBy(asc(subscriptions.id));
  const byEmail = new Map<string, Subscription>();
  for (const s of rows) if (!byEmail.has(s.email)) byEmail.set(s.email, s);
  return [...byEmail.values()];
}

/** Active followers of one consultation (scope "consultation"), one per address. */
export function followersOf(tx: Reader, consultationId: number): Promise<Subscription[]> {
  return tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.status, "active"), eq(subscriptions.scope, "consultation"), eq(subscriptions.scopeValue, String(consultationId))))
    .orderBy(asc(subscriptions.id));
}
