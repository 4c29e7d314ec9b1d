import { describe, expect, it } from "vitest";
import { batcher } from "./batcher";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("batcher", () => {
  it("sends a lone call at once, in a batch of one", async () => {
    const batches: number[][] = [];
    const double = batcher(async (xs: number[]) => (batches.push(xs), xs.map((x) => x * 2)), { maxItems: 10, concurrency: 1 });
    expect(await double(21)).toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it("groups the calls that arrive while a batch is in flight, and answers each its own result", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const run = async (xs: number[]) => {
      batches.push(xs);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return xs.map((x) => `r${x}`);
    };
    const call = batcher(run, { maxItems: 3, concurrency: 1 });
    const first = call(0);
    await tick();
    const rest = [1, 2, 3, 4, 5].map((x) => call(x));
    await tick();
    expect(batches).toEqual([[0]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual(["r0", "r1", "r2", "r3", "r4", "r5"]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it("under a rush, waits gatherMs after a batch for more calls; alone, a call still goes at once", async () => {
    const batches: number[][] = [];
    const call = batcher(async (xs: number[]) => (batches.push(xs), xs), { maxItems: 10, concurrency: 1, gatherMs: 40 });
    await call(0); // nothing in flight: at once
    // Calls trickling in just after a batch ended (one every 5 ms) wait for the gathering window and go together.
    const trickle: Array<Promise<number>> = [];
    for (let x = 1; x <= 4; x++) {
      trickle.push(call(x));
      await tick();
    }
    await Promise.all(trickle);
    expect(batches).toEqual([[0], [1, 2, 3, 4]]);
    await new Promise((r) => setTimeout(r, 60));
    const started = Date.now();
    await call(5); // the rush is over: at once again
    expect(Date.now() - started).toBeLessThan(30);
    expect(batches.at(-1)).toEqual([5]);
  });

  it("runs each item of a failed batch alone, so that only the item that fails gets an error", async () => {
    const batches: number[][] = [];
    const call = batcher(
      async (xs: number[]) => {
        batches.push(xs);
        if (xs.includes(13)) throw new Error(`refused ${xs.join(",")}`);
        return xs.map((x) => x + 1);
      },
      { maxItems: 10, concurrency: 1 }
    );
    const results = await Promise.all([12, 13, 14].map((x) => call(x).catch((e: Error) => e.message)));
    expect(results).toEqual([13, "refused 13", 15]);
    expect(batches).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it("fails the whole batch at once when the failure is everyone's", async () => {
    const batches: number[][] = [];
    const call = batcher(
      async (xs: number[]) => {
        batches.push(xs);
        throw new Error("database unreachable");
      },
      { maxItems: 10, concurrency: 1, isolate: (e) => (e as Error).message !== "database unreachable" }
    );
    const results = await Promise.all([1, 2, 3].map((x) => call(x).catch((e: Error) => e.message)));
    expect(results).toEqual(["database unreachable", "database unreachable", "database unreachable"]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("rejects the call of a failed batch of one with its error, and goes on with the next", async () => {
    let n = 0;
    const call = batcher(
      async (xs: number[]) => {
        if (n++ === 0) throw new Error("disk full");
        return xs;
      },
      { maxItems: 10, concurrency: 1 }
    );
    expect(await call(1).catch((e: Error) => e.message)).toBe("disk full");
    expect(await call(3)).toBe(3);
  });

  it("keeps at most `concurrency` batches in flight", async () => {
    let running = 0;
    let most = 0;
    const call = batcher(
      async (xs: number[]) => {
        most = Math.max(most, ++running);
        await tick();
        running--;
        return xs;
      },
      { maxItems: 1, concurrency: 2 }
    );
    await Promise.all(Array.from({ length: 6 }, (_, i) => call(i)));
    expect(most).toBe(2);
  });
});
