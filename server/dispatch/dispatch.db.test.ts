import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { deliveryAttempts, notifications, sandboxMessages } from "@/db/schema";
import { refusedUrl } from "../testing/fake-http-server";
import { describeWithDatabase } from "../testing/test-database";
import { claimDueNotifications } from "./claim-notifications";
import { runDispatchPass } from "./run-dispatch-pass";
import { makeDue, notificationsOf, resendError, scriptedResend, setUpDispatch } from "./testing/dispatch-fixtures";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function fake(script?: Parameters<typeof scriptedResend>[0]) {
  const server = await scriptedResend(script);
  closers.push(server.close);
  return server;
}

describeWithDatabase("dispatch", (database) => {
  it("sends a due notification, stores the provider id and the rendered snapshot, and records the attempt", async () => {
    const { db } = database();
    const resend = await fake();
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url });
    const counts = await runDispatchPass(db, { workerId: "test" });
    expect(counts).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    const [sent] = await notificationsOf(db, orderIds[0]!);
    expect(sent).toMatchObject({ status: "sent", providerMessageId: "re_msg_1", attempts: 1, recipient: "ada@customer.example", lockedUntil: null });
    const [order] = await db.select().from((await import("@/db/schema")).orders).where(eq((await import("@/db/schema")).orders.id, orderIds[0]!));
    expect(sent!.subject).toContain(order!.number);
    expect(sent!.htmlBody).toContain("Linen apron");
    expect(sent!.textBody).toContain("Linen apron");
    expect(resend.keys).toEqual([sent!.idempotencyKey]);
    const [attempt] = await db.select().from(deliveryAttempts).where(eq(deliveryAttempts.notificationId, sent!.id));
    expect(attempt).toMatchObject({ number: 1, outcome: "success", error: null });
    expect(attempt!.latencyMs).toBeGreaterThanOrEqual(0);
    // Sent is final: a second pass finds nothing to claim.
    expect((await runDispatchPass(db, { workerId: "test" })).claimed).toBe(0);
  });

  it("retries after a 500 with backoff, with the same idempotency key, then succeeds", async () => {
    const { db } = database();
    const resend = await fake([resendError(500, "internal_server_error")]);
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url });
    const before = Date.now();
    expect(await runDispatchPass(db, { workerId: "test" })).toMatchObject({ retried: 1, sent: 0 });
    const [waiting] = await notificationsOf(db, orderIds[0]!);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("HTTP 500") });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 5_000);
    expect((await runDispatchPass(db, { workerId: "test" })).claimed).toBe(0); // not due yet
    await makeDue(db);
    expect(await runDispatchPass(db, { workerId: "test" })).toMatchObject({ sent: 1 });
    const [sent] = await notificationsOf(db, orderIds[0]!);
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    expect(new Set(resend.keys).size).toBe(1);
    expect(resend.keys).toHaveLength(2);
  });

  it("honours Retry-After on a 429", async () => {
    const { db } = database();
    const resend = await fake([resendError(429, "rate_limit_exceeded", { "retry-after": "900" })]);
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url });
    const before = Date.now();
    await runDispatchPass(db, { workerId: "test", random: () => 0 });
    const [waiting] = await notificationsOf(db, orderIds[0]!);
    expect(waiting!.status).toBe("pending");
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 900_000);
  });

  it("treats a timeout and a refused connection as retryable", async () => {
    const { db } = database();
    const slow = await fake([{ status: 200, body: { id: "late" }, delayMs: 1500 }]);
    const timedOut = await setUpDispatch(db, { baseUrl: slow.url, timeoutMs: 500 });
    expect(await runDispatchPass(db, { workerId: "test" })).toMatchObject({ retried: 1 });
    const [afterTimeout] = await notificationsOf(db, timedOut.orderIds[0]!);
    expect(afterTimeout).toMatchObject({ status: "pending", lastError: expect.stringMatching(/within 500 ms/) });

    const refused = await setUpDispatch(db, { baseUrl: await refusedUrl() });
    expect(await runDispatchPass(db, { workerId: "test" })).toMatchObject({ retried: 1 });
    const [afterRefused] = await notificationsOf(db, refused.orderIds[0]!);
    expect(afterRefused).toMatchObject({ status: "pending", lastError: expect.stringMatching(/network error/) });
  });

  it("moves on to the next channel after a permanent 4xx, and the fallback is sent", async () => {
    const { db } = database();
    const resend = await fake([resendError(422, "validation_error")]);
    const { orderIds, sandboxEmail } = await setUpDispatch(db, { baseUrl: resend.url });
    const first = await runDispatchPass(db, { workerId: "test" });
    expect(first.fellBack).toBe(1);
    const rows = await notificationsOf(db, orderIds[0]!);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ status: "failed", lastError: expect.stringMatching(/HTTP 422.*falling back to Sandbox email/) });
    expect(rows[1]).toMatchObject({ channelId: sandboxEmail.id, fallbackIndex: 1, status: expect.stringMatching(/sent|pending/) });
    await runDispatchPass(db, { workerId: "test" });
    const [, fallback] = await notificationsOf(db, orderIds[0]!);
    expect(fallback!.status).toBe("sent");
    const recorded = await db.select().from(sandboxMessages).where(eq(sandboxMessages.notificationId, fallback!.id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.html).toContain("Linen apron");
  });

  it("gives up after the channel's maximum attempts and falls back", async () => {
    const { db } = database();
    const resend = await fake([resendError(503, "service_unavailable"), resendError(503, "service_unavailable")]);
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url, maxAttempts: 2 });
    await runDispatchPass(db, { workerId: "test" });
    await makeDue(db);
    await runDispatchPass(db, { workerId: "test" });
    const [first] = await notificationsOf(db, orderIds[0]!);
    expect(first).toMatchObject({ status: "failed", attempts: 2, lastError: expect.stringMatching(/gave up after 2 attempts/) });
  });

  it("reclaims a notification whose dispatcher died after claiming, and sends it exactly once", async () => {
    const { db } = database();
    const resend = await fake();
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url });
    const claimed = await claimDueNotifications(db, { limit: 10, leaseMs: 50, workerId: "crashed" });
    expect(claimed).toHaveLength(1);
    // While the lease holds, nobody else takes it.
    expect((await runDispatchPass(db, { workerId: "other", leaseMs: 60_000 })).claimed).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await runDispatchPass(db, { workerId: "rescuer" })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await runDispatchPass(db, { workerId: "rescuer" })).toMatchObject({ claimed: 0 });
    expect(resend.keys).toHaveLength(1);
    const [sent] = await notificationsOf(db, orderIds[0]!);
    expect(sent).toMatchObject({ status: "sent", lockedBy: "rescuer" });
  });

  it("keeps notifications waiting for their turn pending under a channel rate limit", async () => {
    const { db } = database();
    const resend = await fake();
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url, count: 4, ratePerSecond: 1 });
    const pass = await runDispatchPass(db, { workerId: "test" });
    expect(pass.sent).toBe(1);
    expect(pass.deferred).toBe(3);
    const statuses = (await Promise.all(orderIds.map((id) => notificationsOf(db, id)))).flat().map((row) => row.status);
    expect(statuses.filter((status) => status === "sent")).toHaveLength(1);
    expect(statuses.filter((status) => status === "pending")).toHaveLength(3);
    const attempts = await db.select().from(deliveryAttempts);
    expect(attempts.filter((attempt) => attempt.outcome === null)).toHaveLength(0);
  });

  it("never sends a notification twice when two dispatchers race", async () => {
    const { db } = database();
    const resend = await fake();
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url, count: 30 });
    const [first, second] = await Promise.all([runDispatchPass(db, { workerId: "a", batchSize: 5 }), runDispatchPass(db, { workerId: "b", batchSize: 5 })]);
    expect(first.sent + second.sent).toBe(30);
    expect(resend.keys).toHaveLength(30);
    expect(new Set(resend.keys).size).toBe(30);
    const rows = (await Promise.all(orderIds.map((id) => notificationsOf(db, id)))).flat();
    expect(rows.every((row) => row.status === "sent")).toBe(true);
  });

  it("cancels instead of sending when the order was cancelled meanwhile", async () => {
    const { db } = database();
    const resend = await fake();
    const { orderIds } = await setUpDispatch(db, { baseUrl: resend.url });
    const { orders } = await import("@/db/schema");
    await db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, orderIds[0]!));
    await db.update(notifications).set({ status: "pending" }).where(eq(notifications.orderId, orderIds[0]!));
    expect(await runDispatchPass(db, { workerId: "test" })).toMatchObject({ cancelled: 1, sent: 0 });
    expect(resend.keys).toHaveLength(0);
  });

  it("lists an order whose message failed with nowhere to fall back as needing attention, and not one that fell back", async () => {
    const { db } = database();
    const { listOrders } = await import("../orders/list-orders");
    const { updateChannel } = await import("../channel-management/manage-channels");
    const resend = await fake([resendError(422, "validation_error"), resendError(422, "validation_error")]);
    const fellBack = await setUpDispatch(db, { baseUrl: resend.url });
    await runDispatchPass(db, { workerId: "test" });
    const stranded = await setUpDispatch(db, { baseUrl: resend.url });
    await updateChannel(db, null, { channelId: stranded.sandboxEmail.id, enabled: false });
    await runDispatchPass(db, { workerId: "test" });
    const [failed] = await notificationsOf(db, stranded.orderIds[0]!);
    expect(failed!.status).toBe("failed");
    const attention = await listOrders(db, { needsAttention: true, pageSize: 100 });
    const ids = attention.items.map((order) => order.id);
    expect(ids).toContain(stranded.orderIds[0]);
    expect(ids).not.toContain(fellBack.orderIds[0]);
    await updateChannel(db, null, { channelId: stranded.sandboxEmail.id, enabled: true });
  });
});
