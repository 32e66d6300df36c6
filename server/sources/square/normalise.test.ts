import { afterEach, describe, expect, it, vi } from "vitest";
import { totalsAddUp } from "@/server/orders/order-flags";
import { parseJsonLossless } from "../parse-json";
import type { NormaliseResult, SourceApiContext } from "../source-adapter";
import {
  buildPaymentUpdatedEvent,
  buildSquareLineItem,
  buildSquareOrder,
  squareErrorBody,
  startFakeSquareApi,
  TEST_SQUARE_ACCESS_TOKEN,
  TEST_SQUARE_ORDER_ID,
  TEST_SQUARE_PAYMENT_ID,
  TEST_SQUARE_SIGNATURE_KEY,
  type FakeApiServer,
} from "./fixtures";
import { squareSource } from "./index";
import type { SquareSecrets } from "./settings";

const fakes: FakeApiServer[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

function noNetwork(): SourceApiContext {
  return { fetch: vi.fn<typeof fetch>(() => Promise.reject(new Error("no network in this test"))), timeoutMs: 1000 };
}

/** Round-trips through JSON text and the lossless parser, as the trigger route does. */
function normalise(payload: unknown, options: { secrets?: Partial<SquareSecrets>; api?: SourceApiContext } = {}): Promise<NormaliseResult> {
  return squareSource.normalise(parseJsonLossless(JSON.stringify(payload)), {
    topic: null,
    secrets: { signatureKey: TEST_SQUARE_SIGNATURE_KEY, ...options.secrets },
    config: {},
    api: options.api ?? noNetwork(),
  });
}

async function fakeApi(options: Partial<Parameters<typeof startFakeSquareApi>[0]> = {}) {
  const fake = await startFakeSquareApi({ accessToken: TEST_SQUARE_ACCESS_TOKEN, orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder() }, ...options });
  fakes.push(fake);
  return { fake, api: { fetch, apiBaseUrl: fake.url, timeoutMs: 2000 } satisfies SourceApiContext };
}

const withToken = { accessToken: TEST_SQUARE_ACCESS_TOKEN };

function order(result: NormaliseResult) {
  if (result.kind !== "order") throw new Error(`expected an order, got ${JSON.stringify(result)}`);
  return result;
}

