import type { PostalAddress } from "@/db/schema";
import { toMinorUnits } from "../../money/minor-units";
import type { OrderEvent, OrderEventItem, PaymentStatus } from "../../orders/order-event";
import { type WooAddress, type WooLineItem, type WooOrder, wooGmtDate } from "./woocommerce-schema";

/** A validated WooCommerce order as an OrderEvent: amounts in minor units of the order's currency. */
export function wooOrderEvent(order: WooOrder, paymentStatus: PaymentStatus): OrderEvent {
  const { currency } = order;
  // The schema has checked every amount is a decimal, so null here only means "absent".
  const minor = (value: string | number | null | undefined) => toMinorUnits(value, currency) ?? 0;

  const items: OrderEventItem[] = order.line_items.map((line) => {
    const subtotal = minor(line.subtotal);
    return {
      name: line.name,
      variant: variantOf(line),
      sku: nonBlank(line.sku),
      quantity: line.quantity,
      // Not `price`: Woo computes it as total ÷ quantity, i.e. after coupons, and as a float. The line
      // subtotal (before coupons, excluding tax) divided back gives the shelf price the totals check needs.
      unitPrice: line.quantity > 0 ? Math.round(subtotal / line.quantity) : subtotal,
      lineTotal: minor(line.total),
    };
  });
  const subtotal = order.line_items.reduce((sum, line) => sum + minor(line.subtotal), 0);

  // Fees are in `total` but in no line: a positive one (surcharge, gift wrap) becomes a line of its own, a
  // negative one (a discount some plugins add as a fee) joins the discounts. Either way the totals balance.
  let feeDiscounts = 0;
  for (const fee of order.fee_lines ?? []) {
    const amount = minor(fee.total);
    if (amount > 0) items.push({ name: nonBlank(fee.name) ?? "Fee", variant: null, sku: null, quantity: 1, unitPrice: amount, lineTotal: amount });
    else feeDiscounts -= amount;
  }

  const total = minor(order.total);
  const discountTotal = minor(order.discount_total) + feeDiscounts;
  const shippingTotal = minor(order.shipping_total);
  const taxTotal = minor(order.total_tax);
  const billing = order.billing;
  const shipping = order.shipping;
  const externalId = String(order.id);
  return {
    externalId,
    number: nonBlank(order.number == null ? null : String(order.number)) ?? externalId,
    paymentStatus,
    currency,
    ...(items.length > 0 ? { items } : { items: [fallbackLine(total - shippingTotal - taxTotal + discountTotal)], itemsAreFallback: true }),
    subtotal,
    discountTotal,
    taxTotal,
    shippingTotal,
    total,
    // Woo keeps line amounts excluding tax even when the shop enters prices including it, and adds
    // total_tax on top: tax is never already inside the lines here.
    taxesIncluded: false,
    customer: {
      name: personName(billing?.first_name, billing?.last_name) ?? personName(shipping?.first_name, shipping?.last_name),
      email: nonBlank(billing?.email),
      phone: nonBlank(billing?.phone) ?? nonBlank(shipping?.phone),
    },
    shippingAddress: postalAddress(shipping),
    deliveryEstimate: null,
    statusUrl: null,
    locale: null,
    placedAt: order.date_created_gmt ? wooGmtDate(order.date_created_gmt) : null,
    paidAt: paymentStatus === "paid" && order.date_paid_gmt ? wooGmtDate(order.date_paid_gmt) : null,
  };
}

/** One "Order total" line standing in for none (an order of fees only…), priced so the totals balance. */
function fallbackLine(amount: number): OrderEventItem {
  return { name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: amount, lineTotal: amount };
}

/**
 * "Colour: Navy, Size: M" from the line's displayed meta (variation attributes, product add-ons). Keys
 * starting with "_" are WooCommerce's own bookkeeping (_reduced_stock…), hidden in its emails too.
 */
function variantOf(line: WooLineItem): string | null {
  const parts: string[] = [];
  for (const meta of line.meta_data ?? []) {
    if (typeof meta.key === "string" && meta.key.startsWith("_")) continue;
    const label = displayText(meta.display_key) ?? displayText(meta.key);
    const value = displayText(meta.display_value) ?? displayText(meta.value);
    if (label && value) parts.push(`${label}: ${value}`);
  }
  return parts.length > 0 ? parts.join(", ") : null;
}

function displayText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  // The REST API strips tags already; plugins filtering the payload may not.
  return nonBlank(value.replace(/<[^>]*>/g, ""));
}

/** Woo sends every address field, blank ones as "": a virtual order's shipping address is all blanks. */
function postalAddress(address: WooAddress | null | undefined): PostalAddress | null {
  if (!address) return null;
  const fields: PostalAddress = {
    name: personName(address.first_name, address.last_name) ?? undefined,
    company: nonBlank(address.company) ?? undefined,
    line1: nonBlank(address.address_1) ?? undefined,
    line2: nonBlank(address.address_2) ?? undefined,
    city: nonBlank(address.city) ?? undefined,
    region: nonBlank(address.state) ?? undefined,
    postalCode: nonBlank(address.postcode) ?? undefined,
    country: nonBlank(address.country)?.toUpperCase() ?? undefined,
    phone: nonBlank(address.phone) ?? undefined,
  };
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as PostalAddress) : null;
}

function personName(first: string | null | undefined, last: string | null | undefined): string | null {
  return nonBlank([first, last].map((part) => part?.trim()).filter(Boolean).join(" "));
}

function nonBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
