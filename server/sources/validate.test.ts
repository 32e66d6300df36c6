import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "./parse-json";
import { sourceAdapters } from "./registry";
import { posOrderBody } from "./pos/fixtures";
import { buildShopifyOrder, shopifyJson } from "./shopify/fixtures";
import { buildPaymentUpdatedEvent } from "./square/fixtures";
import { buildCheckoutSessionCompletedEvent } from "./stripe/fixtures";
import { buildWooCommerceOrder, woocommerceJson } from "./woocommerce/fixtures";

/** The check made before a trigger is answered: every platform has one, and it never needs the network. */
describe("payload validation before the answer", () => {
  const cases = {
    shopify: { valid: shopifyJson(buildShopifyOrder()), topic: "orders/paid", broken: { id: 1, line_items: [] } },
    woocommerce: { valid: woocommerceJson(buildWooCommerceOrder()), topic: "order.updated", broken: { id: 5, status: "processing" } },
    stripe: { valid: JSON.stringify(buildCheckoutSessionCompletedEvent()), topic: "checkout.session.completed", broken: { id: "evt_1", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_1" } } } },
    square: { valid: JSON.stringify(buildPaymentUpdatedEvent()), topic: "payment.updated", broken: { type: "payment.updated", event_id: "e", data: { type: "payment", id: "p", object: { payment: { id: "p" } } } } },
    pos: { valid: JSON.stringify(posOrderBody()), topic: "order.paid", broken: { event_id: "e", type: "order.paid", order: { id: "x" } } },
  } as const;

  for (const [kind, sample] of Object.entries(cases)) {
    it(`${kind}: passes a real payload and names what a broken one lacks`, async () => {
      const adapter = sourceAdapters[kind as keyof typeof cases];
      expect(adapter.validate, `${kind} has validate`).toBeTypeOf("function");
      expect(await adapter.validate!(parseJsonLossless(sample.valid), sample.topic)).toBeNull();
      const problem = await adapter.validate!(sample.broken, sample.topic);
      expect(problem).toEqual(expect.any(String));
      expect(problem!.length).toBeGreaterThan(5);
    });
  }
});
