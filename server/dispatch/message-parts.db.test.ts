import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { deliveryStatusEvents, flows, providerMessageParts, stores } from "@/db/schema";
import { createChannel } from "../channel-management/manage-channels";
import { startFakeVonageSms, vonageDlr, type FakeVonageSms } from "../channels/vonage-sms/fake";
import { createFlow } from "../flows/manage-flows";
import { ingestOrderEvent } from "../orders/ingest-order-event";
import { createSource } from "../sources/manage-sources";
import { seedDefaults } from "../startup/seed-defaults";
import { describeWithDatabase } from "../testing/test-database";
import { receiveStatusCallback } from "./receive-status-callback";
import { runDispatchPass } from "./run-dispatch-pass";
import { notificationsOf } from "./testing/dispatch-fixtures";

const apiKey = "a1b2c3d4";
const apiSecret = "Sup3rS3cretValue";
let fake: FakeVonageSms | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

describeWithDatabase("split messages (Vonage multi-part SMS)", (database) => {
  /** A long confirmation through Vonage: the fake splits it into parts, each with its own id. */
  async function sentInParts(externalId: string) {
    const { db } = database();
    await seedDefaults(db);
    await db.update(flows).set({ enabled: false }).where(eq(flows.name, "Customer order confirmation"));
    // A long store name makes the default SMS longer than one 160-character part.
    await db.update(stores).set({ name: "Trail & Co — outdoor gear, repairs and rentals for every season, since 1987, Berlin" });
    fake ??= await startFakeVonageSms({ apiKey, apiSecret });
    const { source } = await createSource(db, null, { kind: "pos", name: `Till ${externalId}` });
    const channel = await createChannel(db, null, { provider: "vonage-sms", name: `Vonage ${externalId}`, credentials: { apiKey, apiSecret }, config: { from: "TrailCo" }, baseUrl: fake.url, ratePerSecond: 1000 });
    await createFlow(db, null, { name: `SMS ${externalId}`, trigger: "order_paid", conditions: { sourceIds: [source.id] }, steps: [{ channelIds: [channel.id] }] });
    const { orderId } = await ingestOrderEvent(db, {
      sourceId: source.id,
      trigger: "order_paid",
      event: {
        externalId,
        number: `#${externalId}`,
        paymentStatus: "paid",
        currency: "EUR",
        items: [{ name: "Linen apron", variant: null, sku: "LA-1", quantity: 1, unitPrice: 4300, lineTotal: 4300 }],
        subtotal: 4300,
        discountTotal: 0,
        taxTotal: 0,
        shippingTotal: 0,
        total: 4300,
        customer: { name: "Ada Lovelace", email: null, phone: "+4915112345678" },
        shippingAddress: { country: "DE", city: "Berlin" },
      },
    });
    await runDispatchPass(db, { workerId: "parts" });
    const [sent] = await notificationsOf(db, orderId);
    const parts = fake.sent.at(-1)!.messageIds;
    return { db, channel, orderId, sent: sent!, parts };
  }

  const receipt = (channelId: string, messageId: string, status: string, errCode = "0") => {
    const dlr = vonageDlr({ msisdn: "4915112345678", to: "TrailCo", "network-code": "26203", messageId, price: "0.0333", status, scts: "2611271001", "err-code": errCode, "api-key": apiKey, "message-timestamp": "2026-11-27 10:01:02" });
    return new Request(`http://localhost:3999/api/status/${channelId}${new URL(dlr.url).search}`, { method: "GET" });
  };

  it("records every part at send time and settles delivered only when every part is in", async () => {
    const { db, channel, orderId, sent, parts } = await sentInParts("P-1001");
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(sent).toMatchObject({ status: "sent", providerMessageId: parts[0] });
    const stored = await db.select().from(providerMessageParts).where(eq(providerMessageParts.notificationId, sent.id));
    expect(stored.map((part) => part.providerMessageId).sort()).toEqual([...parts].sort());

    for (const part of parts.slice(0, -1)) {
      expect((await receiveStatusCallback(db, channel.id, receipt(channel.id, part, "delivered"))).status).toBe(200);
      expect((await notificationsOf(db, orderId))[0]!.status).toBe("sent");
    }
    await receiveStatusCallback(db, channel.id, receipt(channel.id, parts.at(-1)!, "delivered"));
    expect((await notificationsOf(db, orderId))[0]).toMatchObject({ status: "delivered" });
    const results = (await db.select().from(deliveryStatusEvents).where(eq(deliveryStatusEvents.channelId, channel.id))).map((event) => event.result);
    expect(results.filter((result) => result === "awaiting_parts")).toHaveLength(parts.length - 1);
    expect(results).toContain("applied");
  });

  it("fails the message when a part failed, once all parts are in, naming the part", async () => {
    const { db, channel, orderId, parts } = await sentInParts("P-1002");
    await receiveStatusCallback(db, channel.id, receipt(channel.id, parts[1]!, "failed", "3"));
    expect((await notificationsOf(db, orderId))[0]!.status).toBe("sent");
    for (const part of parts.filter((_, index) => index !== 1)) await receiveStatusCallback(db, channel.id, receipt(channel.id, part, "delivered"));
    expect((await notificationsOf(db, orderId))[0]).toMatchObject({ status: "failed", lastError: expect.stringContaining(`part 2 of ${parts.length}: Vonage err-code 3`) });
  });
});
