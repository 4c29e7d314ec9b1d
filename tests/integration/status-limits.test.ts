import { beforeEach, describe, expect, it } from "vitest";
import { consultations } from "~db/schema";
import { seedDemo } from "~db/seed";
import { submitComment } from "~/features/comments/comment.server";
import { publicPhase } from "~/features/consultations/consultation-status";
import { receiptViewCookie } from "~/features/comments/receipt-view.server";
import { action as statusAction, loader as statusLoader } from "~/routes/status/route";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { context, testDb, unwrap } from "./helpers";

const db = testDb();
await seedDemo(db, new Date());
const open = (await db.select().from(consultations)).find((c) => publicPhase(c, new Date()) === "open")!;
beforeEach(() => resetRateLimits());

const guess = async (receipt: string, code: string, ip: string) =>
  unwrap(
    await statusAction({
      request: new Request("http://localhost/status", { method: "POST", body: new URLSearchParams({ receipt, code }) }),
      params: {},
      context: context(ip),
    })
  );

describe("the receipt look-up's limit", () => {
  it("stops guessing codes, by form and by link, yet still shows the person's own fresh receipt", async () => {
    const r = await submitComment(db, open.id, {
      body: "支持第三条。",
      articles: [],
      name: null,
      organisation: null,
      identityCategory: "军属",
      email: null,
      publishPreference: "anonymous",
      idempotencyKey: "status-limits-key-abcdefghijkl",
    });
    if (!r.ok) throw new Error(r.message);
    const guesser = "198.51.100.80";
    for (let i = 0; i < 30; i++) expect((await guess(r.receiptNo, `AAAAAAAAA${i % 10}`, guesser)).status).toBe(404);
    expect((await guess(r.receiptNo, "BBBBBBBBBB", guesser)).status).toBe(429);
    // An old-style link with the code in it is limited as well (redirected with the problem named).
    const link = await statusLoader({
      request: new Request(`http://localhost/status?receipt=${r.receiptNo}&code=BBBBBBBBBB`),
      params: {},
      context: context(guesser),
    });
    expect(link).toBeInstanceOf(Response);
    expect((link as Response).headers.get("Location")).toContain("problem=limited");
    // The receipt just received is shown from its signed cookie, which no guesser can forge.
    const cookie = receiptViewCookie({ receiptNo: r.receiptNo, code: r.checkCode, fresh: true }).split(";")[0];
    const own = unwrap(
      await statusLoader({ request: new Request("http://localhost/status", { headers: { Cookie: cookie } }), params: {}, context: context(guesser) })
    );
    expect(own.status).toBe(200);
    expect(own.body.status.receiptNo).toBe(r.receiptNo);
  });
});
