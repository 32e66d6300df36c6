import { describe, expect, it } from "vitest";
import type { OrderEvent } from "../../orders/order-event";
import { parseJsonLossless } from "../parse-json";
import type { NormaliseResult } from "../source-adapter";
import { buildShopifyCancelledOrder, buildShopifyOrder, buildShopifyPendingOrder, buildShopifyRefund, shopifyJson } from "./fixtures";
import { shopifySource } from "./index";

const context = (topic: string | null) => ({ topic, secrets: { clientSecret: "s" }, config: {}, api: { fetch, timeoutMs: 1000 } });

/** As the app does it: the raw body through parseJsonLossless, then normalise. */
async function normalise(payload: unknown, topic: string | null): Promise<NormaliseResult> {
  return shopifySource.normalise(parseJsonLossless(shopifyJson(payload)), context(topic));
}

function orderOf(result: NormaliseResult): OrderEvent {
  if (result.kind !== "order") throw new Error(`expected an order, got ${JSON.stringify(result)}`);
  return result.event;
}

describe("Shopify orders/paid", () => {
  it("normalises every field of a typical order, in minor units", async () => {
    const result = await normalise(buildShopifyOrder(), "orders/paid");
    expect(result).toMatchObject({ kind: "order", trigger: "order_paid" });
    expect(orderOf(result)).toEqual({
      externalId: "820982911946154508",
      number: "#1001",
      paymentStatus: "paid",
      currency: "USD",
      items: [
        { name: "Organic Cotton T-Shirt", variant: "M / Navy", sku: "TEE-M-NVY", quantity: 2, unitPrice: 2500, lineTotal: 4500 },
        { name: "Canvas Tote Bag", variant: null, sku: "TOTE-NAT", quantity: 1, unitPrice: 1800, lineTotal: 1620 },
      ],
      subtotal: 6120,
      discountTotal: 680,
      taxTotal: 543,
      shippingTotal: 590,
      total: 7253,
      taxesIncluded: false,
      customer: { name: "Ada Lovelace", email: "ada@customer.example", phone: "+14155550132", locale: "en-US", marketingConsent: true },
      shippingAddress: {
        name: "Ada Lovelace",
        line1: "12 Analytical Row",
        line2: "Apt 3",
        city: "Brooklyn",
        region: "New York",
        postalCode: "11201",
        country: "US",
      },
      deliveryEstimate: null,
      statusUrl: "https://orderbell-demo.myshopify.com/73422020/orders/123456abcd/authenticate?key=abcdefg",
      locale: "en-US",
      placedAt: new Date("2026-11-27T15:00:00Z"),
      paidAt: new Date("2026-11-27T15:00:05Z"),
    });
  });

  it("balances: Σ(unit × qty) + shipping + tax − discounts = total", async () => {
    const event = orderOf(await normalise(buildShopifyOrder(), "orders/paid"));
    const lines = event.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
    expect(lines + event.shippingTotal + event.taxTotal - event.discountTotal).toBe(event.total);
  });

  it("keeps ids beyond 2^53 exact, where JSON.parse would round them", async () => {
    const body = shopifyJson(buildShopifyOrder({ id: 9007199254740993n, admin_graphql_api_id: "gid://shopify/Order/9007199254740993" }));
    expect(String(JSON.parse(body).id)).toBe("9007199254740992");
    const event = orderOf(await shopifySource.normalise(parseJsonLossless(body), context("orders/paid")));
    expect(event.externalId).toBe("9007199254740993");
  });

  it("refuses an id that was already rounded by JSON.parse, saying how to fix it", async () => {
    const rounded = JSON.parse(shopifyJson(buildShopifyOrder()));
    const result = await shopifySource.normalise(rounded, context("orders/paid"));
    expect(result).toEqual({ kind: "invalid", reason: "id is beyond 2^53 and was rounded: parse the body with parseJsonLossless" });
  });

  it("reads the id from admin_graphql_api_id when id is left out", async () => {
    const { id: _id, ...withoutId } = buildShopifyOrder();
    expect(orderOf(await normalise(withoutId, "orders/paid")).externalId).toBe("820982911946154508");
  });

  it("uses 'Tip' as a line when a tip was paid, so the total still balances", async () => {
    const event = orderOf(await normalise(buildShopifyOrder({ total_tip_received: "3.00", total_price: "75.53" }), "orders/paid"));
    expect(event.items.at(-1)).toEqual({ name: "Tip", variant: null, sku: null, quantity: 1, unitPrice: 300, lineTotal: 300 });
    const lines = event.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
    expect(lines + event.shippingTotal + event.taxTotal - event.discountTotal).toBe(event.total);
  });
});

