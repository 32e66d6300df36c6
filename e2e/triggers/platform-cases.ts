import { randomUUID } from "node:crypto";
import { buildShopifyOrder, buildShopifyRefund, shopifyJson, signShopifyRequest } from "../../server/sources/shopify/fixtures";
import { buildCheckoutSession, buildCheckoutSessionCompletedEvent, signStripeRequest } from "../../server/sources/stripe/fixtures";
import { buildPaymentUpdatedEvent, buildSquareOrder, buildSquarePayment, signSquareRequest } from "../../server/sources/square/fixtures";
import { buildWooCommerceOrder, signWooCommerceRequest, woocommerceJson } from "../../server/sources/woocommerce/fixtures";

/**
 * One platform as the HTTP specs drive it: how to make a source for it, a realistic paid delivery with a
 * fresh order id, and how that platform signs a body. Signatures are made exactly as the platform makes them.
 */
export type PlatformCase = {
  kind: "shopify" | "woocommerce" | "stripe" | "square";
  secrets: Record<string, string>;
  /** A paid order delivery: body, the order id it carries and the topic. */
  paid(): { body: string; externalId: string };
  /** Signs `body` for the source whose trigger URL is `url`. */
  sign(body: string, url: string): Record<string, string>;
  /** Signs with the wrong secret. */
  signWrongly(body: string, url: string): Record<string, string>;
  /** A signed body that is valid JSON but lacks what the platform always sends. */
  missingFields(): string;
};

let counter = Date.now() % 1_000_000;
const next = () => ++counter;

export const shopifySecret = "shpss_e2e_client_secret_0123456789";
export const wooSecret = "woo e2e webhook secret";
export const stripeSecret = "whsec_e2eSigningSecret0123456789abcdef";
export const squareKey = "e2e-square-signature-key-0123";

export const platformCases: PlatformCase[] = [
  {
    kind: "shopify",
    secrets: { clientSecret: shopifySecret },
    paid() {
      // Beyond 2^53, as real Shopify ids are: the order must keep every digit.
      const id = 820982911946154508n + BigInt(next()) * 1000n;
      return { body: shopifyJson(buildShopifyOrder({ id, name: `#S${next()}` } as never)), externalId: id.toString() };
    },
    sign: (body) => signShopifyRequest(body, shopifySecret, { topic: "orders/paid" }),
    signWrongly: (body) => signShopifyRequest(body, "not-the-secret", { topic: "orders/paid" }),
    missingFields: () => JSON.stringify({ id: 1, line_items: [] }),
  },
  {
    kind: "woocommerce",
    secrets: { webhookSecret: wooSecret },
    paid() {
      const id = next();
      return { body: woocommerceJson(buildWooCommerceOrder({ id, number: String(id) } as never)), externalId: String(id) };
    },
    sign: (body) => signWooCommerceRequest(body, wooSecret, { topic: "order.updated" }),
    signWrongly: (body) => signWooCommerceRequest(body, "wrong secret", { topic: "order.updated" }),
    missingFields: () => JSON.stringify({ id: 5, status: "processing" }),
  },
  {
    kind: "stripe",
    secrets: { signingSecret: stripeSecret },
    paid() {
      const suffix = randomUUID().replace(/-/g, "").slice(0, 16);
      const session = buildCheckoutSession({ id: `cs_test_${suffix}`, payment_intent: `pi_${suffix}`, metadata: { order_number: `ST-${next()}` } });
      return { body: JSON.stringify(buildCheckoutSessionCompletedEvent(session, { id: `evt_${suffix}` })), externalId: `pi_${suffix}` };
    },
    sign: (body) => signStripeRequest(body, stripeSecret),
    signWrongly: (body) => signStripeRequest(body, "whsec_wrong"),
    missingFields: () => JSON.stringify({ id: "evt_missing", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_x" } } }),
  },
  {
    kind: "square",
    secrets: { signatureKey: squareKey },
    paid() {
      const suffix = randomUUID().replace(/-/g, "").slice(0, 20);
      const payment = buildSquarePayment({ id: `pay${suffix}`, order_id: `ord${suffix}`, receipt_number: `SQ${next()}` });
      return { body: JSON.stringify(buildPaymentUpdatedEvent(payment, { event_id: randomUUID() })), externalId: `ord${suffix}` };
    },
    sign: (body, url) => signSquareRequest(body, squareKey, url, { scheme: "hmacsha256" }),
    signWrongly: (body, url) => signSquareRequest(body, "wrong-key", url, { scheme: "hmacsha256" }),
    missingFields: () => JSON.stringify({ merchant_id: "M", type: "payment.updated", event_id: randomUUID(), data: { type: "payment", id: "p", object: { payment: { id: "p" } } } }),
  },
];

export { buildShopifyRefund, buildSquareOrder };
