import type { NormaliseResult, SourceApiContext } from "../source-adapter";
import { normaliseChargeRefunded } from "./charge-refunded";
import { normaliseCheckoutSession } from "./checkout-session";
import { describeIssues } from "../payload-reason";
import { normalisePaymentIntent } from "./payment-intent";
import { stripeEventSchema } from "./schemas";
import type { StripeSecrets } from "./settings";

/** The event types Orderbell acts on; the set-up steps ask the admin to select these. */
export const STRIPE_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "payment_intent.succeeded",
  "charge.refunded",
] as const;

export async function normaliseStripeEvent(payload: unknown, secrets: StripeSecrets, api: SourceApiContext): Promise<NormaliseResult> {
  const parsed = stripeEventSchema.safeParse(payload);
  if (!parsed.success) {
    return { kind: "invalid", reason: `Not a Stripe event (expected {id, type, created, data.object}): ${describeIssues(parsed.error, "")}` };
  }
  const event = parsed.data;
  // The type inside the signed payload is authoritative, whatever topic was identified beforehand.
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return normaliseCheckoutSession(event, secrets, api);
    case "payment_intent.succeeded":
      return normalisePaymentIntent(event);
    case "charge.refunded":
      return normaliseChargeRefunded(event);
    default:
      return { kind: "ignored", reason: `Stripe event type ${event.type} is not one Orderbell acts on (${STRIPE_EVENT_TYPES.join(", ")}).` };
  }
}
