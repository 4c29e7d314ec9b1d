import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS } from "./fixtures";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// Every route and every action, against every kind of visitor: anonymous, a drafter of another
// division, the consultation's drafter, a reviewer, the legal office and an admin. The table must
// name every route module in app/routes, so a new route cannot escape it.

const WHO = ["anon", "drafter2", "drafter", "reviewer", "legal", "admin"] as const;
type Who = (typeof WHO)[number];
/** An expected answer: a status, or L for "redirected to the login page". */
type Outcome = number | "L";
const all = (o: Outcome): Record<Who, Outcome> => ({ anon: o, drafter2: o, drafter: o, reviewer: o, legal: o, admin: o });
const staff = (o: Partial<Record<Exclude<Who, "anon">, Outcome>>, rest: Outcome = 403): Record<Who, Outcome> => ({
  anon: "L",
  drafter2: rest,
  drafter: rest,
  reviewer: rest,
  legal: rest,
  admin: rest,
  ...o,
});
const ADMIN_ONLY = staff({ admin: 200 });

// 1 is the open demo consultation of 就业创业处 (drafter's division); 3 the closed one.
const GET: Array<{ route: string; url: string; expect: Record<Who, Outcome> }> = [
  { route: "_index", url: "/", expect: all(200) },
  { route: "$", url: "/no/such/page", expect: all(404) },
  { route: "consultations._index", url: "/consultations", expect: all(200) },
  { route: "consultations.$id", url: "/consultations/1", expect: all(200) },
  { route: "consultations.$id_.versions", url: "/consultations/1/versions", expect: all(200) },
  // Before publication the page says when feedback is expected; an unknown consultation is a 404.
  { route: "consultations.$id_.feedback", url: "/consultations/3/feedback", expect: all(200) },
  { route: "consultations.$id_.feedback", url: "/consultations/999/feedback", expect: all(404) },
  { route: "accessibility", url: "/accessibility", expect: all(200) },
  { route: "privacy", url: "/privacy", expect: all(200) },
  { route: "consultations.$id.attachments.$attachmentId", url: "/consultations/1/attachments/999", expect: all(404) },
  { route: "consultations.$id.register.$format", url: "/consultations/1/register/csv", expect: all(200) },
  // The published draft to download; public like the page itself.
  { route: "consultations.$id.comment-files.$fileId", url: "/consultations/1/comment-files/999", expect: all(404) },
  { route: "admin.consultations.$id.comment-files.$fileId", url: "/admin/consultations/1/comment-files/999", expect: staff({}, 404) },
  { route: "consultations.$id.draft[.]docx", url: "/consultations/1/draft.docx", expect: all(200) },
  { route: "consultations.$id.draft[.]pdf", url: "/consultations/3/draft.pdf", expect: all(200) },
  { route: "status", url: "/status", expect: all(200) },
  // A notice's status link with a token this server did not sign: a page that says the link is invalid.
  { route: "status_.$receiptNo.$token", url: "/status/ZQ20261126-AAAAAA/not-a-token", expect: all(200) },
  { route: "subscribe", url: "/subscribe", expect: all(200) },
  { route: "subscribe_.confirm.$token", url: "/subscribe/confirm/not-a-token", expect: all(404) },
  { route: "unsubscribe.$token", url: "/unsubscribe/not-a-token", expect: all(400) },
  { route: "verify.$receiptNo.$token", url: "/verify/ZQ20261126-AAAAAA/not-a-token", expect: all(200) },
  { route: "login", url: "/login", expect: { ...all(302), anon: 200 } },
  { route: "logout", url: "/logout", expect: all(302) },
  { route: "preferences", url: "/preferences", expect: all(302) },
  { route: "healthz", url: "/healthz", expect: all(200) },
  { route: "feeds.consultations[.]atom", url: "/feeds/consultations.atom", expect: all(200) },
  { route: "api.v1.consultations", url: "/api/v1/consultations", expect: all(200) },
  { route: "api.v1.consultations.$id", url: "/api/v1/consultations/1", expect: all(200) },
  { route: "api.v1.consultations.$id_.comments", url: "/api/v1/consultations/1/comments", expect: all(200) },
  // Feedback not yet published: 404 for everyone, staff included (the API is public data only).
  { route: "api.v1.consultations.$id_.feedback", url: "/api/v1/consultations/1/feedback", expect: all(404) },
  { route: "consultations.suggest", url: "/consultations/suggest?q=就业", expect: all(200) },
  { route: "admin", url: "/admin", expect: staff({}, 200) },
  { route: "admin._index", url: "/admin", expect: staff({}, 200) },
  { route: "admin.users._index", url: "/admin/users", expect: ADMIN_ONLY },
  { route: "admin.users.new", url: "/admin/users/new", expect: ADMIN_ONLY },
  { route: "admin.users.$userId", url: "/admin/users/2", expect: ADMIN_ONLY },
  { route: "admin.audit", url: "/admin/audit", expect: ADMIN_ONLY },
  { route: "admin.calendar", url: "/admin/calendar", expect: ADMIN_ONLY },
  { route: "admin.outbox._index", url: "/admin/outbox", expect: ADMIN_ONLY },
  { route: "admin.outbox.$id", url: "/admin/outbox/1", expect: ADMIN_ONLY },
  { route: "admin.outbox.$id.eml", url: "/admin/outbox/1/eml", expect: ADMIN_ONLY },
  { route: "admin.legal", url: "/admin/legal", expect: staff({ legal: 200 }) },
  { route: "admin.consultations.new", url: "/admin/consultations/new", expect: staff({ drafter: 200, drafter2: 200 }) },
  { route: "admin.consultations.$id._index", url: "/admin/consultations/1", expect: staff({ drafter: 200, reviewer: 200, legal: 200 }) },
  // Published: the editor sends the drafter back to the consultation's page.
  { route: "admin.consultations.$id.edit", url: "/admin/consultations/1/edit", expect: staff({ drafter: 302 }) },
  { route: "admin.consultations.$id.versions.new", url: "/admin/consultations/1/versions/new", expect: staff({ drafter: 200 }) },
  { route: "admin.consultations.$id.comments.new", url: "/admin/consultations/1/comments/new", expect: staff({ drafter: 200 }) },
  { route: "admin.consultations.$id.moderation", url: "/admin/consultations/1/moderation", expect: staff({ drafter: 200, reviewer: 200 }) },
  { route: "admin.consultations.$id.analysis", url: "/admin/consultations/1/analysis", expect: staff({ drafter: 200, reviewer: 200, legal: 200 }) },
  {
    route: "admin.consultations.$id.analysis.progress",
    url: "/admin/consultations/1/analysis/progress",
    expect: staff({ drafter: 200, reviewer: 200, legal: 200 }),
  },
  { route: "admin.consultations.$id.dispositions", url: "/admin/consultations/3/dispositions", expect: staff({ drafter: 200, reviewer: 200, legal: 200 }) },
  { route: "admin.consultations.$id.summary", url: "/admin/consultations/3/summary", expect: staff({ drafter: 200, reviewer: 200, legal: 200 }) },
  // Before the hand-off the legal office has no business with the packet.
  { route: "admin.consultations.$id.packet", url: "/admin/consultations/3/packet", expect: staff({ drafter: 200, reviewer: 200 }) },
  { route: "admin.consultations.$id.packet.$format", url: "/admin/consultations/3/packet/csv", expect: staff({ drafter: 200, reviewer: 200 }) },
];

