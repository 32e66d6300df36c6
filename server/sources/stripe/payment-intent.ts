import type { NormaliseResult } from "../source-adapter";
import { toPostalAddress } from "./address";
import { describeIssues } from "../payload-reason";
import { orderTotalLine } from "./line-items";
import { paymentIntentSchema, type StripeEvent } from "./schemas";
import { orderNumber, unixToDate } from "./values";

/**
 * payment_intent.succeeded, for payments taken without Checkout (Elements, the API, Terminal). A
 * PaymentIntent has no line items, so the order is one "Order total" line of the amount received.
 */
export function normalisePaymentIntent(event: StripeEvent): NormaliseResult {
  const parsed = paymentIntentSchema.safeParse(event.data.object);
  if (!parsed.success) {
    return { kind: "invalid", reason: `Stripe ${event.type} is not a PaymentIntent Orderbell can read: ${describeIssues(parsed.error, "data.object")}` };
  }
  const intent = parsed.data;
  const total = intent.amount_received;
  const charge = intent.latest_charge;
  return {
    kind: "order",
    trigger: "order_paid",
    notes: ["One “Order total” line: a PaymentIntent carries no line items."],
    event: {
      externalId: intent.id,
      number: orderNumber(intent.metadata, null, intent.id),
      paymentStatus: "paid",
      currency: intent.currency.toUpperCase(),
      items: [orderTotalLine({ total, shipping: 0, tax: 0, discount: 0, taxesIncluded: false })],
      itemsAreFallback: true,
      subtotal: total,
      discountTotal: 0,
      taxTotal: 0,
      shippingTotal: 0,
      total,
      taxesIncluded: false,
      customer: { name: intent.shipping?.name ?? null, email: intent.receipt_email ?? null, phone: intent.shipping?.phone ?? null },
      shippingAddress: toPostalAddress(intent.shipping?.address, { name: intent.shipping?.name, phone: intent.shipping?.phone }),
      // Only present when the charge was expanded (replays); webhooks carry the charge id alone.
      statusUrl: typeof charge === "object" && charge !== null ? (charge.receipt_url ?? null) : null,
      locale: null,
      placedAt: unixToDate(intent.created),
      paidAt: unixToDate(event.created),
    },
  };
}
