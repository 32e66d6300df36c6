import { afterEach, describe, expect, it, vi } from "vitest";
import { parseJsonLossless } from "../parse-json";
import type { NormaliseResult, SourceApiContext } from "../source-adapter";
import {
  buildCheckoutSession,
  buildCheckoutSessionCompletedEvent,
  buildStripeEvent,
  buildStripeLineItem,
  buildStripeLineItems,
  startFakeStripeApi,
  stripeErrorBody,
  TEST_STRIPE_API_KEY,
  TEST_STRIPE_SIGNING_SECRET,
  type FakeApiServer,
} from "./fixtures";
import { stripeSource } from "./index";
import type { StripeSecrets } from "./settings";
import { totalsAddUp } from "@/server/orders/order-flags";

const SESSION_ID = buildCheckoutSession().id as string;
const fakes: FakeApiServer[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/** Round-trips through JSON text and the lossless parser, as the trigger route does. */
function asReceived(payload: unknown): unknown {
  return parseJsonLossless(JSON.stringify(payload));
}

function noNetwork(): SourceApiContext {
  return { fetch: vi.fn<typeof fetch>(() => Promise.reject(new Error("no network in this test"))), timeoutMs: 1000 };
}

function normalise(payload: unknown, options: { secrets?: Partial<StripeSecrets>; api?: SourceApiContext } = {}): Promise<NormaliseResult> {
  return stripeSource.normalise(asReceived(payload), {
    topic: null,
    secrets: { signingSecret: TEST_STRIPE_SIGNING_SECRET, ...options.secrets },
    config: {},
    api: options.api ?? noNetwork(),
  });
}

async function fakeApi(options: Partial<Parameters<typeof startFakeStripeApi>[0]> = {}) {
  const fake = await startFakeStripeApi({ apiKey: TEST_STRIPE_API_KEY, lineItems: { [SESSION_ID]: buildStripeLineItems() }, ...options });
  fakes.push(fake);
  return { fake, api: { fetch, apiBaseUrl: fake.url, timeoutMs: 2000 } satisfies SourceApiContext };
}

function order(result: NormaliseResult) {
  if (result.kind !== "order") throw new Error(`expected an order, got ${JSON.stringify(result)}`);
  return result;
}

const expectedItems = [
  { name: "Linen apron", variant: null, sku: null, quantity: 2, unitPrice: 1900, lineTotal: 3420 },
  { name: "Ceramic mug", variant: null, sku: null, quantity: 1, unitPrice: 2000, lineTotal: 1800 },
];

describe("Stripe checkout.session.completed", () => {
  it("turns a paid session with expanded line items into a paid order, without calling Stripe", async () => {
    const api = noNetwork();
    const payload = buildCheckoutSessionCompletedEvent({ line_items: { object: "list", data: buildStripeLineItems(), has_more: false, url: "/v1/checkout/sessions/x/line_items" } });
    const result = order(await normalise(payload, { api, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(api.fetch).not.toHaveBeenCalled();
    expect(result.trigger).toBe("order_paid");
    expect(result.notes).toEqual(["2 line item(s) read from the event payload."]);
    expect(result.event).toEqual({
      externalId: "pi_3SfA4bC3dE4fG5hI0aBcDeFg",
      number: "1042",
      paymentStatus: "paid",
      currency: "EUR",
      items: expectedItems,
      itemsAreFallback: false,
      subtotal: 5800,
      discountTotal: 580,
      taxTotal: 992,
      shippingTotal: 490,
      total: 6702,
      taxesIncluded: false,
      customer: { name: "Jenny Rosen", email: "jenny.rosen@example.com", phone: "+4915112345678", locale: "de" },
      shippingAddress: { name: "Jenny Rosen", line1: "Torstraße 109", line2: "Hinterhaus, 3. OG", city: "Berlin", postalCode: "10119", country: "DE" },
      statusUrl: null,
      locale: "de",
      placedAt: new Date("2026-01-01T00:00:00Z"),
      paidAt: new Date("2026-01-01T00:00:05Z"),
    });
  });

  it("fetches line items from Stripe with the API key when the payload has none", async () => {
    const { fake, api } = await fakeApi();
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(result.event.items).toEqual(expectedItems);
    expect(result.event.itemsAreFallback).toBe(false);
    expect(totalsAddUp(result.event)).toBe(true);
    expect(result.notes).toEqual(["2 line item(s) fetched from Stripe."]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: `/v1/checkout/sessions/${SESSION_ID}/line_items`,
      query: { limit: "100" },
      headers: { authorization: `Bearer ${TEST_STRIPE_API_KEY}` },
    });
  });

  it("follows has_more with starting_after until every line item is read", async () => {
    const many = Array.from({ length: 230 }, (_, index) => buildStripeLineItem({ id: `li_${String(index).padStart(4, "0")}`, description: `Print #${index}`, quantity: 1, amount_subtotal: 100, amount_discount: 0, price: null }));
    const { fake, api } = await fakeApi({ lineItems: { [SESSION_ID]: many } });
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(result.event.items).toHaveLength(230);
    expect(result.event.items.at(-1)).toEqual({ name: "Print #229", variant: null, sku: null, quantity: 1, unitPrice: 100, lineTotal: 100 });
    expect(fake.requests.map((request) => request.query)).toEqual([{ limit: "100" }, { limit: "100", starting_after: "li_0099" }, { limit: "100", starting_after: "li_0199" }]);
  });

  it("falls back to one “Order total” line, without any request, when no API key is configured", async () => {
    const api = noNetwork();
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api }));

    expect(api.fetch).not.toHaveBeenCalled();
    // Priced so that items + shipping + tax − discounts still make the total: 6702 − 490 − 992 + 580.
    expect(result.event.items).toEqual([{ name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: 5800, lineTotal: 5800 }]);
    expect(result.event.itemsAreFallback).toBe(true);
    expect(result.event.total).toBe(6702);
    expect(totalsAddUp(result.event)).toBe(true);
    expect(result.notes).toEqual([expect.stringContaining("no Stripe API key is configured")]);
  });

  it.each([
    [500, stripeErrorBody("api_error", "An unknown error occurred"), /Stripe answered 500 \(api_error\): An unknown error occurred/],
    [403, stripeErrorBody("invalid_request_error", "The provided key 'rk_test_****rZ4' does not have the required permissions"), /Stripe answered 403.*\[key\].*Checkout Sessions read access/],
  ])("falls back to one “Order total” line when Stripe answers %i, saying why", async (status, body, why) => {
    const { api } = await fakeApi({ failWith: { status, body } });
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(result.trigger).toBe("order_paid");
    expect(result.event.items).toEqual([expect.objectContaining({ name: "Order total", lineTotal: 5800 })]);
    expect(result.event.itemsAreFallback).toBe(true);
    expect(result.notes![0]).toMatch(why);
    expect(result.notes![0]).not.toContain("rk_test_");
  });

  it("falls back when the key is wrong, without repeating the key", async () => {
    const { api } = await fakeApi({ apiKey: "rk_test_theRightKeyIsThisOne0000" });
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(result.event.items.map((item) => item.name)).toEqual(["Order total"]);
    expect(result.notes![0]).toMatch(/Stripe answered 401 \(invalid_request_error\): Invalid API Key provided: \[key\] — check the API key/);
    expect(JSON.stringify(result)).not.toContain(TEST_STRIPE_API_KEY.slice(-8));
  });

  it("falls back when Stripe does not answer in time", async () => {
    const { fake } = await fakeApi({ delayMs: 2000 });
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api: { fetch, apiBaseUrl: fake.url, timeoutMs: 100 }, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(result.event.items.map((item) => item.name)).toEqual(["Order total"]);
    expect(result.notes![0]).toContain("Stripe did not answer within 100 ms");
  });

  it("falls back when Stripe cannot be reached", async () => {
    const { fake } = await fakeApi();
    await fake.close();
    const result = order(await normalise(buildCheckoutSessionCompletedEvent(), { api: { fetch, apiBaseUrl: fake.url, timeoutMs: 1000 }, secrets: { apiKey: TEST_STRIPE_API_KEY } }));

    expect(result.event.items.map((item) => item.name)).toEqual(["Order total"]);
    expect(result.notes![0]).toMatch(/could not reach Stripe \(ECONNREFUSED\)/);
  });

  it("stores an unpaid session as awaiting payment: no trigger, payment pending", async () => {
    const result = order(await normalise(buildCheckoutSessionCompletedEvent({ payment_status: "unpaid" })));
    expect(result.trigger).toBeNull();
    expect(result.event.paymentStatus).toBe("pending");
    expect(result.event.paidAt).toBeNull();
    expect(result.notes![0]).toContain("payment is still pending");
  });

  it("confirms the same order when the asynchronous payment succeeds", async () => {
    const completed = order(await normalise(buildCheckoutSessionCompletedEvent({ payment_status: "unpaid" })));
    const succeeded = order(await normalise(buildStripeEvent("checkout.session.async_payment_succeeded", buildCheckoutSession())));
    expect(succeeded.trigger).toBe("order_paid");
    expect(succeeded.event.externalId).toBe(completed.event.externalId);
  });

  it("treats no_payment_required (a 100% coupon) as paid", async () => {
    const result = order(await normalise(buildCheckoutSessionCompletedEvent({ payment_status: "no_payment_required", payment_intent: null, amount_total: 0 })));
    expect(result.trigger).toBe("order_paid");
    expect(result.event.total).toBe(0);
  });

  it("uses the session id and client_reference_id when there is no PaymentIntent or order number", async () => {
    const result = order(await normalise(buildCheckoutSessionCompletedEvent({ payment_intent: null, metadata: {}, client_reference_id: "cart-77" })));
    expect(result.event.externalId).toBe(SESSION_ID);
    expect(result.event.number).toBe("cart-77");

    const bare = order(await normalise(buildCheckoutSessionCompletedEvent({ metadata: {}, client_reference_id: null })));
    expect(bare.event.number).toBe("pi_3SfA4bC3dE4fG5hI0aBcDeFg");
  });

  it("reads the pre-2025 top-level shipping_details, customer_email and locale auto", async () => {
    const result = order(
      await normalise(
        buildCheckoutSessionCompletedEvent({
          collected_information: null,
          shipping_details: { name: "Ada L.", address: { line1: "1 Main St", line2: null, city: "Austin", state: "TX", postal_code: "78701", country: "US" } },
          customer_details: { email: null, name: null, phone: null, address: null },
          customer_email: "ada@example.com",
          locale: "auto",
        }),
      ),
    );
    expect(result.event.shippingAddress).toEqual({ name: "Ada L.", line1: "1 Main St", city: "Austin", region: "TX", postalCode: "78701", country: "US" });
    expect(result.event.customer).toEqual({ name: "Ada L.", email: "ada@example.com", phone: null, locale: null });
  });

  it("recognises tax-inclusive prices, so the totals check does not add the tax twice", async () => {
    // €100 inclusive of 19% VAT, no shipping or discount: Stripe reports the tax but it is inside the subtotal.
    const result = order(
      await normalise(
        buildCheckoutSessionCompletedEvent({ amount_subtotal: 10000, amount_total: 10000, total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 1597 } }),
      ),
    );
    expect(result.event.taxesIncluded).toBe(true);
    expect(result.event.items).toEqual([expect.objectContaining({ name: "Order total", unitPrice: 10000 })]);
    expect(totalsAddUp(result.event)).toBe(true);
  });

  it("derives the unit price from the line when the price has no usable unit_amount (tiered, packages)", async () => {
    const tiered = buildStripeLineItem({ quantity: 3, amount_subtotal: 2700, amount_discount: 0, price: { id: "price_tiered", unit_amount: null, product: { id: "prod_1", name: "Sticker pack" } }, description: null });
    const result = order(await normalise(buildCheckoutSessionCompletedEvent({ line_items: { object: "list", data: [tiered], has_more: false } })));
    expect(result.event.items).toEqual([{ name: "Sticker pack", variant: null, sku: null, quantity: 3, unitPrice: 900, lineTotal: 2700 }]);
  });

  it("fetches all line items when the payload holds only the first page", async () => {
    const { fake, api } = await fakeApi();
    const partial = { object: "list", data: buildStripeLineItems().slice(0, 1), has_more: true };
    const result = order(await normalise(buildCheckoutSessionCompletedEvent({ line_items: partial }), { api, secrets: { apiKey: TEST_STRIPE_API_KEY } }));
    expect(result.event.items).toEqual(expectedItems);
    expect(fake.requests).toHaveLength(1);
  });

  it("ignores setup-mode sessions, which take no payment", async () => {
    const result = await normalise(buildCheckoutSessionCompletedEvent({ mode: "setup", payment_status: "no_payment_required", amount_total: null, currency: null, payment_intent: null }));
    expect(result).toEqual({ kind: "ignored", reason: expect.stringContaining("setup mode") });
  });

  it.each([
    ["a missing currency", { currency: undefined }, /data\.object\.currency/],
    ["an amount sent as text", { amount_total: "67.02" }, /data\.object\.amount_total/],
    ["an unknown payment_status", { payment_status: "maybe" }, /data\.object\.payment_status/],
    ["an amount beyond 2^53 (kept as exact text)", { amount_total: 12345678901234567890n }, /data\.object\.amount_total/],
  ])("refuses a session with %s as invalid, naming the field", async (_label, override, field) => {
    const session = buildCheckoutSession(override);
    const text = JSON.stringify(buildStripeEvent("checkout.session.completed", session), (_key, value) => (typeof value === "bigint" ? `__big${value}__` : value)).replace(/"__big(\d+)__"/g, "$1");
    const result = await stripeSource.normalise(parseJsonLossless(text), { topic: null, secrets: { signingSecret: TEST_STRIPE_SIGNING_SECRET }, config: {}, api: noNetwork() });
    expect(result.kind).toBe("invalid");
    expect(result).toMatchObject({ reason: expect.stringMatching(field) });
  });

  it("refuses a paid session without amount_total as invalid", async () => {
    expect(await normalise(buildCheckoutSessionCompletedEvent({ amount_total: null }))).toEqual({ kind: "invalid", reason: expect.stringContaining("no amount_total or currency") });
  });
});
