import type { Customer, Order, OrderItem, Store } from "@/db/schema";
import { formatDateTime, formatMoney } from "@/lib/format";
import { isValidLocale } from "@/lib/validation/store-settings";
import { receiptUrl } from "../receipts/receipt-url";

/** The parts of an order, its items, its customer and the store that messages and receipts show. */
export type MessageOrder = Pick<
  Order,
  "number" | "status" | "currency" | "locale" | "subtotal" | "discountTotal" | "taxTotal" | "shippingTotal" | "total" | "deliveryEstimate" | "statusUrl" | "placedAt" | "paidAt" | "receiptToken"
>;
export type MessageItem = Pick<OrderItem, "name" | "variant" | "sku" | "quantity" | "unitPrice" | "lineTotal">;
export type MessageCustomer = Pick<Customer, "name" | "email" | "phone" | "locale">;
export type MessageStore = Pick<Store, "name" | "brandColor" | "logoUrl" | "supportEmail" | "supportPhone" | "defaultLocale" | "timezone">;

export type OrderMessageInput = {
  order: MessageOrder;
  items: MessageItem[];
  customer: MessageCustomer | null;
  store: MessageStore;
  /** APP_URL, for the receipt link. */
  appUrl: string;
};

/**
 * What a Liquid template sees. Missing values are null, never "": in Liquid an empty string is truthy, so
 * `{% if order.delivery_estimate %}` must get null to be false.
 */
export type TemplateVariables = {
  store: { name: string; support_email: string | null; support_phone: string | null; brand_color: string; logo_url: string | null };
  order: {
    number: string;
    status: string;
    total: string;
    subtotal: string;
    tax: string;
    shipping: string;
    discount: string;
    currency: string;
    item_count: number;
    items: Array<{ name: string; variant: string | null; sku: string | null; quantity: number; unit_price: string; line_total: string }>;
    delivery_estimate: string | null;
    delivery_estimate_short: string | null;
    receipt_url: string;
    tracking_url: string | null;
    status_url: string | null;
    placed_at: string | null;
  };
  customer: { name: string | null; first_name: string | null; email: string | null; phone: string | null };
};

function usableLocale(value: string | null | undefined): string | null {
  const candidate = value?.trim().replace(/_/g, "-");
  return candidate && isValidLocale(candidate) ? candidate : null;
}

/**
 * The locale a message or receipt is written in: the order's, else the customer's, else the store's
 * default. Sources send odd values ("en_US", ""), so each candidate is checked before use.
 */
export function messageLocale(order: Pick<MessageOrder, "locale">, customer: Pick<MessageCustomer, "locale"> | null, store: Pick<MessageStore, "defaultLocale">): string {
  return usableLocale(order.locale) ?? usableLocale(customer?.locale) ?? usableLocale(store.defaultLocale) ?? "en-US";
}

/**
 * A calendar date ("2026-12-03") as people write it: "Thursday, December 3, 2026" in en-US, or in short
 * ("Dec 3, 2026", "3 dic 2026") where every character costs, as in an SMS.
 */
export function formatCalendarDate(isoDate: string, locale: string, style: "full" | "medium" = "full"): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(date);
}

export function firstNameOf(name: string | null | undefined): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}

/**
 * Amounts and dates of one order, formatted once for templates, emails and the receipt page, in the
 * message's locale unless one is given (a template written in another language formats in its own). In
 * `totals` the discount is negative, and a discount, shipping or tax of zero is null (a row to leave out).
 */
export function formatOrder({ order, items, customer, store }: Omit<OrderMessageInput, "appUrl">, locale: string = messageLocale(order, customer, store)) {
  const money = (minorUnits: number) => formatMoney(minorUnits, order.currency, locale);
  const optional = (minorUnits: number) => (minorUnits === 0 ? null : money(minorUnits));
  return {
    locale,
    subtotal: money(order.subtotal),
    discount: money(order.discountTotal),
    shipping: money(order.shippingTotal),
    tax: money(order.taxTotal),
    total: money(order.total),
    totals: {
      subtotal: money(order.subtotal),
      discount: optional(-order.discountTotal),
      shipping: optional(order.shippingTotal),
      tax: optional(order.taxTotal),
      total: money(order.total),
    },
    items: items.map((item) => ({ name: item.name, variant: item.variant, sku: item.sku, quantity: item.quantity, unitPrice: money(item.unitPrice), lineTotal: money(item.lineTotal) })),
    itemCount: items.reduce((count, item) => count + item.quantity, 0),
    deliveryEstimate: order.deliveryEstimate ? formatCalendarDate(order.deliveryEstimate, locale) : null,
    deliveryEstimateShort: order.deliveryEstimate ? formatCalendarDate(order.deliveryEstimate, locale, "medium") : null,
    placedAt: order.placedAt ? formatDateTime(order.placedAt, store.timezone, locale) : null,
    paidAt: order.paidAt ? formatDateTime(order.paidAt, store.timezone, locale) : null,
  };
}

export type FormattedOrder = ReturnType<typeof formatOrder>;

/** The variables of one order for its templates. */
export function buildTemplateVariables(input: OrderMessageInput, formatted: FormattedOrder = formatOrder(input)): TemplateVariables {
  const { order, customer, store, appUrl } = input;
  return {
    store: { name: store.name, support_email: store.supportEmail, support_phone: store.supportPhone, brand_color: store.brandColor, logo_url: store.logoUrl },
    order: {
      number: order.number,
      status: order.status,
      total: formatted.total,
      subtotal: formatted.subtotal,
      tax: formatted.tax,
      shipping: formatted.shipping,
      discount: formatted.discount,
      currency: order.currency,
      item_count: formatted.itemCount,
      items: formatted.items.map((item) => ({ name: item.name, variant: item.variant, sku: item.sku, quantity: item.quantity, unit_price: item.unitPrice, line_total: item.lineTotal })),
      delivery_estimate: formatted.deliveryEstimate,
      delivery_estimate_short: formatted.deliveryEstimateShort,
      receipt_url: receiptUrl(appUrl, order.receiptToken),
      tracking_url: order.statusUrl,
      status_url: order.statusUrl,
      placed_at: formatted.placedAt,
    },
    customer: { name: customer?.name ?? null, first_name: firstNameOf(customer?.name), email: customer?.email ?? null, phone: customer?.phone ?? null },
  };
}

/**
 * The scalar variables by dotted name ("order.number", "customer.first_name"…), for
 * OutboundMessage.variables. Every name is present; a missing value is "". Lists (order.items) are left out.
 */
export function flattenTemplateVariables(variables: TemplateVariables): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [group, values] of Object.entries(variables)) {
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      if (Array.isArray(value)) continue;
      flat[`${group}.${name}`] = value === null || value === undefined ? "" : String(value);
    }
  }
  return flat;
}
