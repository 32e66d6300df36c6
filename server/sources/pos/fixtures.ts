import { randomUUID } from "node:crypto";
import { hmacSha256 } from "../signatures";
import type { PosTriggerBody } from "./pos-order-schema";

/** A realistic paid POS order: two items, a discount, tax and shipping that add up. */
export function posOrderBody(overrides: { eventId?: string; type?: PosTriggerBody["type"]; orderId?: string; email?: string | null; phone?: string | null } = {}): PosTriggerBody {
  const orderId = overrides.orderId ?? `POS-${randomUUID().slice(0, 8)}`;
  return {
    event_id: overrides.eventId ?? `evt-${randomUUID()}`,
    type: overrides.type ?? "order.paid",
    order: {
      id: orderId,
      number: orderId.replace(/^POS-/, "#"),
      currency: "USD",
      items: [
        { name: "Trail Runner 2", variant: "Size 42 / Blue", sku: "TR2-42-BL", quantity: 1, unit_price: 12900 },
        { name: "Merino Socks", variant: "M", sku: "MS-M", quantity: 2, unit_price: 1450 },
      ],
      subtotal: 15800,
      discount_total: 1580,
      tax_total: 1138,
      shipping_total: 499,
      total: 15857,
      customer: {
        name: "Ada Lovelace",
        email: overrides.email === undefined ? "ada@customer.example" : overrides.email,
        phone: overrides.phone === undefined ? "+14155550132" : overrides.phone,
        locale: "en-US",
        marketing_consent: true,
      },
      shipping_address: { name: "Ada Lovelace", line1: "1 Market St", city: "San Francisco", region: "CA", postal_code: "94105", country: "US" },
      placed_at: "2026-11-27T10:00:00Z",
      paid_at: "2026-11-27T10:00:05Z",
    },
  };
}

/** The headers a POS sends: timestamp and hex HMAC-SHA256 of "<timestamp>.<raw body>". */
export function signPosRequest(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-orderbell-timestamp": String(timestamp),
    "x-orderbell-signature": hmacSha256(secret, `${timestamp}.`, body).toString("hex"),
  };
}
