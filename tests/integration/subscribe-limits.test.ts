import { beforeEach, describe, expect, it } from "vitest";
import { action as subscribeAction } from "~/routes/subscribe/route";
import { resetRateLimits } from "~/platform/rate-limit.server";
import { context, formRequest, testDb, unwrap } from "./helpers";

testDb();
beforeEach(() => resetRateLimits());

const subscribe = async (email: string, ip: string) =>
  unwrap(await subscribeAction({ request: formRequest("/subscribe", { email, scope: "all" }), context: context(ip), params: {} }));

describe("the subscription form's limits", () => {
  it("spends a mailbox's quota only on requests its sender's own limit let through", async () => {
    const flooder = "198.51.100.70";
    for (let i = 0; i < 10; i++) expect((await subscribe(`other${i}@example.com`, flooder)).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await subscribe("veteran@example.com", flooder)).status).toBe(429);
    // The mailbox's owner, elsewhere, can still subscribe.
    const own = await subscribe("veteran@example.com", "203.0.113.70");
    expect(own.status).toBe(200);
    expect(own.body.sentTo).toBe("veteran@example.com");
  });
});
