import { z } from "zod";
import type { ConfigField, SecretField } from "../source-adapter";
import { trimBlankToUndefined } from "@/lib/validation/trim-blank-fields";

/** The real API base; `apiBaseUrl` in the config overrides it (tests, egress proxies). */
export const STRIPE_API_BASE_URL = "https://api.stripe.com";

export type StripeSecrets = { signingSecret: string; apiKey?: string };
export type StripeConfig = { apiBaseUrl?: string };

export const stripeSecretsSchema = z.preprocess(
  trimBlankToUndefined,
  z.object({
    signingSecret: z
      .string({ error: "Paste the endpoint's signing secret (whsec_…) from Stripe." })
      .regex(/^whsec_\S+$/, "A Stripe signing secret starts with whsec_: copy it from the webhook endpoint's page in Stripe, not an API key."),
    apiKey: z
      .string()
      // Publishable keys (pk_) cannot read Checkout Sessions; say so rather than failing on the first order.
      .regex(/^(sk|rk)_(live|test)_\S+$/, "Use a secret key (sk_…) or, better, a restricted key (rk_…) with Checkout Sessions read access; publishable keys (pk_…) cannot read line items.")
      .optional(),
  }),
);

const httpUrl = z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL, e.g. https://api.stripe.com." });

export const stripeConfigSchema = z.preprocess(trimBlankToUndefined, z.object({ apiBaseUrl: httpUrl.optional() }));

export const stripeSecretFields: SecretField[] = [
  {
    name: "signingSecret",
    label: "Signing secret",
    help: "Starts with whsec_. Stripe Dashboard → Developers → Webhooks → this endpoint → Signing secret (Reveal). Test mode and live mode endpoints have different secrets.",
    required: true,
  },
  {
    name: "apiKey",
    label: "API key (optional, for line items)",
    help: "Stripe does not put line items in webhooks. With a restricted key (rk_…) that can read Checkout Sessions, Orderbell fetches them; without one, the order shows a single “Order total” line.",
    required: false,
  },
];

export const stripeConfigFields: ConfigField[] = [
  {
    name: "apiBaseUrl",
    label: "API base URL (advanced)",
    help: "Leave empty to call https://api.stripe.com. Set only to go through a proxy.",
    required: false,
    placeholder: STRIPE_API_BASE_URL,
  },
];
