import type { OrderEventItem } from "@/server/orders/order-event";
import type { StripeLineItem } from "./schemas";

export type StripeTotals = { total: number; shipping: number; tax: number; discount: number; taxesIncluded: boolean };

/**
 * The single line used when the line items are unknown. Priced so that Orderbell's totals check
 * (Σ unit × qty + shipping + tax − discounts = total) still balances, as the other adapters do.
 */
export function orderTotalLine(totals: StripeTotals): OrderEventItem {
  const amount = totals.total - totals.shipping - (totals.taxesIncluded ? 0 : totals.tax) + totals.discount;
  return { name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: amount, lineTotal: amount };
}

/**
 * Stripe reports no "taxes included" flag on a session: with inclusive prices the tax is already inside
 * amount_subtotal, so subtotal − discount + shipping alone makes the total.
 */
export function taxesIncludedIn(totals: { subtotal: number; total: number; shipping: number; tax: number; discount: number }): boolean {
  return totals.tax > 0 && totals.subtotal - totals.discount + totals.shipping === totals.total;
}

/**
 * A Checkout line item as an order line: `amount_subtotal` is quantity × price before discounts and tax,
 * `amount_discount` every discount spread onto this line (coupons included), which the session reports
 * again in total_details.amount_discount, the order's discount total.
 */
export function toOrderItem(item: StripeLineItem): OrderEventItem {
  const quantity = item.quantity ?? 1;
  const product = item.price?.product;
  const productName = typeof product === "object" && product !== null ? product.name : null;
  const unitAmount = item.price?.unit_amount;
  // Tiered, package (transform_quantity) and custom prices have no unit_amount that times quantity gives
  // the line's amount; the line's own subtotal, divided back, is then the unit price the totals check needs.
  const unitPrice =
    unitAmount != null && unitAmount * quantity === item.amount_subtotal ? unitAmount : quantity > 0 ? Math.round(item.amount_subtotal / quantity) : item.amount_subtotal;
  return {
    name: item.description?.trim() || productName?.trim() || item.price?.nickname?.trim() || "Item",
    variant: null,
    sku: null,
    quantity,
    unitPrice,
    lineTotal: item.amount_subtotal - (item.amount_discount ?? 0),
  };
}
