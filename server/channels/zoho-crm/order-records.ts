import { currencyFractionDigits, formatMoney } from "@/lib/format";
import type { OutboundMessage } from "../channel-provider";

/** The customer as a Contacts record: Last_Name is mandatory, so a one-word name (or none) goes there. */
export function contactRecord(message: OutboundMessage): Record<string, string> {
  const parts = (message.order.customer.name ?? "").trim().split(/\s+/).filter(Boolean);
  const record: Record<string, string> = {
    Last_Name: parts.length > 1 ? parts.slice(1).join(" ") : (parts[0] ?? message.to.split("@")[0] ?? message.to),
    Email: message.to,
  };
  if (parts.length > 1 && parts[0]) record.First_Name = parts[0];
  if (message.order.customer.phone) record.Phone = message.order.customer.phone;
  return record;
}

/** The order in words, for the record's Description (what a workflow email template can merge). */
export function orderDescription(message: OutboundMessage): string {
  const { order } = message;
  const money = (minor: number) => formatMoney(minor, order.currency, order.locale);
  return [
    `Order ${order.number} — total ${money(order.total)}`,
    ...order.items.map((item) => `${item.quantity} × ${item.name}${item.variant ? ` (${item.variant})` : ""}${item.sku ? ` [${item.sku}]` : ""} — ${money(item.lineTotal)}`),
    `Receipt: ${order.receiptUrl}`,
    ...(order.deliveryEstimate ? [`Estimated delivery: ${message.variables["order.delivery_estimate"] ?? order.deliveryEstimate}`] : []),
    `Orderbell reference: ${message.idempotencyKey}`,
  ].join("\n");
}

/**
 * A Sales Orders record for the store's workflow rule to email: Subject "Order #1001", the customer's Contact
 * (the rule's email recipient), the order in Description, and, when the store names a catch-all product for
 * web orders, one Ordered_Items line per item (Zoho line items must point at a Products record; Orderbell
 * knows none of the store's Zoho product ids).
 */
export function salesOrderRecord(message: OutboundMessage, contactId: string, productId: string | undefined): Record<string, unknown> {
  const { order } = message;
  const digits = currencyFractionDigits(order.currency);
  return {
    Subject: `Order ${order.number}`.slice(0, 255),
    Contact_Name: { id: contactId },
    Description: orderDescription(message),
    ...(productId
      ? {
          Ordered_Items: order.items.map((item) => ({
            Product_Name: { id: productId },
            Quantity: item.quantity,
            List_Price: item.unitPrice / 10 ** digits,
            Description: `${item.name}${item.variant ? ` (${item.variant})` : ""}${item.sku ? ` [${item.sku}]` : ""}`,
          })),
        }
      : {}),
  };
}
