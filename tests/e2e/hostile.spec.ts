import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACCOUNTS } from "./fixtures";
import { FILE_NAMES, FORGED_TYPES, ID_INPUTS, RAW_BODIES, RECEIPT_INPUTS, SCRIPT_MARKERS, TEXT_INPUTS } from "./hostile/corpus";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// Every hostile input, sent to every form and API: never a 500, never a script that runs, always
// an answer a person can read. The server is the test's own, with abuse limits lifted so that
// inputs reach validation instead of the rate limiter.

let server: Awaited<ReturnType<typeof startOwnServer>>;
test.beforeAll(async () => {
  server = await startOwnServer(freePortSync(), "hostile");
});
test.afterAll(() => server?.stop());
test.setTimeout(300_000);

const served: Array<{ what: string; status: number }> = [];

async function check(what: string, response: APIResponse, allowed: number[]) {
  const status = response.status();
  served.push({ what, status });
  expect(status, `${what} answered ${status}`).not.toBeGreaterThanOrEqual(500);
  expect(allowed, `${what} answered ${status}`).toContain(status);
  if (status >= 400) {
    const body = await response.text();
    // A person can read why: a Chinese message, in HTML or in the API's JSON error.
    expect(body, `${what}: no readable message`).toMatch(/[\u4e00-\u9fff]/);
  }
  const type = response.headers()["content-type"] ?? "";
  if (type.includes("html")) {
    const html = await response.text();
    for (const marker of SCRIPT_MARKERS) {
      expect(html.includes(`<script>${marker}`) || html.includes(`<img src=x ${marker}`) || html.includes(`<svg ${marker}`), `${what}: unescaped script`).toBe(
        false
      );
    }
  }
}

/** encodeURIComponent throws on a lone surrogate; a browser would send U+FFFD instead. */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

const form = (fields: Record<string, string>) => ({
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  data: new URLSearchParams(fields).toString(),
});

const comment = (body: string, extra: Record<string, string> = {}) =>
  form({
    body,
    identityCategory: "退役军人",
    publishPreference: "anonymous",
    consent: "on",
    idempotencyKey: `hostile-${Math.random().toString(36).slice(2)}-key`,
    ...extra,
  });

test("the public comment form", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.base, maxRedirects: 0 });
  const receipts: string[] = [];
  for (const input of TEXT_INPUTS) {
    const res = await api.post("/consultations/1", comment(input));
    await check(`comment body ${JSON.stringify(input.slice(0, 40))}`, res, [303, 400, 413]);
    if (res.status() === 303) receipts.push(res.headers()["location"]);
    await check(
      `comment name ${JSON.stringify(input.slice(0, 40))}`,
      await api.post("/consultations/1", comment("第五条很好", { name: input, organisation: input, email: input })),
      [303, 400, 413]
    );
  }
  for (const id of ID_INPUTS) {
    await check(`comment articles=${id}`, await api.post("/consultations/1", comment("第五条很好", { articles: id })), [303, 400]);
    await check(`comment on consultation ${id}`, await api.post(`/consultations/${enc(id)}`, comment("第五条很好")), [404, 405]);
  }
  // Where the stored texts are shown again (the receipt and status pages), they are escaped.
  for (const location of receipts) await check(`status page ${location.slice(0, 40)}`, await api.get(location), [200]);
  // Files sent with a comment, whatever they are called or claim to be, are typed by their content.
  for (const [i, name] of FILE_NAMES.entries()) {
    const type = FORGED_TYPES[i % FORGED_TYPES.length];
    const buffer = Buffer.from(i % 2 ? "<html><script>alert('zq')</script></html>" : "MZ\u0090\u0000 not a document");
    const fields = {
      body: "见附件",
      identityCategory: "退役军人",
      publishPreference: "anonymous",
      consent: "on",
      idempotencyKey: `hostile-file-${i}-key-abcdef`,
    };
    await check(
      `comment file ${name.slice(0, 30)} as ${type}`,
      await api.post("/consultations/1", { multipart: { ...fields, files: { name, mimeType: type || "application/octet-stream", buffer } } }),
      [400]
    );
  }
  for (const raw of RAW_BODIES) {
    await check(
      `raw body ${raw.slice(0, 30)}`,
      await api.post("/consultations/1", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: Buffer.from(raw, "latin1") }),
      [400]
    );
  }
  await api.dispose();
});