describe("Square payment.updated, COMPLETED", () => {
  it("fetches the order with the access token and confirms it with its lines, totals and recipient", async () => {
    const { fake, api } = await fakeApi();
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: `/v2/orders/${TEST_SQUARE_ORDER_ID}`,
      headers: { authorization: `Bearer ${TEST_SQUARE_ACCESS_TOKEN}`, "square-version": "2025-08-20" },
    });
    expect(result.trigger).toBe("order_paid");
    expect(result.notes).toEqual([`2 line item(s) fetched from Square order ${TEST_SQUARE_ORDER_ID}.`]);
    expect(result.event).toEqual({
      externalId: TEST_SQUARE_ORDER_ID,
      number: "bP9m",
      paymentStatus: "paid",
      currency: "USD",
      items: [
        { name: "Single-origin coffee beans", variant: "1 lb bag", sku: null, quantity: 2, unitPrice: 1800, lineTotal: 3240 },
        { name: "Ceramic pour-over dripper", variant: "White", sku: null, quantity: 1, unitPrice: 3200, lineTotal: 2880 },
      ],
      itemsAreFallback: false,
      subtotal: 6800,
      discountTotal: 680,
      taxTotal: 612,
      shippingTotal: 800,
      total: 7532,
      taxesIncluded: false,
      customer: { name: "Maya Chen", email: "maya.chen@example.com", phone: "+1 212-555-0147" },
      shippingAddress: { name: "Maya Chen", line1: "500 Electric Ave", line2: "Suite 600", city: "New York", region: "NY", postalCode: "10003", country: "US", phone: "+1 212-555-0147" },
      statusUrl: `https://squareup.com/receipt/preview/${TEST_SQUARE_PAYMENT_ID}`,
      locale: null,
      placedAt: new Date("2025-12-31T23:58:41.874Z"),
      paidAt: new Date("2026-01-01T00:00:03.208Z"),
    });
    expect(totalsAddUp(result.event)).toBe(true);
  });

  it("confirms with one “Order total” line of the payment amount, and no request, when no access token is configured", async () => {
    const api = noNetwork();
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api }));

    expect(api.fetch).not.toHaveBeenCalled();
    expect(result.trigger).toBe("order_paid");
    expect(result.event).toMatchObject({
      externalId: TEST_SQUARE_ORDER_ID,
      items: [{ name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: 7532, lineTotal: 7532 }],
      itemsAreFallback: true,
      total: 7532,
      customer: { name: "Maya Chen", email: "maya.chen@example.com", phone: null },
      shippingAddress: { name: "Maya Chen", line1: "500 Electric Ave", city: "New York" },
    });
    expect(totalsAddUp(result.event)).toBe(true);
    expect(result.notes).toEqual([expect.stringContaining("no Square access token is configured")]);
  });

  it("keys a payment without an order by the payment id", async () => {
    const api = noNetwork();
    const result = order(await normalise(buildPaymentUpdatedEvent({ order_id: undefined, receipt_number: undefined }), { api, secrets: withToken }));
    expect(api.fetch).not.toHaveBeenCalled();
    expect(result.event.externalId).toBe(TEST_SQUARE_PAYMENT_ID);
    expect(result.event.number).toBe(TEST_SQUARE_PAYMENT_ID);
    expect(result.notes).toEqual([expect.stringContaining("no order_id")]);
  });

  it("adds the tip as its own line, so the totals still add up", async () => {
    const withTip = buildPaymentUpdatedEvent({ tip_money: { amount: 500, currency: "USD" }, total_money: { amount: 8032, currency: "USD" } });
    const fallback = order(await normalise(withTip));
    expect(fallback.event.items.map((item) => [item.name, item.lineTotal])).toEqual([
      ["Order total", 7532],
      ["Tip", 500],
    ]);
    expect(fallback.event.total).toBe(8032);

    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder({ total_money: { amount: 8032, currency: "USD" }, total_tip_money: { amount: 500, currency: "USD" } }) } });
    const fetched = order(await normalise(withTip, { api, secrets: withToken }));
    expect(fetched.event.items.at(-1)).toEqual({ name: "Tip", variant: null, sku: null, quantity: 1, unitPrice: 500, lineTotal: 500 });
    expect(totalsAddUp(fetched.event)).toBe(true);
  });

  it("shows an item sold by weight as one line with its quantity in the name", async () => {
    const byWeight = buildSquareLineItem({ quantity: "1.5", name: "Loose-leaf tea", variation_name: "per lb", base_price_money: { amount: 2000, currency: "USD" }, gross_sales_money: { amount: 3000, currency: "USD" }, total_discount_money: { amount: 0, currency: "USD" } });
    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder({ line_items: [byWeight] }) } });
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));
    expect(result.event.items).toEqual([{ name: "Loose-leaf tea × 1.5", variant: "per lb", sku: null, quantity: 1, unitPrice: 3000, lineTotal: 3000 }]);
    expect(result.notes).toContain("1 line item(s) sold by fractional quantity are shown as one line each.");
  });

  it("includes modifiers in the unit price", async () => {
    // 2 × ($4.50 latte + $0.75 oat milk) = $10.50 gross.
    const latte = buildSquareLineItem({ quantity: "2", name: "Latte", base_price_money: { amount: 450, currency: "USD" }, gross_sales_money: { amount: 1050, currency: "USD" }, total_discount_money: { amount: 0, currency: "USD" } });
    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder({ line_items: [latte] }) } });
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));
    expect(result.event.items[0]).toMatchObject({ quantity: 2, unitPrice: 525, lineTotal: 1050 });
  });

  it("recognises inclusive taxes", async () => {
    const inclusive = buildSquareOrder({
      taxes: [{ uid: "vat", name: "VAT", percentage: "20", type: "INCLUSIVE", scope: "ORDER" }],
      total_money: { amount: 6920, currency: "USD" },
    });
    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: inclusive } });
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));
    expect(result.event.taxesIncluded).toBe(true);
    expect(totalsAddUp(result.event)).toBe(true);
  });

  it("takes name and phone from a pickup recipient but not its address", async () => {
    const pickup = buildSquareOrder({
      fulfillments: [{ uid: "f1", type: "PICKUP", state: "PROPOSED", pickup_details: { recipient: { display_name: "Leo Park", phone_number: "+12125550188" }, pickup_at: "2026-01-02T15:00:00Z" } }],
    });
    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: pickup } });
    const result = order(await normalise(buildPaymentUpdatedEvent({ shipping_address: null }), { api, secrets: withToken }));
    expect(result.event.customer).toEqual({ name: "Leo Park", email: "maya.chen@example.com", phone: "+12125550188" });
    expect(result.event.shippingAddress).toBeNull();
  });

  it("balances one “Order total” line when the order has no line items", async () => {
    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder({ line_items: [] }) } });
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));
    expect(result.event.items).toEqual([{ name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: 6800, lineTotal: 6800 }]);
    expect(result.event.itemsAreFallback).toBe(true);
    expect(totalsAddUp(result.event)).toBe(true);
  });
});

