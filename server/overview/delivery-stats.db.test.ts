import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { notifications, orders } from "@/db/schema";
import { placeOrder, setUpDesk } from "../orders/testing/support-fixtures";
import { describeWithDatabase } from "../testing/test-database";
import { getDeliveryStats } from "./delivery-stats";

describeWithDatabase("overview: confirmations, per channel and payment-to-first-send latency", (database) => {
  it("keeps each order's confirmation state and first send time as its messages move, and reads p50/p95 from them", async () => {
    const { db } = database();
    const desk = await setUpDesk(db);
    const latencies = [2, 4, 30];
    const placed: Array<Awaited<ReturnType<typeof placeOrder>>> = [];
    for (const seconds of latencies) {
      const order = await placeOrder(db, desk.source.id, { name: "Stats", email: `stats-${seconds}@example.com`, phone: "+14155550150" });
      placed.push(order);
      const [row] = await db.select().from(orders).where(eq(orders.id, order.orderId));
      expect(row).toMatchObject({ confirmation: "pending", firstSentAt: null });
      await db
        .update(notifications)
        .set({ status: "sent", sentAt: sql`${row!.paidAt!.toISOString()}::timestamptz + make_interval(secs => ${seconds})` })
        .where(eq(notifications.orderId, order.orderId));
    }
    const [first] = await db.select().from(orders).where(eq(orders.id, placed[0]!.orderId));
    expect(first!.confirmation).toBe("sent");
    expect(first!.firstSentAt!.getTime() - first!.paidAt!.getTime()).toBe(2000);

    await db.update(notifications).set({ status: "delivered" }).where(eq(notifications.orderId, placed[1]!.orderId));
    await db.update(notifications).set({ status: "failed" }).where(eq(notifications.orderId, placed[2]!.orderId));
    const states = await db.select({ id: orders.id, confirmation: orders.confirmation }).from(orders);
    expect(states.find((row) => row.id === placed[1]!.orderId)!.confirmation).toBe("delivered");
    expect(states.find((row) => row.id === placed[2]!.orderId)!.confirmation).toBe("failed");

    const stats = await getDeliveryStats(db, "today");
    expect(stats.orders).toBe(3);
    expect(stats.latency.measured).toBe(3);
    expect(stats.latency.p50Seconds).toBeCloseTo(4, 3);
    expect(stats.latency.p95Seconds).toBeCloseTo(27.4, 3);
    const email = stats.channels.find((channel) => channel.channelId === desk.sandboxEmail.id)!;
    expect(email).toMatchObject({ sent: 1, delivered: 1, failed: 1 });
    expect(email.deliveryRate).toBeCloseTo(2 / 3, 5);
    expect(stats.failures).toBe(2);
    expect(stats.daily.at(-1)).toMatchObject({ orders: 3 });
    expect((await getDeliveryStats(db, "30d")).daily).toHaveLength(30);
  });
});