test("look-ups, search, pages and the API", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.base, maxRedirects: 0 });
  for (const input of [...RECEIPT_INPUTS, ...TEXT_INPUTS.slice(0, 60)]) {
    const q = enc(input);
    await check(`status ${input.slice(0, 30)}`, await api.post("/status", form({ receipt: input, code: input })), [400, 404]);
    // An old link with the code in it is moved out of the address whatever it holds.
    await check(`status link ${input.slice(0, 30)}`, await api.get(`/status?receipt=${q}&code=${q}`), [303]);
  }
  for (const input of TEXT_INPUTS.filter((t) => t.length < 5000)) {
    const q = enc(input);
    await check(`search ${input.slice(0, 30)}`, await api.get(`/consultations?q=${q}`), [200, 400]);
    await check(`api q ${input.slice(0, 30)}`, await api.get(`/api/v1/consultations?q=${q}`), [200, 400]);
  }
  for (const id of ID_INPUTS) {
    const v = enc(id);
    await check(`page ${id}`, await api.get(`/consultations/${v}`), [200, 404]);
    await check(`api item ${id}`, await api.get(`/api/v1/consultations/${v}`), [200, 404]);
    await check(
      `api paging ${id}`,
      await api.get(`/api/v1/consultations?page=${v}&per_page=${v}&division=${v}&status=${v}&doc_type=${v}&updated_since=${v}`),
      [200, 400]
    );
    await check(`list paging ${id}`, await api.get(`/consultations?page=${v}&type=${v}&status=${v}&division=${v}`), [200, 400]);
    await check(`attachment ${id}`, await api.get(`/consultations/1/attachments/${v}`), [404]);
    await check(`comment file ${id}`, await api.get(`/consultations/1/comment-files/${v}`), [404]);
    await check(`versions ${id}`, await api.get(`/consultations/1/versions?from=${v}&to=${v}`), [200, 400]);
  }
  await api.dispose();
});

async function staff(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, who: keyof typeof ACCOUNTS) {
  const api = await playwright.request.newContext({ baseURL: server.base, maxRedirects: 0 });
  const res = await api.post("/login", form({ username: ACCOUNTS[who].username, password: ACCOUNTS[who].password, redirectTo: "/admin" }));
  expect(res.status()).toBe(302);
  return api;
}

test("staff forms: the consultation editor, attachments and uploads with forged types", async ({ playwright }) => {
  const api = await staff(playwright, "drafter");
  for (const input of TEXT_INPUTS.slice(0, 100)) {
    const multipart = {
      title: input,
      docType: input.slice(0, 20),
      summary: input,
      draftText: `第一条 ${input}`,
      basis: input,
      opensAt: input.slice(0, 20),
      closesAt: "2030-01-01T00:00",
      intent: "save",
    };
    await check(`editor ${input.slice(0, 30)}`, await api.post("/admin/consultations/new", { multipart }), [302, 400, 413]);
  }
  const created = await api.post("/admin/consultations/new", {
    multipart: {
      title: "附件测试",
      docType: "rule",
      draftText: "第一条 测试。",
      basis: "测试",
      opensAt: "2030-01-01T00:00",
      closesAt: "2030-03-01T00:00",
      intent: "save",
    },
  });
  const location = created.headers()["location"] ?? "";
  const id = /consultations\/(\d+)/.exec(location)?.[1];
  expect(id).toBeTruthy();
  // Staff see the originals in the moderation queue: escaped there too.
  for (const hostileId of ID_INPUTS) {
    await check(`staff comment file ${hostileId}`, await api.get(`/admin/consultations/1/comment-files/${enc(hostileId)}`), [404]);
  }
  for (let page = 1; page <= 8; page++) {
    await check(`moderation queue page ${page}`, await api.get(`/admin/consultations/1/moderation?status=pending&page=${page}`), [200]);
  }
  for (const [i, name] of FILE_NAMES.entries()) {
    const type = FORGED_TYPES[i % FORGED_TYPES.length];
    const buffer = Buffer.from(i % 2 ? "<html><script>alert('zq')</script></html>" : "MZ\u0090\u0000 not a document");
    await check(
      `upload ${name.slice(0, 30)} as ${type}`,
      await api.post(`/admin/consultations/${id}`, { multipart: { intent: "attach", file: { name, mimeType: type || "application/octet-stream", buffer } } }),
      [400]
    );
    await check(
      `letter scan ${name.slice(0, 30)} as ${type}`,
      await api.post("/admin/consultations/1/comments/new", {
        multipart: {
          channel: "department_letter",
          department: "某某局",
          receivedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          body: "来函",
          identityCategory: "退役军人",
          publishPreference: "anonymous",
          idempotencyKey: `hostile-scan-${i}-key-abcdef`,
          scan: { name, mimeType: type || "application/octet-stream", buffer },
        },
      }),
      [400]
    );
    await check(
      `draft import ${name.slice(0, 30)}`,
      await api.post("/admin/consultations/new", {
        multipart: { intent: "preview", title: "导入", draftFile: { name, mimeType: type || "application/octet-stream", buffer } },
      }),
      [400]
    );
  }
  await api.dispose();
});

