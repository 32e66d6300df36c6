import { z } from "zod";
import { hmacSha256, safeEqual } from "../signatures";
import type { SourceAdapter } from "../source-adapter";
import { normaliseShopify } from "./normalise";
import { shopifyHeader, shopifySignatureHeaders } from "./shopify-headers";

const secretsSchema = z.object({
  // Trimmed: a secret copied from the admin often brings a space or newline with it.
  clientSecret: z.string({ error: "Paste the client secret or webhook signing key from Shopify." }).trim().min(1, "Paste the client secret or webhook signing key from Shopify."),
});
const configSchema = z.object({ apiBaseUrl: z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL." }).optional() });

export type ShopifySecrets = z.infer<typeof secretsSchema>;
export type ShopifyConfig = z.infer<typeof configSchema>;

/** Shopify order webhooks: orders/paid, orders/create, orders/cancelled and refunds/create. */
export const shopifySource: SourceAdapter<ShopifySecrets, ShopifyConfig> = {
  kind: "shopify",
  label: "Shopify",
  secretsSchema,
  secretFields: [
    {
      name: "clientSecret",
      label: "Client secret (webhook signing key)",
      help: "Webhooks made in the store admin: the key under Settings → Notifications → Webhooks (“Your webhooks will be signed with …”). Webhooks of a Shopify app: the app's client secret (Dev Dashboard → your app → Settings).",
      required: true,
    },
  ],
  configSchema,
  configFields: [],
  sensitiveHeaders: shopifySignatureHeaders,
  setupSteps: (triggerUrl) => [
    "In your Shopify admin, open Settings → Notifications, scroll to the bottom and click Webhooks.",
    `Click “Create webhook”. Event: Order payment. Format: JSON. URL: ${triggerUrl}. Webhook API version: the newest one offered. Save.`,
    "Create two more webhooks the same way, with the events Order cancellation and Refund create.",
    "Optional: a fourth with the event Order creation, to see orders that are placed but not paid yet (they wait, and nothing is sent, until Order payment arrives).",
    "Copy the signing key shown under the list of webhooks (“Your webhooks will be signed with …”) and paste it here as the client secret.",
    `Using a Shopify app instead? Subscribe it to the topics orders/paid, orders/cancelled and refunds/create (JSON, latest API version) with the URL ${triggerUrl}, and paste the app's client secret.`,
    "Place a test order (Shopify's Bogus gateway works) and check that it appears in Orderbell's inbound events as accepted.",
  ],

  verify(request, secrets) {
    if (!secrets.clientSecret) return { ok: false, reason: "No Shopify client secret is saved for this source: paste it in the source's settings." };
    const signature = shopifyHeader(request.headers, "hmac-sha256");
    if (!signature) return { ok: false, reason: "The request has no X-Shopify-Hmac-Sha256 header, so it cannot be shown to come from Shopify." };
    // Shopify signs the raw bytes: base64(HMAC-SHA256(secret, body)). Never a re-serialised JSON.
    const expected = hmacSha256(secrets.clientSecret, request.body).toString("base64");
    if (!safeEqual(signature, expected)) {
      return { ok: false, reason: "The X-Shopify-Hmac-Sha256 signature does not match the body: check that the secret saved here is the one Shopify signs with." };
    }
    return { ok: true };
  },

  identify(request) {
    const topic = shopifyHeader(request.headers, "topic");
    const eventId = shopifyHeader(request.headers, "event-id");
    const webhookId = shopifyHeader(request.headers, "webhook-id");
    // X-Shopify-Event-Id is shared by every delivery one merchant action causes, across topics: cancelling
    // with a refund sends orders/cancelled and refunds/create with the same one. Qualified by the topic, it
    // still collapses retries and duplicate subscriptions without dropping the second topic as a duplicate.
    if (eventId) return { eventId: topic ? `${eventId}:${topic}` : eventId, topic };
    return { eventId: webhookId, topic };
  },

  // The same pure mapping as normalise, so the answer given before responding can never disagree with it.
  validate(payload, topic) {
    const result = normaliseShopify(payload, topic);
    return result.kind === "invalid" ? result.reason : null;
  },

  async normalise(payload, { topic }) {
    return normaliseShopify(payload, topic);
  },
};
