import { createHash } from "node:crypto";
import { z } from "zod";
import { hmacSha256, safeEqual } from "../signatures";
import type { SourceAdapter } from "../source-adapter";
import { normaliseWooCommerce } from "./normalise";

export const wooSignatureHeader = "x-wc-webhook-signature";

/** The body of the unsigned test request WooCommerce sends when a webhook is saved. */
const pingBody = /^webhook_id=\d+$/;

const secretsSchema = z.object({
  // Trimmed: a secret copied from the admin often brings a space or newline with it, and WooCommerce's
  // generated secrets never contain whitespace.
  webhookSecret: z.string({ error: "Paste the webhook's secret from WooCommerce." }).trim().min(1, "Paste the webhook's secret from WooCommerce."),
});
const configSchema = z.object({ apiBaseUrl: z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL." }).optional() });

export type WooCommerceSecrets = z.infer<typeof secretsSchema>;
export type WooCommerceConfig = z.infer<typeof configSchema>;

/** WooCommerce order webhooks (REST API v3 payloads): order.created and order.updated. */
export const woocommerceSource: SourceAdapter<WooCommerceSecrets, WooCommerceConfig> = {
  kind: "woocommerce",
  label: "WooCommerce",
  secretsSchema,
  secretFields: [
    {
      name: "webhookSecret",
      label: "Webhook secret",
      help: "The Secret field of the webhook in WooCommerce → Settings → Advanced → Webhooks. Give every webhook pointing at this URL the same secret.",
      required: true,
    },
  ],
  configSchema,
  configFields: [],
  sensitiveHeaders: [wooSignatureHeader],
  setupSteps: (triggerUrl) => [
    "In WordPress, open WooCommerce → Settings → Advanced → Webhooks and click “Add webhook”.",
    `Name: Orderbell – order updated. Status: Active. Topic: Order updated. Delivery URL: ${triggerUrl}. API version: WP REST API Integration v3.`,
    "Secret: keep the one WooCommerce filled in (or type a long random one), copy it, and paste it here as the webhook secret. Click “Save webhook”.",
    "WooCommerce then sends a test request; Orderbell answers it with 200. If WooCommerce reports an error, check that your WordPress server can reach the URL.",
    "Add a second webhook the same way with Topic: Order created, the same URL and the same secret, so orders created already paid (by an admin or the REST API) are seen too.",
    "Orderbell confirms an order when its status becomes Processing or Completed. Pending payment, On hold and Failed orders are kept, waiting; Cancelled and Refunded ones start their own flows.",
    "WooCommerce sends webhooks from its background queue: if deliveries lag, check WooCommerce → Status → Scheduled Actions for pending woocommerce_deliver_webhook_async actions.",
  ],

  isPing(request) {
    // Exactly the form body WooCommerce posts on save: no signature, nothing to store, answered 200.
    return pingBody.test(request.body.toString("utf8"));
  },

  verify(request, secrets) {
    if (!secrets.webhookSecret) return { ok: false, reason: "No WooCommerce webhook secret is saved for this source: paste it in the source's settings." };
    const signature = request.headers.get(wooSignatureHeader)?.trim();
    if (!signature) return { ok: false, reason: "The request has no X-WC-Webhook-Signature header, so it cannot be shown to come from WooCommerce." };
    // WooCommerce signs the raw bytes it sends: base64(HMAC-SHA256(secret, body)).
    const expected = hmacSha256(secrets.webhookSecret, request.body).toString("base64");
    if (!safeEqual(signature, expected)) {
      return { ok: false, reason: "The X-WC-Webhook-Signature does not match the body: check that the secret saved here is the webhook's Secret in WooCommerce." };
    }
    return { ok: true };
  },

  identify(request) {
    const topic = request.headers.get("x-wc-webhook-topic")?.trim() || null;
    const deliveryId = request.headers.get("x-wc-webhook-delivery-id")?.trim() || null;
    // WooCommerce makes the delivery id as wp_hash(webhook id . current second): two deliveries of one
    // webhook in the same second (a busy queue run) share it. The body's hash tells them apart, while a
    // replay of the very same request still matches and is caught as a duplicate.
    const bodyHash = createHash("sha256").update(request.body).digest("hex").slice(0, 16);
    return { eventId: deliveryId ? `${deliveryId}:${bodyHash}` : null, topic };
  },

  // The same pure mapping as normalise, so the answer given before responding can never disagree with it.
  validate(payload, topic) {
    const result = normaliseWooCommerce(payload, topic);
    return result.kind === "invalid" ? result.reason : null;
  },

  async normalise(payload, { topic }) {
    return normaliseWooCommerce(payload, topic);
  },
};
