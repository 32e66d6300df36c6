import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, customers, deliveryAttempts, inboundEvents, notifications, orderItems, orders, sources } from "@/db/schema";
import { DomainError } from "../errors";

/** Everything support needs about one order: items, customer, flags, every message and every event. */
export async function getOrder(db: Db, orderId: string) {
  const [row] = await db
    .select({ order: orders, sourceName: sources.name, sourceKind: sources.kind, customer: customers })
    .from(orders)
    .innerJoin(sources, eq(sources.id, orders.sourceId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  if (!row) throw new DomainError("NOT_FOUND", "No such order.");
  const [items, messages, events] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.position)),
    db
      .select({ notification: notifications, channelName: channels.name, channelProvider: channels.provider, channelKind: channels.kind })
      .from(notifications)
      .innerJoin(channels, eq(channels.id, notifications.channelId))
      .where(eq(notifications.orderId, orderId))
      .orderBy(asc(notifications.createdAt)),
    db
      .select({ id: inboundEvents.id, receivedAt: inboundEvents.receivedAt, topic: inboundEvents.topic, outcome: inboundEvents.outcome, reason: inboundEvents.reason })
      .from(inboundEvents)
      .where(eq(inboundEvents.orderId, orderId))
      .orderBy(desc(inboundEvents.receivedAt)),
  ]);
  const ids = messages.map((message) => message.notification.id);
  const attempts = ids.length ? await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.notificationId, ids)).orderBy(asc(deliveryAttempts.startedAt)) : [];
  const { receiptToken: _token, ...order } = row.order;
  return {
    order,
    source: { name: row.sourceName, kind: row.sourceKind },
    customer: row.customer,
    items,
    notifications: messages.map((message) => ({
      ...message.notification,
      channelName: message.channelName,
      channelProvider: message.channelProvider,
      channelKind: message.channelKind,
      deliveryAttempts: attempts.filter((attempt) => attempt.notificationId === message.notification.id),
    })),
    events,
  };
}

/** Finds an order by its id, its number (as the customer quotes it) or the platform's id. */
export async function findOrderId(db: Db, reference: string): Promise<string | null> {
  const trimmed = reference.trim();
  if (/^[0-9a-f-]{36}$/i.test(trimmed)) {
    const [byId] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, trimmed));
    if (byId) return byId.id;
  }
  for (const candidate of new Set([trimmed, trimmed.replace(/^#/, ""), `#${trimmed.replace(/^#/, "")}`])) {
    const [byNumber] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, candidate)).orderBy(desc(orders.createdAt)).limit(1);
    if (byNumber) return byNumber.id;
  }
  const [byExternal] = await db.select({ id: orders.id }).from(orders).where(eq(orders.externalId, trimmed)).orderBy(desc(orders.createdAt)).limit(1);
  return byExternal?.id ?? null;
}
