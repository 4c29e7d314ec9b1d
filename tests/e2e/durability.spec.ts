import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startOwnServer } from "./own-server";
import { freePortSync } from "../setup/free-port";

// Kills the server with SIGKILL in the middle of a burst of submissions and checks, after a
// restart on the same database, that every submission answered with a receipt is in it.
const PORT = freePortSync();

test("SIGKILL during a burst of submissions loses nothing that was acknowledged", async () => {
  test.setTimeout(120_000);
  let server = await startOwnServer(PORT, "durability");
  const base = server.base;
  try {
    const acknowledged: string[] = [];
    let failures = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const body = new URLSearchParams({
          body: `压力测试意见 ${w}-${i}：建议第五条增加培训补贴。`,
          identityCategory: "退役军人",
          publishPreference: "anonymous",
          consent: "on",
          idempotencyKey: `durability-${w}-${i}-${Date.now()}`,
          articles: "5",
        });
        try {
          const res = await fetch(`${base}/consultations/1`, { method: "POST", body, redirect: "manual" });
          // The receipt travels in the short-lived receipt cookie, not in the redirect's URL.
          const receipt = /zq_receipt=(ZQ\d{8}-[0-9A-Z]{6})/.exec(res.headers.get("set-cookie") ?? "")?.[1];
          if (res.status === 303 && receipt) acknowledged.push(receipt);
          else failures++;
        } catch {
          return; // the server is gone: in-flight requests were never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 24 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 1500));
    server.stop(); // SIGKILL
    stop = true;
    await Promise.all(workers);
    expect(failures).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(50);

    server = await startOwnServer(PORT, "durability", {}, { keepData: true });
    const db = new Database(path.join(server.dataDir, "zhengqiu.db"), { readonly: true });
    const stored = new Set(
      (db.prepare("SELECT receipt_no FROM comments WHERE body LIKE '压力测试意见%'").all() as Array<{ receipt_no: string }>).map((r) => r.receipt_no)
    );
    db.close();
    const lost = acknowledged.filter((r) => !stored.has(r));
    expect(lost).toEqual([]);
    console.log(`durability: ${acknowledged.length} acknowledged before SIGKILL, ${stored.size} stored, 0 lost`);
  } finally {
    server.stop();
  }
});
