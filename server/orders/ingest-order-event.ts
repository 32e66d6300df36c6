import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { type Order, type OrderFlag, type OrderStatus, type Store, customers, orderItems, orders } from "@/db/schema";
import { cancelPendingNotifications, planNotifications } from "../flows/plan-notifications";
import { getStore } from "../settings/store-settings";
import { type ContactDetails, contactDetailsOf, hasAnyContact } from "./contact-details";
import type { OrderEvent, OrderTrigger } from "./order-event";
import { flagsFor, totalsAddUp } from "./order-flags";
import { upsertCustomer } from "./upsert-customer";

export type IngestResult = {
  orderId: string;
  created: boolean;
  status: OrderStatus;
  flags: OrderFlag[];
  planned: number;
  cancelled: number;
  notes: string[];
};

/** Later states win: a late "created, unpaid" event never takes a paid order back. */
const statusRank: Record<OrderStatus, number> = { awaiting_payment: 0, paid: 1, cancelled: 2, refunded: 3 };

function incomingStatus(trigger: OrderTrigger | null, event: OrderEvent): OrderStatus {
  if (trigger === "order_refunded" || event.paymentStatus === "refunded") return "refunded";
  if (trigger === "order_cancelled" || event.paymentStatus === "cancelled") return "cancelled";
  if (trigger === "order_paid" || event.paymentStatus === "paid") return "paid";
  return "awaiting_payment";
}

/** The store's lead time after payment, as a calendar date in the store's time zone. */
export function defaultDeliveryEstimate(store: Pick<Store, "timezone" | "deliveryLeadTimeDays">, paidAt: Date): string {
  const due = new Date(paidAt.getTime() + store.deliveryLeadTimeDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: store.timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(due);
}

export function newReceiptToken(): string {
  return randomBytes(24).toString("base64url"); // 192 bits
}

async function lockOrInsertOrder(tx: Tx, sourceId: string, externalId: string, insert: typeof orders.$inferInsert): Promise<{ order: Order; created: boolean }> {
  const [inserted] = await tx.insert(orders).values(insert).onConflictDoNothing({ target: [orders.sourceId, orders.externalId] }).returning();
  if (inserted) return { order: inserted, created: true };
  // The row exists (or a concurrent event just made it): lock it so events for one order apply one at a time.
  const [existing] = await tx.select().from(orders).where(and(eq(orders.sourceId, sourceId), eq(orders.externalId, externalId))).for("update");
  return { order: existing!, created: false };
}

async function contactOfExisting(tx: Tx, order: Order, contact: ContactDetails): Promise<ContactDetails> {
  if (hasAnyContact(contact) || !order.customerId) return contact;
  const [customer] = await tx.select().from(customers).where(eq(customers.id, order.customerId));
  if (!customer) return contact;
  return { ...contact, email: customer.email, phone: customer.phone };
}

/**
 * Applies one normalised order event in a single transaction: customer, order and items (one order per
 * source + external id, whatever the number of events or their order), the flags that hold it back, and
 * the notifications of every matching flow. Cancellations and refunds cancel what is still pending.
 */
export async function ingestOrderEvent(
  db: Db,
  input: { sourceId: string; trigger: OrderTrigger | null; event: OrderEvent; now?: Date },
): Promise<IngestResult> {
  const { sourceId, trigger, event } = input;
  const now = input.now ?? new Date();
  const store = await getStore(db);
  const country = event.shippingAddress?.country?.toUpperCase() ?? null;
  const contact = contactDetailsOf(event.customer, country, store.defaultCountry);
  const notes = [...contact.problems];
  const status = incomingStatus(trigger, event);

  return db.transaction(async (tx) => {
    const customerId = await upsertCustomer(tx, event.customer, contact);
    const amounts = {
      currency: event.currency,
      subtotal: event.subtotal,
      discountTotal: event.discountTotal,
      taxTotal: event.taxTotal,
      shippingTotal: event.shippingTotal,
      total: event.total,
    };
    const { order: existing, created } = await lockOrInsertOrder(tx, sourceId, event.externalId, {
      sourceId,
      externalId: event.externalId,
      number: event.number,
      status,
      customerId,
      locale: event.locale ?? event.customer.locale ?? null,
      ...amounts,
      shippingAddress: event.shippingAddress ?? null,
      statusUrl: event.statusUrl ?? null,
      placedAt: event.placedAt ?? now,
      paidAt: status === "paid" ? (event.paidAt ?? now) : null,
      receiptToken: newReceiptToken(),
    });

    const mergedStatus = statusRank[status] > statusRank[existing.status] ? status : existing.status;
    const paidAt = existing.paidAt ?? (mergedStatus !== "awaiting_payment" ? (event.paidAt ?? now) : null);
    const keepItems = !created && event.itemsAreFallback && (await tx.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, existing.id)).limit(1)).length > 0;
    if (!keepItems) {
      if (!created) await tx.delete(orderItems).where(eq(orderItems.orderId, existing.id));
      if (event.items.length) {
        await tx.insert(orderItems).values(
          event.items.map((item, position) => ({ orderId: existing.id, position, name: item.name, variant: item.variant ?? null, sku: item.sku ?? null, quantity: item.quantity, unitPrice: item.unitPrice, lineTotal: item.lineTotal })),
        );
      }
    }
    const reachable = await contactOfExisting(tx, existing, contact);
    const addsUp = keepItems || totalsAddUp({ ...event, taxesIncluded: event.taxesIncluded });
    if (!addsUp) notes.push("items + shipping + tax − discounts do not add up to the total");
    const flags = flagsFor({ status: mergedStatus, hasContact: hasAnyContact(reachable), totalsAddUp: addsUp, totalsApproved: Boolean(existing.totalsApprovedAt) });

    // An event with less detail (a Stripe PaymentIntent after its Checkout Session) updates the status
    // but keeps the number, items and amounts the fuller event gave.
    const detail = keepItems
      ? { number: existing.number, currency: existing.currency, subtotal: existing.subtotal, discountTotal: existing.discountTotal, taxTotal: existing.taxTotal, shippingTotal: existing.shippingTotal, total: existing.total }
      : { number: event.number, ...amounts };
    const [order] = await tx
      .update(orders)
      .set({
        ...detail,
        status: mergedStatus,
        flags,
        customerId: customerId ?? existing.customerId,
        locale: event.locale ?? event.customer.locale ?? existing.locale,
        deliveryEstimate: event.deliveryEstimate ?? existing.deliveryEstimate ?? (paidAt ? defaultDeliveryEstimate(store, paidAt) : null),
        shippingAddress: event.shippingAddress ?? existing.shippingAddress,
        statusUrl: event.statusUrl ?? existing.statusUrl,
        placedAt: existing.placedAt ?? event.placedAt ?? now,
        paidAt,
        updatedAt: now,
      })
      .where(eq(orders.id, existing.id))
      .returning();

    let cancelled = 0;
    if ((mergedStatus === "cancelled" || mergedStatus === "refunded") && existing.status !== mergedStatus) {
      cancelled = await cancelPendingNotifications(tx, order!.id, `order ${mergedStatus}`);
    }
    let planned = 0;
    if (trigger === "order_paid" && mergedStatus === "paid" && flags.length === 0) {
      planned = await planNotifications(tx, { order: order!, trigger, contact: reachable, country, now });
    } else if ((trigger === "order_cancelled" || trigger === "order_refunded") && hasAnyContact(reachable)) {
      planned = await planNotifications(tx, { order: order!, trigger, contact: reachable, country, now });
    }
    return { orderId: order!.id, created, status: mergedStatus, flags, planned, cancelled, notes };
  });
}
