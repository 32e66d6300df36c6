import type { OrderTrigger, PaymentStatus } from "../../orders/order-event";
import type { NormaliseResult } from "../source-adapter";
import { wooOrderEvent } from "./normalise-order";
import { payloadErrorMap, payloadReason } from "../payload-reason";
import { wooOrderSchema } from "./woocommerce-schema";

/** The topics Orderbell subscribes to; any other is answered, recorded and ignored. */
export const wooTopics = ["order.created", "order.updated"] as const;

/**
 * What each order status means to Orderbell. "processing" is WooCommerce's "paid, to be fulfilled" (the
 * gateway confirmed payment) and "completed" is paid and fulfilled (woocommerce_order_status_completed).
 */
const statusOutcomes = new Map<string, { trigger: OrderTrigger | null; paymentStatus: PaymentStatus }>([
  ["processing", { trigger: "order_paid", paymentStatus: "paid" }],
  ["completed", { trigger: "order_paid", paymentStatus: "paid" }],
  ["pending", { trigger: null, paymentStatus: "pending" }],
  ["on-hold", { trigger: null, paymentStatus: "pending" }],
  ["failed", { trigger: null, paymentStatus: "pending" }],
  ["cancelled", { trigger: "order_cancelled", paymentStatus: "cancelled" }],
  ["refunded", { trigger: "order_refunded", paymentStatus: "refunded" }],
]);

/** Turns one WooCommerce webhook payload into what Orderbell acts on. */
export function normaliseWooCommerce(payload: unknown, topic: string | null): NormaliseResult {
  const normalisedTopic = topic?.trim().toLowerCase();
  if (!normalisedTopic) return { kind: "ignored", reason: "The request has no X-WC-Webhook-Topic header, so there is no telling what it is about." };
  if (!(wooTopics as readonly string[]).includes(normalisedTopic)) {
    return { kind: "ignored", reason: `WooCommerce topic "${topic}" is not one Orderbell acts on (it uses ${wooTopics.join(" and ")}).` };
  }

  const parsed = wooOrderSchema.safeParse(payload, { error: payloadErrorMap });
  if (!parsed.success) return { kind: "invalid", reason: payloadReason(parsed.error) };
  const order = parsed.data;
  // The REST API drops the "wc-" that statuses carry in the database; a filtered payload may not.
  const outcome = statusOutcomes.get(order.status.replace(/^wc-/, ""));
  if (!outcome) {
    // checkout-draft (a cart in the block checkout), trash, or a status a plugin added: a choice of the
    // shop, not a broken payload, so answered 200 and recorded rather than refused.
    return { kind: "ignored", reason: `Order ${order.id} has status "${order.status}", which Orderbell does not act on.` };
  }
  return { kind: "order", trigger: outcome.trigger, event: wooOrderEvent(order, outcome.paymentStatus) };
}