describe("Shopify fallbacks for fields that vary by API version and checkout", () => {
  it("sums shipping_lines when total_shipping_price_set is absent", async () => {
    const order = buildShopifyOrder({ total_shipping_price_set: null, shipping_lines: [{ price: "4.00" }, { price: "1.90" }] });
    expect(orderOf(await normalise(order, "orders/paid")).shippingTotal).toBe(590);
  });

  it("sums the product lines (not a tip) when there is no subtotal_price", async () => {
    const { subtotal_price: _subtotal, current_subtotal_price: _current, ...order } = buildShopifyOrder({ total_tip_received: "3.00", total_price: "75.53" });
    expect(orderOf(await normalise(order, "orders/paid")).subtotal).toBe(6120);
  });

  it("subtracts total_discount from a line without discount_allocations", async () => {
    const order = buildShopifyOrder();
    order.line_items = [{ title: "Gift Card", quantity: 3, price: "10.00", total_discount: "2.50", sku: null, variant_title: null }];
    expect(orderOf(await normalise(order, "orders/paid")).items).toEqual([{ name: "Gift Card", variant: null, sku: null, quantity: 3, unitPrice: 1000, lineTotal: 2750 }]);
  });

  it("finds email, phone and name elsewhere when the order's own are blank", async () => {
    const order = buildShopifyOrder({
      email: "",
      contact_email: null,
      phone: null,
      customer: { email: "ada@customer.example", first_name: null, last_name: null, phone: null },
      billing_address: null,
      shipping_address: { ...buildShopifyOrder().shipping_address!, phone: "+1 718 555 0101" },
    });
    expect(orderOf(await normalise(order, "orders/paid")).customer).toEqual({
      name: "Ada Lovelace",
      email: "ada@customer.example",
      phone: "+1 718 555 0101",
      locale: "en-US",
      marketingConsent: false,
    });
  });

  it("reads marketing consent from buyer_accepts_marketing too", async () => {
    const order = buildShopifyOrder({ buyer_accepts_marketing: true, customer: { email: "ada@customer.example" } });
    expect(orderOf(await normalise(order, "orders/paid")).customer.marketingConsent).toBe(true);
  });

  it("passes taxes_included on, and uses #order_number when there is no name", async () => {
    const event = orderOf(await normalise(buildShopifyOrder({ taxes_included: true, name: null }), "orders/paid"));
    expect(event.taxesIncluded).toBe(true);
    expect(event.number).toBe("#1001");
  });

  it("stands one 'Order total' line in for an order without line items, and says so", async () => {
    const event = orderOf(await normalise(buildShopifyOrder({ line_items: [] }), "orders/paid"));
    expect(event.itemsAreFallback).toBe(true);
    expect(event.items).toEqual([{ name: "Order total", variant: null, sku: null, quantity: 1, unitPrice: 6800, lineTotal: 6800 }]);
  });

  it("has no shipping address when the order ships nowhere", async () => {
    expect(orderOf(await normalise(buildShopifyOrder({ shipping_address: null }), "orders/paid")).shippingAddress).toBeNull();
  });
});

