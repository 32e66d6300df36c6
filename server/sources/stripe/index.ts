import { offlineApi } from "../offline-api";
import type { SourceAdapter } from "../source-adapter";
import { normaliseStripeEvent, STRIPE_EVENT_TYPES } from "./normalise";
import { stripeConfigFields, stripeConfigSchema, stripeSecretFields, stripeSecretsSchema, type StripeConfig, type StripeSecrets } from "./settings";
import { verifyStripeSignature } from "./signature";

export type { StripeConfig, StripeSecrets } from "./settings";
export { STRIPE_EVENT_TYPES } from "./normalise";

export const stripeSource: SourceAdapter<StripeSecrets, StripeConfig> = {
  kind: "stripe",
  label: "Stripe",
  secretsSchema: stripeSecretsSchema,
  secretFields: stripeSecretFields,
  configSchema: stripeConfigSchema,
  configFields: stripeConfigFields,
  setupSteps: (triggerUrl) => [
    "In the Stripe Dashboard, open Developers → Webhooks and click “Add destination” (older dashboards: “Add endpoint”). Do this in live mode for real orders; test mode has its own endpoints and secrets.",
    `Select these events: ${STRIPE_EVENT_TYPES.filter((type) => type !== "payment_intent.succeeded").join(", ")}. Add payment_intent.succeeded only if you also take payments without Checkout or Payment Links (otherwise each Checkout payment arrives twice).`,
    `Choose “Webhook endpoint” and paste this endpoint URL: ${triggerUrl}`,
    "Create the destination, then on its page click “Reveal” under Signing secret and paste the whsec_… value into Signing secret here.",
    "Optional, for line items (Stripe does not send them in webhooks): Developers → API keys → “Create restricted key”, give Checkout Sessions “Read” access, and paste the rk_… key into API key here.",
    "Save, then in Stripe click “Send test event” (or run `stripe trigger checkout.session.completed`) and check that it appears under Inbound events.",
  ],
  sensitiveHeaders: ["stripe-signature"],
  verify: (request, secrets) => verifyStripeSignature(request.headers.get("stripe-signature"), request.body, secrets.signingSecret, request.receivedAt),
  identify: (_request, payload) => {
    const fields = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
    return {
      eventId: typeof fields.id === "string" && fields.id !== "" ? fields.id : null,
      topic: typeof fields.type === "string" && fields.type !== "" ? fields.type : null,
    };
  },
  // The same checks as normalise, without the API key, so nothing is fetched before the answer.
  validate: async (payload) => {
    const result = await normaliseStripeEvent(payload, { signingSecret: "" }, offlineApi);
    return result.kind === "invalid" ? result.reason : null;
  },
  normalise: async (payload, { secrets, api }) => {
    try {
      return await normaliseStripeEvent(payload, secrets, api);
    } catch (error) {
      // Mappers validate before reading, so this is a bug; record it as replayable rather than crash the request.
      return { kind: "invalid", reason: `Could not read this Stripe event: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
};
