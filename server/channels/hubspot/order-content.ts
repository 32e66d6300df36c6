import { formatMoney } from "@/lib/format";
import type { OutboundMessage, OutboundOrder } from "../channel-provider";

/** "Ada Lovelace" → Ada / Lovelace; "Plato" → Plato / null. */
export function splitName(name: string | null): { first: string | null; last: string | null } {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { first: null, last: null };
  return { first: parts[0] ?? null, last: parts.length > 1 ? parts.slice(1).join(" ") : null };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function money(order: OutboundOrder, minorUnits: number): string {
  return formatMoney(minorUnits, order.currency, order.locale);
}

function itemLines(order: OutboundOrder): string[] {
  return order.items.map((item) => `${item.quantity} × ${item.name}${item.variant ? ` (${item.variant})` : ""} — ${money(order, item.lineTotal)}`);
}

/**
 * What a transactional email template reads as `{{ custom.<name> }}`. HubSpot custom properties cannot hold
 * arrays, so the items come as a ready HTML list (`items_html`) and as text (`items_text`).
 */
export function transactionalCustomProperties(message: OutboundMessage): Record<string, string> {
  const { order } = message;
  const properties: Record<string, string> = {
    order_number: order.number,
    order_total: money(order, order.total),
    order_currency: order.currency,
    receipt_url: order.receiptUrl,
    item_count: String(order.items.reduce((sum, item) => sum + item.quantity, 0)),
    items_html: `<ul>${itemLines(order).map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    items_text: itemLines(order).join("\n"),
  };
  if (order.deliveryEstimate) properties.delivery_estimate = message.variables["order.delivery_estimate"] ?? order.deliveryEstimate;
  if (order.statusUrl) properties.status_url = order.statusUrl;
  if (message.variables["store.name"]) properties.store_name = message.variables["store.name"];
  return properties;
}

/** The note on the contact's timeline: the order at a glance, with Orderbell's reference for support. */
export function noteBody(message: OutboundMessage): string {
  const { order } = message;
  const parts = [
    `<p><strong>Order ${escapeHtml(order.number)} confirmed</strong> — total ${escapeHtml(money(order, order.total))}</p>`,
    `<ul>${itemLines(order).map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    `<p>Receipt: <a href="${escapeHtml(order.receiptUrl)}">${escapeHtml(order.receiptUrl)}</a></p>`,
  ];
  if (order.deliveryEstimate) parts.push(`<p>Estimated delivery: ${escapeHtml(message.variables["order.delivery_estimate"] ?? order.deliveryEstimate)}</p>`);
  parts.push(`<p>Orderbell reference: ${escapeHtml(message.idempotencyKey)}</p>`);
  return parts.join("");
}