describe("Square order look-up failures fall back to one “Order total” line", () => {
  it.each([
    ["a wrong token", { accessToken: "EAAAnotTheRightOne" }, /Square answered 401 \(AUTHENTICATION_ERROR\/UNAUTHORIZED\): This request could not be authorized\. — check the access token/],
    ["an unknown order", { orders: {} }, /Square answered 404 \(INVALID_REQUEST_ERROR\/NOT_FOUND\).*connect\.squareupsandbox\.com/],
    ["a server error", { failWith: { status: 500, body: squareErrorBody("API_ERROR", "INTERNAL_SERVER_ERROR", "An internal error has occurred.") } }, /Square answered 500 \(API_ERROR\/INTERNAL_SERVER_ERROR\)/],
    ["rate limiting", { failWith: { status: 429, body: squareErrorBody("RATE_LIMIT_ERROR", "RATE_LIMITED", "Rate limited.") } }, /Square answered 429/],
  ])("%s", async (_label, options, why) => {
    const { api } = await fakeApi(options);
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));
    expect(result.trigger).toBe("order_paid");
    expect(result.event.items).toEqual([expect.objectContaining({ name: "Order total", lineTotal: 7532 })]);
    expect(result.event.itemsAreFallback).toBe(true);
    expect(result.notes![0]).toMatch(why);
    expect(JSON.stringify(result)).not.toContain(TEST_SQUARE_ACCESS_TOKEN);
  });

  it("when Square does not answer in time", async () => {
    const { fake } = await fakeApi({ delayMs: 2000 });
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api: { fetch, apiBaseUrl: fake.url, timeoutMs: 100 }, secrets: withToken }));
    expect(result.event.items.map((item) => item.name)).toEqual(["Order total"]);
    expect(result.notes![0]).toContain("Square did not answer within 100 ms");
  });

  it("when Square cannot be reached", async () => {
    const { fake } = await fakeApi();
    await fake.close();
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api: { fetch, apiBaseUrl: fake.url, timeoutMs: 1000 }, secrets: withToken }));
    expect(result.notes![0]).toMatch(/could not reach Square \(ECONNREFUSED\)/);
  });
});

describe("Square deliveries that confirm nothing", () => {
  it.each(["APPROVED", "PENDING"])("ignores a %s payment, which is not captured yet", async (status) => {
    expect(await normalise(buildPaymentUpdatedEvent({ status }))).toEqual({ kind: "ignored", reason: expect.stringContaining(`is ${status}, not captured yet`) });
  });

  it.each(["CANCELED", "FAILED"])("ignores a %s payment, saying so", async (status) => {
    expect(await normalise(buildPaymentUpdatedEvent({ status }))).toEqual({ kind: "ignored", reason: `Payment ${TEST_SQUARE_PAYMENT_ID} was ${status}: there is no paid order to confirm.` });
  });

  it("ignores the update a refund makes to a completed payment", async () => {
    const result = await normalise(buildPaymentUpdatedEvent({ refunded_money: { amount: 7532, currency: "USD" } }));
    expect(result).toEqual({ kind: "ignored", reason: `Payment ${TEST_SQUARE_PAYMENT_ID} has $75.32 refunded: this update is about a refund, not a new payment.` });
  });

  it("ignores other event types", async () => {
    const result = await normalise({ ...buildPaymentUpdatedEvent(), type: "order.updated", data: { type: "order_updated", id: TEST_SQUARE_ORDER_ID, object: { order_updated: {} } } });
    expect(result).toEqual({ kind: "ignored", reason: "Square event type order.updated is not one Orderbell acts on (payment.updated)." });
  });

  it.each([
    ["no event_id", { ...buildPaymentUpdatedEvent(), event_id: undefined }, /Not a Square webhook event.*event_id/],
    ["no data", { type: "payment.updated", event_id: "e1" }, /Not a Square webhook event.*data/],
    ["a payment without amount_money", buildPaymentUpdatedEvent({ amount_money: undefined }), /data\.object\.payment\.amount_money/],
    ["an amount sent as text", buildPaymentUpdatedEvent({ amount_money: { amount: "75.32", currency: "USD" } }), /data\.object\.payment\.amount_money\.amount/],
    ["no payment in data.object", { ...buildPaymentUpdatedEvent(), data: { type: "payment", id: "x", object: {} } }, /data\.object\.payment/],
  ])("refuses an event with %s as invalid, naming the field", async (_label, payload, field) => {
    const result = await normalise(payload);
    expect(result.kind).toBe("invalid");
    expect(result).toMatchObject({ reason: expect.stringMatching(field) });
  });

  it("refuses a line item whose quantity is not a decimal string", async () => {
    const { api } = await fakeApi({ orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder({ line_items: [buildSquareLineItem({ quantity: 2 })] }) } });
    const result = order(await normalise(buildPaymentUpdatedEvent(), { api, secrets: withToken }));
    // A reply that breaks the RetrieveOrder contract is a failed look-up, not an invalid webhook.
    expect(result.event.itemsAreFallback).toBe(true);
    expect(result.notes![0]).toContain("Square answered 200 with a body that is not an order");
  });
});
