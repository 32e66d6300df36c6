import { describe, expect, it, vi } from "vitest";
import { parseJsonLossless } from "../parse-json";
import type { NormaliseResult } from "../source-adapter";
import { buildChargeRefundedEvent, buildPaymentIntentSucceededEvent, buildStripeEvent, TEST_STRIPE_API_KEY, TEST_STRIPE_SIGNING_SECRET } from "./fixtures";
import { stripeSource } from "./index";

const fetchSpy = vi.fn<typeof fetch>(() => Promise.reject(new Error("no network in this test")));

function normalise(payload: unknown): Promise<NormaliseResult> {
  return stripeSource.normalise(parseJsonLossless(JSON.stringify(payload)), {
    topic: null,
    secrets: { signingSecret: TEST_STRIPE_SIGNING_SECRET, apiKey: TEST_STRIPE_API_KEY },
    config: {},
    api: { fetch: fetchSpy, timeoutMs: 1000 },
  });
}

describe("Stripe payment_intent.succeeded", () => {
  it("becomes a paid order of one “Order total” line, keyed by the PaymentIntent id", async () => {
    const result = await normalise(buildPaymentIntentSucceededEvent());
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(result).toEqual({
      kind: "order",
      trigger: "order_paid",
      notes: [expect.stringContaining("carries no line items")],
      event: {
        externalId: "pi_3SfB7cD4eF5gH6iJ1bCdEfGh",
        number: "A-2001",
        paymentStatus: "paid",
        currency: "USD",
        items: [{ name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: 2500, lineTotal: 2500 }],
        itemsAreFallback: true,
        subtotal: 2500,
        discountTotal: 0,
        taxTotal: 0,
        shippingTotal: 0,
        total: 2500,
        taxesIncluded: false,
        customer: { name: "Sam Lee", email: "sam.lee@example.com", phone: "+15035550142" },
        shippingAddress: { name: "Sam Lee", line1: "1234 SE Belmont St", city: "Portland", region: "OR", postalCode: "97214", country: "US", phone: "+15035550142" },
        statusUrl: null,
        locale: null,
        placedAt: new Date("2026-01-01T00:00:00Z"),
        paidAt: new Date("2026-01-01T00:00:05Z"),
      },
    });
  });

  it("uses the amount received and the id as number when there is no order_number", async () => {
    const result = await normalise(buildPaymentIntentSucceededEvent({ amount: 3000, amount_received: 2750, metadata: {}, shipping: null, receipt_email: null }));
    expect(result).toMatchObject({
      kind: "order",
      event: { number: "pi_3SfB7cD4eF5gH6iJ1bCdEfGh", total: 2750, items: [{ lineTotal: 2750 }], customer: { name: null, email: null, phone: null }, shippingAddress: null },
    });
  });

  it("refuses a PaymentIntent without amount_received as invalid", async () => {
    const result = await normalise(buildPaymentIntentSucceededEvent({ amount_received: undefined }));
    expect(result).toEqual({ kind: "invalid", reason: expect.stringContaining("data.object.amount_received") });
  });
});

describe("Stripe charge.refunded", () => {
  it("marks the order of a fully refunded charge refunded, by PaymentIntent id", async () => {
    expect(await normalise(buildChargeRefundedEvent())).toEqual({
      kind: "status_change",
      externalId: "pi_3SfB7cD4eF5gH6iJ1bCdEfGh",
      trigger: "order_refunded",
      notes: ["Charge ch_3SfB7cD4eF5gH6iJ1xYzAbCd fully refunded."],
    });
  });

  it("falls back to the charge id for a charge made without a PaymentIntent", async () => {
    expect(await normalise(buildChargeRefundedEvent({ payment_intent: null }))).toMatchObject({ kind: "status_change", externalId: "ch_3SfB7cD4eF5gH6iJ1xYzAbCd" });
  });

  it("ignores a partial refund, saying how much of what", async () => {
    const result = await normalise(buildChargeRefundedEvent({ amount_refunded: 500, refunded: false }));
    expect(result).toEqual({ kind: "ignored", reason: "Partial refund of $5.00 out of $25.00 on pi_3SfB7cD4eF5gH6iJ1bCdEfGh: the order stays paid." });
  });

  it("refuses a charge without the refunded flag as invalid", async () => {
    expect(await normalise(buildChargeRefundedEvent({ refunded: undefined }))).toEqual({ kind: "invalid", reason: expect.stringContaining("data.object.refunded") });
  });
});

describe("Stripe events Orderbell does not act on", () => {
  it("ignores other event types, naming the ones it uses", async () => {
    const result = await normalise(buildStripeEvent("customer.created", { id: "cus_123", object: "customer" }));
    expect(result).toEqual({ kind: "ignored", reason: expect.stringMatching(/customer\.created is not one Orderbell acts on \(checkout\.session\.completed, /) });
  });

  it.each([
    ["a JSON array", []],
    ["an event without data", { id: "evt_1", type: "checkout.session.completed", created: 1 }],
    ["an event without a type", { id: "evt_1", created: 1, data: { object: {} } }],
    ["null", null],
  ])("refuses %s as invalid", async (_label, payload) => {
    const result = await normalise(payload);
    expect(result).toEqual({ kind: "invalid", reason: expect.stringContaining("Not a Stripe event") });
  });
});
