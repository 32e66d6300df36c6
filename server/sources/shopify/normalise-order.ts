import type { PostalAddress } from "@/db/schema";
import { toMinorUnits } from "../../money/minor-units";
import type { OrderEvent, OrderEventItem, PaymentStatus } from "../../orders/order-event";
import { idToString } from "../parse-json";
import type { ShopifyAddress, ShopifyOrder } from "./shopify-schema";

/**
 * The order's id: `id`, else the digits of `admin_graphql_api_id` ("gid://shopify/Order/820982911946154508"),
 * a string and so always exact, for payloads that left `id` out (a subscription's include_fields).
 */
export function shopifyOrderId(order: ShopifyOrder): string | null {
  return idToString(order.id) ?? /\/Order\/(\d+)$/.exec(order.admin_graphql_api_id ?? "")?.[1] ?? null;
}

/** A validated Shopify order as an OrderEvent: amounts in minor units of the shop currency. */
export function shopifyOrderEvent(order: ShopifyOrder, externalId: string, paymentStatus: PaymentStatus, paidAt: Date | null): OrderEvent {
  const { currency } = order;
  // The schema has checked every amount is a decimal, so null here only means "absent".
  const minor = (value: string | number | null | undefined) => toMinorUnits(value, currency) ?? 0;

  const productLines: OrderEventItem[] = order.line_items.map((line) => {
    const unitPrice = minor(line.price);
    // Shopify puts every discount, line-level or spread from an order-level code, in discount_allocations;
    // total_discount is deprecated and "0.00" on most orders, so it is only the fallback.
    const discount = line.discount_allocations?.length
      ? line.discount_allocations.reduce((sum, allocation) => sum + minor(allocation.amount), 0)
      : minor(line.total_discount);
    return {
      name: line.title,
      variant: nonBlank(line.variant_title),
      sku: nonBlank(line.sku),
      quantity: line.quantity,
      unitPrice,
      lineTotal: unitPrice * line.quantity - discount,
    };
  });

  // total_price includes tips; a "Tip" line keeps Σ(unit × qty) + shipping + tax − discounts = total.
  const tip = minor(order.total_tip_received);
  const items = tip > 0 ? [...productLines, { name: "Tip", variant: null, sku: null, quantity: 1, unitPrice: tip, lineTotal: tip }] : productLines;

  const shippingTotal =
    order.total_shipping_price_set != null
      ? minor(order.total_shipping_price_set.shop_money.amount)
      : (order.shipping_lines ?? []).reduce((sum, line) => sum + minor(line.price), 0);
  const subtotalValue = order.subtotal_price ?? order.current_subtotal_price;
  const total = minor(order.total_price);
  const discountTotal = minor(order.total_discounts);
  const taxTotal = minor(order.total_tax);
  const taxesIncluded = order.taxes_included === true;

  const customer = order.customer;
  const shipping = order.shipping_address;
  const billing = order.billing_address;
  return {
    externalId,
    number: nonBlank(order.name) ?? (order.order_number != null ? `#${order.order_number}` : externalId),
    paymentStatus,
    currency,
    ...(items.length > 0 ? { items } : { items: [fallbackLine(total, shippingTotal, taxesIncluded ? 0 : taxTotal, discountTotal)], itemsAreFallback: true }),
    subtotal: subtotalValue != null ? minor(subtotalValue) : productLines.reduce((sum, item) => sum + item.lineTotal, 0),
    discountTotal,
    taxTotal,
    shippingTotal,
    total,
    taxesIncluded,
    customer: {
      name: personName(customer?.first_name, customer?.last_name) ?? addressName(billing) ?? addressName(shipping),
      email: nonBlank(order.email) ?? nonBlank(order.contact_email) ?? nonBlank(customer?.email),
      phone: nonBlank(order.phone) ?? nonBlank(customer?.phone) ?? nonBlank(shipping?.phone) ?? nonBlank(billing?.phone),
      locale: nonBlank(order.customer_locale),
      // buyer_accepts_marketing is gone from recent API versions; the customer's consent state replaced it.
      marketingConsent: order.buyer_accepts_marketing === true || customer?.email_marketing_consent?.state === "subscribed",
    },
    shippingAddress: postalAddress(shipping),
    deliveryEstimate: null,
    statusUrl: nonBlank(order.order_status_url),
    locale: nonBlank(order.customer_locale),
    placedAt: toDate(order.created_at) ?? toDate(order.processed_at),
    paidAt,
  };
}

/** When payment happened, as well as an order payload can tell (Shopify sends no paid_at). */
export function shopifyPaidAt(order: ShopifyOrder, topic: "orders/paid" | "orders/create"): Date | null {
  // orders/paid is sent when the payment lands, which for bank transfers or manual captures is days after
  // the order: updated_at is that moment. At orders/create the order was paid as it was placed.
  const candidates = topic === "orders/paid" ? [order.updated_at, order.processed_at, order.created_at] : [order.processed_at, order.created_at];
  for (const value of candidates) {
    const date = toDate(value);
    if (date) return date;
  }
  return null;
}

/** One "Order total" line standing in for none, priced so the totals check still balances. */
function fallbackLine(total: number, shipping: number, addedTax: number, discount: number): OrderEventItem {
  const amount = total - shipping - addedTax + discount;
  return { name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: amount, lineTotal: amount };
}

function postalAddress(address: ShopifyAddress | null | undefined): PostalAddress | null {
  if (!address) return null;
  const fields: PostalAddress = {
    name: addressName(address) ?? undefined,
    company: nonBlank(address.company) ?? undefined,
    line1: nonBlank(address.address1) ?? undefined,
    line2: nonBlank(address.address2) ?? undefined,
    city: nonBlank(address.city) ?? undefined,
    // The full province name reads right everywhere; province_code is "JP-13" in some countries.
    region: nonBlank(address.province) ?? undefined,
    postalCode: nonBlank(address.zip) ?? undefined,
    // ISO 3166 alpha-2, which flow conditions and phone parsing expect (`country` is a display name).
    country: nonBlank(address.country_code)?.toUpperCase() ?? undefined,
    phone: nonBlank(address.phone) ?? undefined,
  };
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as PostalAddress) : null;
}

function addressName(address: ShopifyAddress | null | undefined): string | null {
  return nonBlank(address?.name) ?? personName(address?.first_name, address?.last_name);
}

function personName(first: string | null | undefined, last: string | null | undefined): string | null {
  return nonBlank([first, last].map((part) => part?.trim()).filter(Boolean).join(" "));
}

function nonBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
