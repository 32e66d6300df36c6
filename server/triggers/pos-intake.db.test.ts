import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { flows, inboundEvents, notifications, orderItems, orders, stores } from "@/db/schema";
import { createSource } from "../sources/manage-sources";
import { posOrderBody, signPosRequest } from "../sources/pos/fixtures";
import { seedDefaults } from "../startup/seed-defaults";
import { describeWithDatabase } from "../testing/test-database";
import { triggerRequest } from "../testing/trigger-request";
import { processInboundEvent } from "./process-inbound-event";
import { receiveTrigger } from "./receive-trigger";
import { replayInboundEvent } from "./replay-inbound-event";

describeWithDatabase("POS intake", (database) => {
  async function setup() {
    const { db } = database();
    await seedDefaults(db);
    const { source, generatedSecrets } = await createSource(db, null, { kind: "pos", name: `Till ${Math.random()}` });
    return { db, source, secret: generatedSecrets!.signingSecret! };
  }

  async function deliver(db: ReturnType<typeof database>["db"], sourceId: string, secret: string, body: unknown, sign = true) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const answer = await receiveTrigger(db, sourceId, triggerRequest(sourceId, text, sign ? signPosRequest(text, secret) : { "content-type": "application/json" }));
    if (answer.processEventId) await processInboundEvent(db, answer.processEventId);
    return answer;
  }

  it("turns a paid order into an order, items and one pending notification per step of the default flow", async () => {
    const { db, source, secret } = await setup();
    const body = posOrderBody();
    const answer = await deliver(db, source.id, secret, body);
    expect(answer).toMatchObject({ status: 200, body: { status: "received" } });
    const [order] = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(order).toMatchObject({ status: "paid", flags: [], total: 15857, currency: "USD", plannedTriggers: ["order_paid"] });
    expect(order!.receiptToken.length).toBeGreaterThanOrEqual(22);
    expect(await db.select().from(orderItems).where(eq(orderItems.orderId, order!.id))).toHaveLength(2);
    const pending = await db.select().from(notifications).where(eq(notifications.orderId, order!.id));
    expect(pending.map((row) => row.status)).toEqual(["pending", "pending"]);
    const [event] = await db.select().from(inboundEvents).where(eq(inboundEvents.id, answer.body.id as string));
    expect(event).toMatchObject({ outcome: "accepted", orderId: order!.id, signatureVerdict: "valid" });
    expect(Object.keys(event!.headers)).not.toContain("x-orderbell-signature");
  });

  it("answers a repeated event id as a duplicate and creates nothing new", async () => {
    const { db, source, secret } = await setup();
    const body = posOrderBody();
    await deliver(db, source.id, secret, body);
    const again = await deliver(db, source.id, secret, body);
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate" } });
    const found = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(found).toHaveLength(1);
    expect(await db.select().from(notifications).where(eq(notifications.orderId, found[0]!.id))).toHaveLength(2);
  });

  it("makes one order and one set of notifications from twenty identical deliveries at once", async () => {
    const { db, source, secret } = await setup();
    const body = posOrderBody();
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(db, source.id, secret, body)));
    expect(answers.filter((answer) => answer.body.status === "received")).toHaveLength(1);
    expect(answers.filter((answer) => answer.body.status === "duplicate")).toHaveLength(19);
    const found = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(found).toHaveLength(1);
    expect(await db.select().from(notifications).where(eq(notifications.orderId, found[0]!.id))).toHaveLength(2);
  });

  it("keeps one order when several events for it arrive at once, and one set of notifications", async () => {
    const { db, source, secret } = await setup();
    const orderId = `POS-${Math.random().toString(36).slice(2, 8)}`;
    await Promise.all(Array.from({ length: 6 }, (_, index) => deliver(db, source.id, secret, posOrderBody({ orderId, type: index % 2 ? "order.created" : "order.paid" }))));
    const found = await db.select().from(orders).where(eq(orders.externalId, orderId));
    expect(found).toHaveLength(1);
    expect(found[0]!.status).toBe("paid");
    expect(await db.select().from(notifications).where(eq(notifications.orderId, found[0]!.id))).toHaveLength(2);
  });

  it("refuses bad signatures, stale timestamps, malformed JSON, missing fields, unknown and disabled sources, and records each", async () => {
    const { db, source, secret } = await setup();
    const text = JSON.stringify(posOrderBody());
    const wrong = await receiveTrigger(db, source.id, triggerRequest(source.id, text, signPosRequest(text, "x".repeat(40))));
    expect(wrong.status).toBe(401);
    const stale = await receiveTrigger(db, source.id, triggerRequest(source.id, text, signPosRequest(text, secret, Math.floor(Date.now() / 1000) - 600)));
    expect(stale.status).toBe(401);
    const malformed = await receiveTrigger(db, source.id, triggerRequest(source.id, "{oops", signPosRequest("{oops", secret)));
    expect(malformed).toMatchObject({ status: 400, body: { error: expect.stringMatching(/malformed JSON/) } });
    const missing = JSON.stringify({ event_id: "e1", type: "order.paid", order: { id: "x", currency: "USD", items: [], total: 1, customer: {} } });
    expect(await receiveTrigger(db, source.id, triggerRequest(source.id, missing, signPosRequest(missing, secret)))).toMatchObject({ status: 422, body: { error: expect.stringMatching(/order\.items/) } });
    expect((await receiveTrigger(db, "00000000-0000-4000-8000-000000000000", triggerRequest("x", text, {}))).status).toBe(404);
    expect((await receiveTrigger(db, "not-a-uuid", triggerRequest("x", text, {}))).status).toBe(404);
    const big = Buffer.alloc(1024 * 1024 + 1, 97);
    expect((await receiveTrigger(db, source.id, triggerRequest(source.id, big, signPosRequest(big.toString(), secret)))).status).toBe(413);
    const { updateSource } = await import("../sources/manage-sources");
    await updateSource(db, null, { sourceId: source.id, enabled: false });
    expect((await receiveTrigger(db, source.id, triggerRequest(source.id, text, signPosRequest(text, secret)))).status).toBe(404);

    const recorded = await db.select().from(inboundEvents).where(eq(inboundEvents.sourceId, source.id));
    expect(recorded.map((event) => [event.httpStatus, event.outcome]).sort()).toEqual(
      [[401, "rejected"], [401, "rejected"], [400, "rejected"], [422, "rejected"], [413, "rejected"], [404, "rejected"]].sort(),
    );
    expect(recorded.find((event) => event.httpStatus === 404)?.reason).toBe("source is disabled");
    expect(await db.select().from(orders).where(eq(orders.sourceId, source.id))).toHaveLength(0);
  });

  it("holds an order without contact details, and releases it when a later paid event brings them", async () => {
    const { db, source, secret } = await setup();
    const orderId = `POS-${Math.random().toString(36).slice(2, 8)}`;
    await deliver(db, source.id, secret, posOrderBody({ orderId, email: "not an email", phone: "12" }));
    const [held] = await db.select().from(orders).where(eq(orders.externalId, orderId));
    expect(held!.flags).toEqual(["needs_contact"]);
    expect(await db.select().from(notifications).where(eq(notifications.orderId, held!.id))).toHaveLength(0);
    const [event] = await db.select().from(inboundEvents).where(and(eq(inboundEvents.orderId, held!.id)));
    expect(event).toMatchObject({ outcome: "flagged", reason: expect.stringMatching(/needs_contact/) });

    await deliver(db, source.id, secret, posOrderBody({ orderId, email: "found@customer.example", phone: null }));
    const [released] = await db.select().from(orders).where(eq(orders.externalId, orderId));
    expect(released!.flags).toEqual([]);
    const sent = await db.select().from(notifications).where(eq(notifications.orderId, held!.id));
    expect(sent).toHaveLength(1); // email only: the SMS step has no phone to reach
  });

  it("holds an unpaid order until it is paid, and flags totals that do not add up", async () => {
    const { db, source, secret } = await setup();
    const unpaid = posOrderBody({ type: "order.created" });
    await deliver(db, source.id, secret, unpaid);
    const [waiting] = await db.select().from(orders).where(eq(orders.externalId, unpaid.order.id));
    expect(waiting).toMatchObject({ status: "awaiting_payment", flags: ["awaiting_payment"] });
    await deliver(db, source.id, secret, { ...unpaid, event_id: `${unpaid.event_id}-paid`, type: "order.paid" });
    const [paid] = await db.select().from(orders).where(eq(orders.externalId, unpaid.order.id));
    expect(paid).toMatchObject({ status: "paid", flags: [] });

    const off = posOrderBody();
    off.order.total = 99_999;
    await deliver(db, source.id, secret, off);
    const [mismatch] = await db.select().from(orders).where(eq(orders.externalId, off.order.id));
    expect(mismatch!.flags).toEqual(["totals_mismatch"]);
    expect(await db.select().from(notifications).where(eq(notifications.orderId, mismatch!.id))).toHaveLength(0);
  });

  it("cancels pending notifications when the order is cancelled", async () => {
    const { db, source, secret } = await setup();
    const body = posOrderBody();
    await deliver(db, source.id, secret, body);
    await deliver(db, source.id, secret, { ...body, event_id: `${body.event_id}-c`, type: "order.cancelled" });
    const [order] = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(order!.status).toBe("cancelled");
    const rows = await db.select().from(notifications).where(eq(notifications.orderId, order!.id));
    expect(rows.map((row) => row.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("uses the store's lead time when the order gives no delivery estimate", async () => {
    const { db, source, secret } = await setup();
    await db.update(stores).set({ deliveryLeadTimeDays: 5, timezone: "UTC" });
    const body = posOrderBody();
    body.order.paid_at = "2026-03-01T12:00:00Z";
    await deliver(db, source.id, secret, body);
    const [order] = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(order!.deliveryEstimate).toBe("2026-03-06");
  });

  it("replays a rejected event after the configuration is fixed, creating the order once", async () => {
    const { db, source, secret } = await setup();
    const { rotateSourceSecrets } = await import("../sources/manage-sources");
    const body = posOrderBody();
    const text = JSON.stringify(body);
    const refused = await receiveTrigger(db, source.id, triggerRequest(source.id, text, signPosRequest(text, `${secret}-old`)));
    expect(refused.status).toBe(401);
    const [rejected] = await db.select().from(inboundEvents).where(and(eq(inboundEvents.sourceId, source.id), eq(inboundEvents.httpStatus, 401)));
    await rotateSourceSecrets(db, null, { sourceId: source.id, regenerate: true });
    const replay = await replayInboundEvent(db, null, rejected!.id);
    expect(replay.outcome).toBe("accepted");
    const again = await replayInboundEvent(db, null, rejected!.id);
    expect(again.outcome).toBe("accepted");
    const found = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(found).toHaveLength(1);
    expect(await db.select().from(notifications).where(eq(notifications.orderId, found[0]!.id))).toHaveLength(2);
  });

  it("sends nothing when the default flow is disabled", async () => {
    const { db, source, secret } = await setup();
    await db.update(flows).set({ enabled: false });
    const body = posOrderBody();
    await deliver(db, source.id, secret, body);
    const [order] = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    expect(await db.select().from(notifications).where(eq(notifications.orderId, order!.id))).toHaveLength(0);
    await db.update(flows).set({ enabled: true });
  });
});