describe("Shopify topics", () => {
  it("orders/create, paid at checkout: order_paid", async () => {
    const result = await normalise(buildShopifyOrder(), "orders/create");
    expect(result).toMatchObject({ kind: "order", trigger: "order_paid", event: { paymentStatus: "paid", paidAt: new Date("2026-11-27T15:00:00Z") } });
  });

  it("orders/create, not paid yet: stored with no trigger, pending, no paidAt", async () => {
    const result = await normalise(buildShopifyPendingOrder(), "orders/create");
    expect(result).toMatchObject({ kind: "order", trigger: null, event: { paymentStatus: "pending", paidAt: null, total: 7253 } });
  });

  it("orders/paid wins over a stale financial_status", async () => {
    const result = await normalise(buildShopifyPendingOrder(), "orders/paid");
    expect(result).toMatchObject({ kind: "order", trigger: "order_paid", event: { paymentStatus: "paid" } });
  });

  it("orders/cancelled: order_cancelled with the full order", async () => {
    const result = await normalise(buildShopifyCancelledOrder(), "orders/cancelled");
    expect(result).toMatchObject({ kind: "order", trigger: "order_cancelled", event: { externalId: "820982911946154508", paymentStatus: "cancelled", paidAt: null, total: 7253 } });
  });

  it("refunds/create: a status change of the order named by order_id, exact", async () => {
    const result = await normalise(buildShopifyRefund(), "refunds/create");
    expect(result).toEqual({ kind: "status_change", externalId: "820982911946154508", trigger: "order_refunded", notes: ["Shopify refund 509562969126203480: $17.64 returned"] });
  });

  it("refunds/create without money moving still marks the order refunded, and notes it", async () => {
    const result = await normalise(buildShopifyRefund({ transactions: [] }), "refunds/create");
    expect(result).toMatchObject({ kind: "status_change", trigger: "order_refunded", notes: [expect.stringMatching(/no successful refund transaction/)] });
  });

  it("ignores other topics and a missing topic, saying why", async () => {
    expect(await normalise(buildShopifyOrder(), "orders/updated")).toEqual({ kind: "ignored", reason: expect.stringContaining('"orders/updated" is not one Orderbell acts on') });
    expect(await normalise(buildShopifyOrder(), null)).toEqual({ kind: "ignored", reason: expect.stringContaining("no X-Shopify-Topic header") });
  });
});

describe("Shopify invalid payloads", () => {
  async function reasonFor(payload: unknown, topic = "orders/paid"): Promise<string> {
    const result = await shopifySource.normalise(payload, context(topic));
    if (result.kind !== "invalid") throw new Error(`expected invalid, got ${result.kind}`);
    return result.reason;
  }
  const parsedOrder = () => parseJsonLossless(shopifyJson(buildShopifyOrder())) as Record<string, unknown> & { line_items: Array<Record<string, unknown>> };

  it("names the field and the expected type", async () => {
    const order = parsedOrder();
    order.line_items[0]!.quantity = "2";
    expect(await reasonFor(order)).toBe("line_items[0].quantity: expected a number, got a string");
  });

  it("names missing fields", async () => {
    const { total_price: _total, ...order } = parsedOrder();
    expect(await reasonFor(order)).toBe("total_price is missing");
    const { id: _id, admin_graphql_api_id: _gid, ...anonymous } = parsedOrder();
    expect(await reasonFor(anonymous)).toMatch(/^id is missing/);
  });

  it("refuses amounts that are not decimals and currencies that are not ISO codes", async () => {
    const order = parsedOrder();
    order.total_tax = "5,43";
    order.currency = "US$";
    expect(await reasonFor(order)).toBe('total_tax: expected a decimal amount such as "19.99"; currency: expected a three-letter ISO currency code such as USD');
  });

  it("refuses a body that is not an order at all", async () => {
    expect(await reasonFor([1, 2, 3])).toBe("the payload: expected an object, got an array");
    expect(await reasonFor({ products: [] })).toMatch(/^line_items is missing; total_price is missing; currency is missing/);
  });

  it("refuses a refund without order_id", async () => {
    expect(await reasonFor({ id: 1, refund_line_items: [] }, "refunds/create")).toBe("order_id is missing");
  });

  it("validate gives the same reason before the request is answered, and null for what normalise accepts or ignores", () => {
    const order = parsedOrder();
    order.line_items[0]!.quantity = "2";
    expect(shopifySource.validate!(order, "orders/paid")).toBe("line_items[0].quantity: expected a number, got a string");
    expect(shopifySource.validate!({}, "refunds/create")).toBe("order_id is missing");
    expect(shopifySource.validate!(parsedOrder(), "orders/paid")).toBeNull();
    expect(shopifySource.validate!({ anything: true }, "products/update")).toBeNull();
  });

  it("does not echo the payload's values in the reason", async () => {
    const order = parsedOrder();
    order.email = 42;
    const reason = await reasonFor(order);
    expect(reason).toBe("email: expected a string, got a number");
  });
});
