import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Channel, type Customer, type FlowStep, type Notification, type Order, type OrderItem, type Store, channels, customers, flowSteps, orderItems, orders } from "@/db/schema";
import { getStore } from "../settings/store-settings";

export type DispatchContext = {
  notification: Notification;
  order: Order;
  items: OrderItem[];
  customer: Customer | null;
  store: Store;
  channel: Channel | null;
  step: FlowStep | null;
};

/** Everything needed to render and send one notification, read fresh for each attempt. */
export async function loadDispatchContext(db: Db, notification: Notification): Promise<DispatchContext> {
  const [[order], items, [channel], [step], store] = await Promise.all([
    db.select().from(orders).where(eq(orders.id, notification.orderId)),
    db.select().from(orderItems).where(eq(orderItems.orderId, notification.orderId)).orderBy(asc(orderItems.position)),
    db.select().from(channels).where(eq(channels.id, notification.channelId)),
    notification.flowStepId ? db.select().from(flowSteps).where(eq(flowSteps.id, notification.flowStepId)) : Promise.resolve([]),
    getStore(db),
  ]);
  if (!order) throw new Error(`order ${notification.orderId} of notification ${notification.id} is gone`);
  const [customer] = order.customerId ? await db.select().from(customers).where(eq(customers.id, order.customerId)) : [];
  return { notification, order, items, customer: customer ?? null, store, channel: channel ?? null, step: step ?? null };
}