test("the subscription form", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.base, maxRedirects: 0 });
  for (const input of TEXT_INPUTS.slice(0, 150)) {
    await check(
      `subscribe ${input.slice(0, 30)}`,
      await api.post("/subscribe", form({ email: input, scope: input.slice(0, 30), division: input.slice(0, 30), docType: input.slice(0, 30) })),
      [200, 400, 413, 429]
    );
  }
  await api.dispose();
});

// Every field of the staff forms that handle comments, as the staff who may use them.
const STAFF_FORMS: Array<{ url: string; intents: string[]; fields: string[] }> = [
  {
    url: "/admin/consultations/1/moderation",
    intents: ["approve", "reject", "bulk-approve", "bulk-reject"],
    fields: ["commentId", "ids", "publishedBody", "publishedName", "publishedOrganisation", "reason", "note", "confirmNoPii", "next"],
  },
  {
    url: "/admin/consultations/1/analysis",
    intents: ["rename", "merge", "split", "move", "own-topic", "run"],
    fields: ["topicId", "targetId", "topicIds", "label", "commentId", "commentIds", "toTopicId"],
  },
  {
    url: "/admin/consultations/3/dispositions",
    intents: ["record", "opinion", "delete-opinion", "title", "clear"],
    fields: [
      "topicId",
      "commentId",
      "opinionId",
      "title",
      "commentIds",
      "listedIds",
      "includeUnanswered",
      "publicTitle",
      "decision",
      "reason",
      "articleIdentityId",
      "changeMade",
    ],
  },
  {
    url: "/admin/consultations/3/summary",
    intents: ["generate", "save", "submit", "review", "publish"],
    fields: ["body", "decision", "comment", "confirmOverwrite", "confirmUndecided"],
  },
  { url: "/admin/consultations/1", intents: ["extend", "withdraw", "review", "submit"], fields: ["closesAt", "reason", "decision", "comment"] },
  { url: "/admin/calendar", intents: ["add", "remove"], fields: ["date", "kind", "note"] },
  { url: "/admin/users/new", intents: [""], fields: ["username", "password", "displayName", "email", "role", "divisionId"] },
];

test("staff forms: every field of the moderation, analysis, disposition, summary, consultation, calendar and account forms", async ({ playwright }) => {
  const drafter = await staff(playwright, "drafter");
  const admin = await staff(playwright, "admin");
  const inputs = TEXT_INPUTS.filter((t) => t.length < 5000).slice(0, 40);
  for (const f of STAFF_FORMS) {
    const api = f.url.startsWith("/admin/calendar") || f.url.startsWith("/admin/users") ? admin : drafter;
    for (const intent of f.intents) {
      for (const input of inputs) {
        const fields = Object.fromEntries(f.fields.map((name) => [name, input]));
        const res = await api.post(f.url, form({ ...fields, intent }));
        // 302: the few inputs that happen to be valid (a calendar note, a label) are saved and redirect.
        await check(`${f.url} ${intent} ${input.slice(0, 20)}`, res, [200, 302, 400, 403, 404, 409, 413]);
      }
    }
  }
  await drafter.dispose();
  await admin.dispose();
});

// Last: thirty failed logins from one address lock that address, as they should.
test("the login form", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.base, maxRedirects: 0 });
  for (const input of TEXT_INPUTS.slice(0, 120)) {
    await check(`login ${input.slice(0, 30)}`, await api.post("/login", form({ username: input, password: input })), [400, 401, 429]);
  }
  await api.dispose();
});

test.afterAll(() => {
  const byStatus = served.reduce<Record<number, number>>((acc, s) => ((acc[s.status] = (acc[s.status] ?? 0) + 1), acc), {});
  console.log(`hostile inputs: ${served.length} requests, by status ${JSON.stringify(byStatus)}`);
});
