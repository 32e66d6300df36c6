import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type OrderStatus, customers, orderItems, orders } from "@/db/schema";
import { type OrderLabels, orderLabelsFor } from "@/lib/i18n/order-labels";
import { getStore } from "../settings/store-settings";
import { formatOrder } from "../templates/template-variables";
import { maskEmail, maskPhone } from "./mask-contact";
import { isWellFormedReceiptToken } from "./receipt-url";

/** What the public receipt page shows: formatted in the order's locale, contact details masked. */
export type Receipt = {
  locale: string;
  /** The page's words in the order's language (else the store's, else English). */
  labels: OrderLabels;
  store: { name: string; brandColor: string; logoUrl: string | null; supportEmail: string | null; supportPhone: string | null };
  order: {
    number: string;
    status: OrderStatus;
    /** Formatted in the store's time zone. */
    placedAt: string | null;
    paidAt: string | null;
    items: Array<{ name: string; variant: string | null; sku: string | null; quantity: number; unitPrice: string; lineTotal: string }>;
    /** Discount negative; a zero discount, shipping or tax is null. */
    totals: { subtotal: string; discount: string | null; shipping: string | null; tax: string | null; total: string };
    deliveryEstimate: string | null;
    /** The platform's order status page, when it gave one. */
    statusUrl: string | null;
  };
  contact: { email: string | null; phone: string | null };
};

/**
 * The receipt behind a token, counting the view; null when no order has that token. The token is found by
 * an exact match on its unique index, in the same statement that counts the view, so there is nothing to
 * compare character by character; 192-bit random tokens make guessing hopeless.
 */
export async function getReceipt(db: Db, token: string): Promise<Receipt | null> {
  if (!isWellFormedReceiptToken(token)) return null;
  const [order] = await db
    .update(orders)
    .set({
      receiptViews: sql`${orders.receiptViews} + 1`,
      receiptFirstViewedAt: sql`coalesce(${orders.receiptFirstViewedAt}, now())`,
      receiptLastViewedAt: sql`now()`,
    })
    .where(eq(orders.receiptToken, token))
    .returning();
  if (!order) return null;

  const [items, [customer], store] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.position)),
    order.customerId ? db.select().from(customers).where(eq(customers.id, order.customerId)) : Promise.resolve([]),
    getStore(db),
  ]);
  const formatted = formatOrder({ order, items, customer: customer ?? null, store });
  return {
    locale: formatted.locale,
    labels: orderLabelsFor(formatted.locale, store.defaultLocale),
    store: { name: store.name, brandColor: store.brandColor, logoUrl: store.logoUrl, supportEmail: store.supportEmail, supportPhone: store.supportPhone },
    order: {
      number: order.number,
      status: order.status,
      placedAt: formatted.placedAt,
      paidAt: formatted.paidAt,
      items: formatted.items,
      totals: formatted.totals,
      deliveryEstimate: formatted.deliveryEstimate,
      statusUrl: order.statusUrl && /^https?:\/\//i.test(order.statusUrl) ? order.statusUrl : null,
    },
    contact: {
      email: customer?.email ? maskEmail(customer.email) : null,
      phone: customer?.phone ? maskPhone(customer.phone) : null,
    },
  };
}
