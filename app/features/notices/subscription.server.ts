// Public subscriptions to new consultations, or to the progress of one consultation, with double opt-in: a subscription does nothing
// until the address confirms it. Unsubscribe links are HMAC-signed ids, valid for the
// subscription's whole life, so that every notice (and its List-Unsubscribe header) can carry one.
import crypto from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { consultations, divisions, subscriptions, type DocType } from "~db/schema";
import { randomToken, sha256Hex } from "~/platform/crypto.server";
import { env } from "~/platform/env.server";
import { shanghaiDate } from "~/platform/periods";
import { DOC_TYPE_LABELS } from "~/features/consultations";
import type { Subscription } from "./recipients.server";
import { alreadySubscribedNotice, confirmSubscriptionNotice, welcomeNotice } from "./subscription-notices";
import { queueNotice } from "./outbox.server";
import type { Scope } from "./subscription-scope";

type Reader = Pick<Db, "select">;

export const CONFIRM_VALID_MS = 7 * 86_400_000;

/** Divisions the public may follow: those that draft (have drafters) or have published something. */
export function subscribableDivisions(db: Reader): Promise<Array<{ id: number; name: string }>> {
  return db
    .select({ id: divisions.id, name: divisions.name })
    .from(divisions)
    .where(
      sql`EXISTS (SELECT 1 FROM users u WHERE u.division_id = ${divisions.id} AND u.role = 'drafter')
          OR EXISTS (SELECT 1 FROM consultations c WHERE c.division_id = ${divisions.id} AND c.status NOT IN ('draft', 'pending_review'))`
    )
    .orderBy(asc(divisions.id));
}

/** A consultation one may follow: public and its feedback not yet published. */
export async function followableConsultation(db: Reader, id: number): Promise<{ id: number; title: string } | null> {
  const c = (
    await db
      .select({ id: consultations.id, title: consultations.title, status: consultations.status })
      .from(consultations)
      .where(eq(consultations.id, id))
      .limit(1)
  )[0];
  return c && FOLLOWABLE.includes(c.status) ? { id: c.id, title: c.title } : null;
}
const FOLLOWABLE: string[] = ["published", "processing", "legal_review"];

export async function scopeLabel(db: Reader, s: Pick<Subscription, "scope" | "scopeValue">): Promise<string> {
  if (s.scope === "consultation") {
    const c = (
      await db
        .select({ title: consultations.title })
        .from(consultations)
        .where(eq(consultations.id, Number(s.scopeValue)))
        .limit(1)
    )[0];
    return `《${(c?.title ?? "某征求意见").replace(/^《|》$/g, "")}》的进展`;
  }
  if (s.scope === "division") {
    const d = (
      await db
        .select({ name: divisions.name })
        .from(divisions)
        .where(eq(divisions.id, Number(s.scopeValue)))
        .limit(1)
    )[0];
    return `${d?.name ?? "某处室"}起草的征求意见`;
  }
  if (s.scope === "doc_type") return `${DOC_TYPE_LABELS[s.scopeValue as DocType] ?? "某类文件"}的征求意见`;
  return "全部征求意见";
}

const mac = (id: number) => crypto.createHmac("sha256", env().SESSION_SECRET).update(`unsubscribe:${id}`).digest("base64url").slice(0, 32);

export const unsubscribeToken = (id: number) => `${id}.${mac(id)}`;
export const unsubscribeLink = (id: number) => `${env().PUBLIC_URL}/unsubscribe/${unsubscribeToken(id)}`;

/** The subscription id of a genuine unsubscribe token; null for anything altered or made up. */
export function verifyUnsubscribeToken(token: string | undefined): number | null {
  const m = /^(\d{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token ?? "");
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(id));
  const given = Buffer.from(m[2]);
  return crypto.timingSafeEqual(expected, given) ? id : null;
}

/** RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL. */
export const listHeaders = (id: number) => ({
  "List-Unsubscribe": `<${unsubscribeLink(id)}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

const sameScope = (email: string, s: Scope) =>
  and(
    eq(subscriptions.email, email),
    eq(subscriptions.scope, s.scope),
    s.scopeValue === null ? isNull(subscriptions.scopeValue) : eq(subscriptions.scopeValue, s.scopeValue)
  );

/**
 * Asks the address to confirm. The page answers the same whatever the state, so it tells no one
 * whether an address is subscribed; the mailbox learns it ("already subscribed"), its owner only.
 */
export async function subscribe(db: Db, email: string, scope: Scope, now = new Date()): Promise<void> {
  await db.transaction(
    async (tx) => {
      const existing = (await tx.select().from(subscriptions).where(sameScope(email, scope)).limit(1))[0];
      const label = await scopeLabel(tx, scope);
      if (existing?.status === "active") {
        const notice = alreadySubscribedNotice({ scopeLabel: label, unsubscribeLink: unsubscribeLink(existing.id) });
        await queueNotice(
          tx,
          {
            ...notice,
            to: email,
            kind: "subscription_exists",
            dedupeKey: `subscription-exists:${existing.id}:${shanghaiDate(now)}`,
            headers: listHeaders(existing.id),
          },
          now
        );
        return;
      }
      const token = randomToken();
      const tokenHash = sha256Hex(token);
      const sub = existing
        ? (await tx.update(subscriptions).set({ status: "pending", tokenHash, createdAt: now }).where(eq(subscriptions.id, existing.id)).returning())[0]
        : (
            await tx
              .insert(subscriptions)
              .values({ email, ...scope, tokenHash, createdAt: now })
              .returning()
          )[0];
      const notice = confirmSubscriptionNotice({ scopeLabel: label, confirmLink: `${env().PUBLIC_URL}/subscribe/confirm/${token}` });
      await queueNotice(tx, { ...notice, to: email, kind: "subscription_confirm", dedupeKey: `subscription-confirm:${sub.id}:${tokenHash.slice(0, 16)}` }, now);
    },
    { behavior: "immediate" }
  );
}

export type ConfirmLookup = { state: "pending" | "active"; sub: Subscription; label: string } | { state: "invalid" | "expired" };

export async function findByConfirmToken(db: Reader, token: string | undefined, now = new Date()): Promise<ConfirmLookup> {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "invalid" };
  const sub = (
    await db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.tokenHash, sha256Hex(token)))
      .limit(1)
  )[0];
  if (!sub || sub.status === "unsubscribed") return { state: "invalid" };
  if (sub.status === "active") return { state: "active", sub, label: await scopeLabel(db, sub) };
  if (now.getTime() - sub.createdAt.getTime() > CONFIRM_VALID_MS) return { state: "expired" };
  return { state: "pending", sub, label: await scopeLabel(db, sub) };
}

/** Confirms once; confirming again changes nothing and sends nothing. */
export function confirmSubscription(db: Db, token: string | undefined, now = new Date()): Promise<ConfirmLookup> {
  return db.transaction(
    async (tx) => {
      const found = await findByConfirmToken(tx, token, now);
      if (found.state !== "pending") return found;
      await tx.update(subscriptions).set({ status: "active", confirmedAt: now, unsubscribedAt: null }).where(eq(subscriptions.id, found.sub.id));
      const notice = welcomeNotice({ scopeLabel: found.label, unsubscribeLink: unsubscribeLink(found.sub.id), follow: found.sub.scope === "consultation" });
      await queueNotice(
        tx,
        {
          ...notice,
          to: found.sub.email,
          kind: "subscription_welcome",
          dedupeKey: `subscription-welcome:${found.sub.id}:${now.getTime()}`,
          headers: listHeaders(found.sub.id),
        },
        now
      );
      return { ...found, state: "active" as const };
    },
    { behavior: "immediate" }
  );
}

export async function findForUnsubscribe(db: Reader, token: string | undefined): Promise<{ sub: Subscription; label: string } | null> {
  const id = verifyUnsubscribeToken(token);
  const sub = id === null ? undefined : (await db.select().from(subscriptions).where(eq(subscriptions.id, id)).limit(1))[0];
  return sub ? { sub, label: await scopeLabel(db, sub) } : null;
}

/** Idempotent: a second click, or a mail client's retried POST, finds it already cancelled. */
export async function unsubscribe(db: Db, token: string | undefined, now = new Date()): Promise<{ sub: Subscription; label: string } | null> {
  const found = await findForUnsubscribe(db, token);
  if (!found) return null;
  if (found.sub.status !== "unsubscribed") {
    await db.update(subscriptions).set({ status: "unsubscribed", unsubscribedAt: now }).where(eq(subscriptions.id, found.sub.id));
  }
  return found;
}