// Actions: a probe with no lasting effect for those who may act (they get a validation or state
// error), which everyone else must be refused.
const form = { "Content-Type": "application/x-www-form-urlencoded" };
const POST: Array<{ url: string; body: string; expect: Record<Who, Outcome> }> = [
  { url: "/admin/users/new", body: "username=", expect: staff({ admin: 400 }) },
  { url: "/admin/users/2", body: "intent=update", expect: staff({ admin: 400 }) },
  { url: "/admin/calendar", body: "intent=add&date=x", expect: staff({ admin: 400 }) },
  { url: "/admin/outbox/999", body: "intent=resend", expect: staff({ admin: 409 }) },
  { url: "/admin/consultations/new", body: "intent=save", expect: staff({ drafter: 400, drafter2: 400 }) },
  { url: "/admin/consultations/1", body: "intent=review&decision=approved", expect: staff({ drafter: 403, reviewer: 400 }) },
  {
    url: "/admin/consultations/1",
    body: "intent=extend&closesAt=2020-01-01T00:00&reason=%E6%B5%8B%E8%AF%95%E5%BB%B6%E6%9C%9F",
    expect: staff({ drafter: 400 }),
  },
  { url: "/admin/consultations/1/versions/new", body: "label=", expect: staff({ drafter: 400 }) },
  { url: "/admin/consultations/1/comments/new", body: "body=", expect: staff({ drafter: 400 }) },
  { url: "/admin/consultations/1/moderation", body: "intent=reject&id=1", expect: staff({ drafter: 400, reviewer: 400 }) },
  { url: "/admin/consultations/1/analysis", body: "intent=nothing", expect: staff({ drafter: 400, reviewer: 400 }) },
  { url: "/admin/consultations/3/dispositions", body: "intent=nothing", expect: staff({ drafter: 400 }) },
  { url: "/admin/consultations/3/summary", body: "intent=publish", expect: staff({ drafter: 400 }) },
  // Not yet submitted: the legal office, like everyone else, cannot act on the packet.
  { url: "/admin/consultations/3/packet", body: "intent=receive", expect: staff({}) },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PORT = freePortSync();
let server: Awaited<ReturnType<typeof startOwnServer>>;
const contexts = new Map<Who, APIRequestContext>();

test.beforeAll(async ({ playwright }) => {
  server = await startOwnServer(PORT, "authorization");
  for (const who of WHO) {
    const api = await playwright.request.newContext({ baseURL: server.base, maxRedirects: 0 });
    if (who !== "anon") {
      const res = await api.post("/login", { headers: form, data: new URLSearchParams({ ...ACCOUNTS[who], redirectTo: "/admin" }).toString() });
      expect(res.status(), `${who} logs in`).toBe(302);
    }
    contexts.set(who, api);
  }
  // A mail in the outbox, so that its pages exist for the admin.
  await contexts.get("anon")!.post("/consultations/1", {
    headers: form,
    data: new URLSearchParams({
      body: "权限测试",
      identityCategory: "军属",
      publishPreference: "anonymous",
      consent: "on",
      email: "authz@example.com",
      idempotencyKey: "authorization-matrix-key",
    }).toString(),
  });
});
test.afterAll(() => server?.stop());

function outcome(status: number, location: string | undefined): Outcome {
  return status === 302 && location?.startsWith("/login") ? "L" : status;
}

test("the table names every route module", () => {
  const ids = fs.readdirSync(path.join(root, "app/routes")).map((f) => f.replace(/\.(tsx|ts)$/, ""));
  const covered = new Set(GET.map((g) => g.route));
  expect(ids.filter((id) => !covered.has(id))).toEqual([]);
});

test("every route answers each kind of visitor as the table says", async () => {
  const wrong: string[] = [];
  for (const g of GET) {
    for (const who of WHO) {
      const res = await contexts.get(who)!.get(g.url);
      const got = outcome(res.status(), res.headers()["location"]);
      if (got !== g.expect[who]) wrong.push(`GET ${g.url} as ${who}: expected ${g.expect[who]}, got ${got}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("every action refuses those without the right, on the server", async () => {
  const wrong: string[] = [];
  for (const p of POST) {
    for (const who of WHO) {
      const res = await contexts.get(who)!.post(p.url, { headers: form, data: p.body });
      const got = outcome(res.status(), res.headers()["location"]);
      if (got !== p.expect[who]) wrong.push(`POST ${p.url} (${p.body}) as ${who}: expected ${p.expect[who]}, got ${got}`);
    }
  }
  expect(wrong).toEqual([]);
});
