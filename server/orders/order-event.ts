import type { PostalAddress } from "@/db/schema";

/** What happened to the order, as far as flows are concerned. */
export type OrderTrigger = "order_paid" | "order_cancelled" | "order_refunded";

export type PaymentStatus = "paid" | "pending" | "cancelled" | "refunded";

export type OrderEventItem = {
  /** Product model / title. */
  name: string;
  variant?: string | null;
  sku?: string | null;
  quantity: number;
  /** Minor units of the order's currency, before any discount. */
  unitPrice: number;
  /** Minor units: what the customer pays for the line, after the line's own discounts. */
  lineTotal: number;
};

export type OrderEventCustomer = {
  name?: string | null;
  email?: string | null;
  /** As the platform gave it; normalised to E.164 later with the store's default country. */
  phone?: string | null;
  locale?: string | null;
  marketingConsent?: boolean;
  messengerIds?: { whatsapp?: string; telegram?: string; line?: string; viber?: string; messenger?: string };
};

/**
 * One platform's order webhook, normalised. Every source adapter produces this; everything after
 * (conditions, orders, flows, notifications) reads only this.
 */
export type OrderEvent = {
  /** The platform's order id, as an exact string (Shopify ids exceed 2^53). */
  externalId: string;
  /** The number people use: "#1001", "1001", a Stripe session id when nothing better exists. */
  number: string;
  paymentStatus: PaymentStatus;
  currency: string;
  items: OrderEventItem[];
  /**
   * All amounts in minor units. The totals check is: Σ(unitPrice × quantity) + shipping + tax (unless
   * taxesIncluded) − discountTotal = total. So `discountTotal` is every discount, line and order level,
   * and `subtotal` is what the platform shows as subtotal (informational).
   */
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  /** Prices already include tax (Shopify `taxes_included`), so tax is not added on top. */
  taxesIncluded?: boolean;
  /**
   * The platform gave no line items and the adapter made one "Order total" line. A later event for the
   * same order with real items replaces it; this one never replaces real items.
   */
  itemsAreFallback?: boolean;
  customer: OrderEventCustomer;
  shippingAddress?: PostalAddress | null;
  /** YYYY-MM-DD, when the platform gives one; otherwise the store's lead time applies. */
  deliveryEstimate?: string | null;
  /** The platform's own order status page. */
  statusUrl?: string | null;
  locale?: string | null;
  placedAt?: Date | null;
  paidAt?: Date | null;
};
