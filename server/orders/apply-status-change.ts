import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, orders } from "@/db/schema";
import { cancelPendingNotifications, planNotifications } from "../flows/plan-notifications";
import { getStore } from "../settings/store-settings";
import { contactDetailsOf, hasAnyContact } from "./contact-details";

export type StatusChangeResult = { kind: "applied"; orderId: string; cancelled: number; planned: number } | { kind: "unknown_order" };

/**
 * A cancellation or refund that names only the order (Shopify refunds/create, Stripe charge.refunded):
 * the stored order moves to that state, what is pending is cancelled, and the trigger's flows run.
 */
export async function applyStatusChange(
  db: Db,
  input: { sourceId: string; externalId: string; trigger: "order_cancelled" | "order_refunded"; now?: Date },
): Promise<StatusChangeResult> {
  const now = input.now ?? new Date();
  const status = input.trigger === "order_refunded" ? "refunded" : "cancelled";
  const store = await getStore(db);
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(and(eq(orders.sourceId, input.sourceId), eq(orders.externalId, input.externalId))).for("update");
    if (!order) return { kind: "unknown_order" } as const;
    if (order.status === status || (order.status === "refunded" && status === "cancelled")) {
      return { kind: "applied", orderId: order.id, cancelled: 0, planned: 0 } as const;
    }
    const [updated] = await tx
      .update(orders)
      .set({ status, flags: order.flags.filter((flag) => flag !== "awaiting_payment"), updatedAt: now })
      .where(eq(orders.id, order.id))
      .returning();
    const cancelled = await cancelPendingNotifications(tx, order.id, `order ${status}`);
    const [customer] = order.customerId ? await tx.select().from(customers).where(eq(customers.id, order.customerId)) : [];
    const country = order.shippingAddress?.country ?? null;
    const contact = contactDetailsOf({ email: customer?.email, phone: customer?.phone }, country, store.defaultCountry);
    const planned = hasAnyContact(contact) ? await planNotifications(tx, { order: updated!, trigger: input.trigger, contact, country, now }) : 0;
    return { kind: "applied", orderId: order.id, cancelled, planned } as const;
  });
}
