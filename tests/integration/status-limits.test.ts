import { beforeEach, describe, expect, it } from "vitest";
import { consultations } from "~db/schema";
import { seedDemo } from "~db/seed";
import { submitComment } from "~/models/comment.server";
import { publicPhase } from "~/models/consultation-status";
import { loader as statusLoader } from "~/routes/status/route";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { context, testDb, unwrap } from "./helpers";

const db = testDb();
await seedDemo(db, new Date());
const open = db.select().from(consultations).all().find((c) => publicPhase(c, new Date()) === "open")!;
beforeEach(() => resetRateLimits());

const ask = async (q: string, ip: string) => unwrap(await statusLoader({ request: new Request(`http://localhost/status?${q}`), params: {}, context: context(ip) }));

describe("the receipt look-up's limit", () => {
  it("is not lifted by new=1 for guessing, yet still shows a just-received comment's receipt", async () => {
    const r = submitComment(db, open.id, { body: "支持第三条。", articles: [], name: null, organisation: null, identityCategory: "军属", email: null, publishPreference: "anonymous", idempotencyKey: "status-limits-key-abcdefghijkl" });
    if (!r.ok) throw new Error(r.message);
    const guesser = "198.51.100.80";
    for (let i = 0; i < 30; i++) expect((await ask(`receipt=${r.receiptNo}&code=AAAAAAAAA${i % 10}`, guesser)).status).toBe(404);
    expect((await ask(`receipt=${r.receiptNo}&code=BBBBBBBBBB`, guesser)).status).toBe(429);
    expect((await ask(`receipt=${r.receiptNo}&code=BBBBBBBBBB&new=1`, guesser)).status).toBe(429);
    const own = await ask(`receipt=${r.receiptNo}&code=${r.checkCode}&new=1`, guesser);
    expect(own.status).toBe(200);
    expect(own.body.status.receiptNo).toBe(r.receiptNo);
  });
});
