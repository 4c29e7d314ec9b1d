import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { consultations } from "~db/schema";
import { seedDemo } from "~db/seed";
import { processCommentForm } from "~/features/comments/comment-intake.server";
import { publicPhase } from "~/features/consultations/consultation-status";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { testDb } from "./helpers";

// The issue "Safe to go live", point 2: 1,250 junk POSTs from one address in 20 s used up the
// consultation-wide quota and every other citizen got 429 for the next minute.
const db = testDb();
const NOW = new Date("2026-11-26T04:00:00Z");
await seedDemo(db, NOW);
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, NOW) === "open")!;

let n = 0;
const valid = () => ({
  body: "支持第三条。",
  identityCategory: "军属",
  publishPreference: "anonymous",
  consent: "on",
  idempotencyKey: `limits-key-${++n}-abcdefghijk`,
  website: "",
});
const junk = (i: number) =>
  [
    { ...valid(), body: "   " }, // validation
    { ...valid(), website: "http://spam.example" }, // honeypot
    { ...valid(), idempotencyKey: "short" }, // bad idempotency key
    { ...valid(), consent: "" },
  ][i % 4];
const post = (fields: Record<string, string>, ip: string) => processCommentForm(new URLSearchParams(fields), ip, open.id);
const status = (o: Awaited<ReturnType<typeof post>>) => (o.kind === "receipt" ? 303 : o.status);

beforeEach(async () => {
  await resetRateLimits();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("no single client can block commenting", () => {
  it("lets others comment after one address sent 1,250 junk and 100 valid POSTs in 20 seconds", async () => {
    const attacker = "198.51.100.66";
    const seen = new Map<number, number>();
    for (let i = 0; i < 1350; i++) {
      vi.setSystemTime(NOW.getTime() + Math.floor((i * 20_000) / 1350));
      const s = status(await post(i % 27 === 0 ? valid() : junk(i), attacker));
      seen.set(s, (seen.get(s) ?? 0) + 1);
    }
    // The attacker is held to its own quotas: at most 20 comments stored, the rest refused.
    expect(seen.get(303) ?? 0).toBeLessThanOrEqual(20);
    expect(seen.get(429)).toBeGreaterThan(1200);
    // Everyone else still comments, at once and for the rest of the attacker's windows.
    for (let i = 0; i < 50; i++) expect(status(await post(valid(), `203.0.113.${i}`))).toBe(303);
    vi.setSystemTime(NOW.getTime() + 61_000);
    expect(status(await post(valid(), "203.0.113.200"))).toBe(303);
  });

  it("spends an address's comment quota only on stored comments, not on refused or repeated ones", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 30; i++) expect(status(await post(junk(i), ip))).toBe(400);
    const first = valid();
    for (let i = 0; i < 5; i++) expect(status(await post(first, ip))).toBe(303); // a double click, five times
    for (let i = 0; i < 19; i++) expect(status(await post(valid(), ip))).toBe(303);
    const limited = await post({ ...valid(), body: "第二十一条意见" }, ip);
    expect(status(limited)).toBe(429);
    expect(limited.kind === "reply" && limited.reply.errors.form).toMatch(/提交过于频繁/);
    expect(limited.kind === "reply" && limited.reply.values.body).toBe("第二十一条意见");
    vi.setSystemTime(NOW.getTime() + 10 * 60_000 + 1);
    expect(status(await post(valid(), ip))).toBe(303);
  });

  it("stops a junk flood from one address at five attempts per comment it may make", async () => {
    const ip = "198.51.100.9";
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) statuses.push(status(await post(junk(i), ip)));
    expect(statuses.filter((s) => s === 400)).toHaveLength(100);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    expect(status(await post(valid(), ip))).toBe(429);
    expect(status(await post(valid(), "198.51.100.10"))).toBe(303);
  });
});
