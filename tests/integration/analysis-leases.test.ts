import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabaseAt, databaseLocation, closeDatabase } from "~db/client.server";
import { seedDemo } from "~db/seed";
import { analysisRuns } from "~db/schema";
import { analysisRunSettled, claimAndCarryOut, failAbandonedRuns, latestRun, startAnalysisRunner } from "~/features/analysis/analysis-runs.server";
import { INSTANCE_ID } from "~/platform/instance.server";
import { testDb } from "./helpers";

// Analysis runs under leases (docs/decisions/0031): whichever process has jobs claims a queued run, exactly
// one of them; a run is taken for abandoned only when its lease runs out, never because the process looking
// at it is not the one carrying it out; a process that stops hands its run back to the queue.

const db = testDb();
let other: Db; // a second connection to the same file, as a second process would have
const CONSULTATION = 1;

beforeAll(async () => {
  await seedDemo(db, new Date());
  other = openDatabaseAt(databaseLocation(db));
});
afterAll(() => closeDatabase(other));

const queue = async () => (await db.insert(analysisRuns).values({ consultationId: CONSULTATION, status: "queued", stage: "queued" }).returning())[0].id;
const row = async (id: number) => (await db.select().from(analysisRuns).where(eq(analysisRuns.id, id)).limit(1))[0]!;

describe("analysis runs under leases", () => {
  it("are claimed by exactly one of two processes polling at once", async () => {
    const id = await queue();
    const claims = await Promise.all([claimAndCarryOut(db), claimAndCarryOut(other), claimAndCarryOut(db, id)]);
    expect(claims.filter((c) => c === id)).toHaveLength(1);
    expect((await row(id)).leaseOwner).toBe(INSTANCE_ID);
    await analysisRunSettled(id);
    expect((await row(id)).status).toBe("done");
  });

  it("are recorded failed once the holder stops renewing the lease, and not before", async () => {
    const now = new Date();
    const live = (
      await db
        .insert(analysisRuns)
        .values({ consultationId: 2, status: "running", stage: "topics", leaseOwner: "another-host:1:aa", leaseUntil: new Date(now.getTime() + 30_000) })
        .returning()
    )[0];
    const lapsed = (
      await db
        .insert(analysisRuns)
        .values({ consultationId: 3, status: "running", stage: "topics", leaseOwner: "another-host:2:bb", leaseUntil: new Date(now.getTime() - 1) })
        .returning()
    )[0];
    // Looking at them writes nothing: the lapsed one reads as failed, the live one as running.
    expect((await latestRun(db, 3, now))?.status).toBe("failed");
    expect((await latestRun(db, 2, now))?.status).toBe("running");
    expect((await row(lapsed.id)).status).toBe("running");
    // A process with jobs records the lapsed one; the other process's live run is left alone.
    expect(await failAbandonedRuns(db, now)).toBe(1);
    expect((await row(lapsed.id)).status).toBe("failed");
    expect((await row(lapsed.id)).error).toContain("中断");
    expect((await row(live.id)).status).toBe("running");
    await db.delete(analysisRuns).where(eq(analysisRuns.id, live.id));
  });

  it("go back to the queue when the process carrying them out stops, and the next process finishes them", async () => {
    const id = await queue();
    const first = startAnalysisRunner(db, { pollMs: 50 });
    for (let i = 0; i < 100 && (await row(id)).status === "queued"; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await row(id)).status).toBe("running");
    await first.stop();
    expect(await row(id)).toMatchObject({ status: "queued", leaseOwner: null });
    const second = startAnalysisRunner(other, { pollMs: 50 });
    for (let i = 0; i < 600 && (await row(id)).status !== "done"; i++) await new Promise((r) => setTimeout(r, 50));
    await second.stop();
    expect((await row(id)).status).toBe("done");
  });
});
