import { formatMoney } from "@/lib/format";
import type { NormaliseResult } from "../source-adapter";
import { describeIssues } from "../payload-reason";
import { chargeSchema, referenceId, type StripeEvent } from "./schemas";

/**
 * charge.refunded fires for every refund, partial or full; `refunded` turns true only once the whole
 * charge is refunded, and only that marks the order refunded. The PaymentIntent id is the order's
 * external id (see checkout-session.ts); a charge without one is a legacy Charges API payment.
 */
export function normaliseChargeRefunded(event: StripeEvent): NormaliseResult {
  const parsed = chargeSchema.safeParse(event.data.object);
  if (!parsed.success) {
    return { kind: "invalid", reason: `Stripe ${event.type} is not a Charge Orderbell can read: ${describeIssues(parsed.error, "data.object")}` };
  }
  const charge = parsed.data;
  const externalId = referenceId(charge.payment_intent) ?? charge.id;
  if (!charge.refunded) {
    const currency = charge.currency.toUpperCase();
    return {
      kind: "ignored",
      reason: `Partial refund of ${formatMoney(charge.amount_refunded, currency)} out of ${formatMoney(charge.amount, currency)} on ${externalId}: the order stays paid.`,
    };
  }
  return { kind: "status_change", externalId, trigger: "order_refunded", notes: [`Charge ${charge.id} fully refunded.`] };
}
