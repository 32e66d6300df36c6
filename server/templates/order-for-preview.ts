import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, orderItems, orders } from "@/db/schema";
import { DomainError } from "../errors";
import { findOrderId } from "../orders/get-order";
import { getStore } from "../settings/store-settings";
import { sampleOrder } from "./sample-order";
import type { OrderMessageInput } from "./template-variables";

export type PreviewOrder = { input: OrderMessageInput; source: "sample" | "order"; number: string };

/**
 * The order a preview or a test message is rendered with: a real order found by its number (as the
 * dashboard shows it, with or without "#"), else the sample order in the template's locale.
 */
export async function orderForPreview(db: Db, options: { orderNumber?: string | null; locale: string; appUrl: string; now?: Date }): Promise<PreviewOrder> {
  const store = await getStore(db);
  const reference = options.orderNumber?.trim();
  if (!reference) {
    const input = sampleOrder(store, { locale: options.locale, appUrl: options.appUrl, now: options.now });
    return { input, source: "sample", number: input.order.number };
  }
  const id = await findOrderId(db, reference);
  if (!id) throw new DomainError("NOT_FOUND", `No order has the number “${reference}”.`, "orderNumber");
  const [[order], items] = await Promise.all([
    db.select().from(orders).where(eq(orders.id, id)),
    db.select().from(orderItems).where(eq(orderItems.orderId, id)).orderBy(asc(orderItems.position)),
  ]);
  const [customer] = order!.customerId ? await db.select().from(customers).where(eq(customers.id, order!.customerId)) : [];
  return { input: { order: order!, items, customer: customer ?? null, store, appUrl: options.appUrl }, source: "order", number: order!.number };
}
