import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrderEvent } from "../../orders/order-event";
import { parseJsonLossless } from "../parse-json";
import type { NormaliseResult } from "../source-adapter";
import { buildWooCommerceOrder, buildWooCommercePendingOrder, woocommerceJson } from "./fixtures";
import { woocommerceSource } from "./index";

const context = (topic: string | null) => ({ topic, secrets: { webhookSecret: "s" }, config: {}, api: { fetch, timeoutMs: 1000 } });

/** As the app does it: the raw body through parseJsonLossless, then normalise. */
async function normalise(payload: unknown, topic: string | null = "order.updated"): Promise<NormaliseResult> {
  return woocommerceSource.normalise(parseJsonLossless(woocommerceJson(payload)), context(topic));
}

function orderOf(result: NormaliseResult): OrderEvent {
  if (result.kind !== "order") throw new Error(`expected an order, got ${JSON.stringify(result)}`);
  return result.event;
}

const balance = (event: OrderEvent) =>
  event.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0) + event.shippingTotal + event.taxTotal - event.discountTotal;

describe("WooCommerce paid order", () => {
  it("normalises every field of a typical processing order, in minor units", async () => {
    const result = await normalise(buildWooCommerceOrder(), "order.created");
    expect(result).toMatchObject({ kind: "order", trigger: "order_paid" });
    expect(orderOf(result)).toEqual({
      externalId: "727",
      number: "727",
      paymentStatus: "paid",
      currency: "USD",
      items: [
        { name: "Merino Hoodie", variant: "Colour: Navy, Size: M", sku: "HOOD-NVY-M", quantity: 2, unitPrice: 4500, lineTotal: 8100 },
        { name: "Ceramic Mug", variant: null, sku: "MUG-CER", quantity: 1, unitPrice: 1400, lineTotal: 1260 },
      ],
      subtotal: 10400,
      discountTotal: 1040,
      taxTotal: 749,
      shippingTotal: 750,
      total: 10859,
      taxesIncluded: false,
      customer: { name: "Grace Hopper", email: "grace@customer.example", phone: "(703) 555-0142" },
      shippingAddress: {
        name: "Grace Hopper",
        line1: "1701 Navy Yard Ave",
        line2: "Suite 4",
        city: "Arlington",
        region: "VA",
        postalCode: "22202",
        country: "US",
      },
      deliveryEstimate: null,
      statusUrl: null,
      locale: null,
      placedAt: new Date("2026-11-27T10:21:03Z"),
      paidAt: new Date("2026-11-27T10:21:09Z"),
    });
  });

  describe("in a server time zone other than UTC", () => {
    afterEach(() => vi.unstubAllEnvs());

    it("reads the zone-less *_gmt dates as UTC", async () => {
      vi.stubEnv("TZ", "America/New_York");
      const event = orderOf(await normalise(buildWooCommerceOrder()));
      expect(event.placedAt?.toISOString()).toBe("2026-11-27T10:21:03.000Z");
      expect(event.paidAt?.toISOString()).toBe("2026-11-27T10:21:09.000Z");
    });
  });

  it("balances: Σ(unit × qty) + shipping + tax − discounts = total", async () => {
    const event = orderOf(await normalise(buildWooCommerceOrder()));
    expect(balance(event)).toBe(event.total);
  });

  it("takes the unit price from the subtotal, not from Woo's after-coupon `price`", async () => {
    const event = orderOf(await normalise(buildWooCommerceOrder()));
    expect(event.items.map((item) => item.unitPrice)).toEqual([4500, 1400]);
  });

  it("turns a positive fee into a line and a negative one into a discount, keeping the balance", async () => {
    const order = buildWooCommerceOrder({
      fee_lines: [
        { id: 330, name: "Cash on delivery fee", total: "2.00", total_tax: "0.00" },
        { id: 331, name: "Loyalty credit", total: "-5.00", total_tax: "0.00" },
      ],
      total: "105.59",
    });
    const event = orderOf(await normalise(order));
    expect(event.items.at(-1)).toEqual({ name: "Cash on delivery fee", variant: null, sku: null, quantity: 1, unitPrice: 200, lineTotal: 200 });
    expect(event.discountTotal).toBe(1540);
    expect(balance(event)).toBe(event.total);
  });

  it("has no shipping address for a virtual order, whose shipping fields are all blank", async () => {
    const blank = { first_name: "", last_name: "", company: "", address_1: "", address_2: "", city: "", state: "", postcode: "", country: "", phone: "" };
    expect(orderOf(await normalise(buildWooCommerceOrder({ shipping: blank }))).shippingAddress).toBeNull();
  });

  it("skips hidden meta and meta without text when building the variant", async () => {
    const order = buildWooCommerceOrder();
    order.line_items[0]!.meta_data = [
      { id: 1, key: "_reduced_stock", value: "2", display_key: "_reduced_stock", display_value: "2" },
      { id: 2, key: "gift_options", value: { wrap: true }, display_key: "Gift options", display_value: { wrap: true } },
      { id: 3, key: "Engraving", value: "<p>A.L.</p>", display_key: "Engraving", display_value: "<p>A.L.</p>" },
    ];
    expect(orderOf(await normalise(order)).items[0]!.variant).toBe("Engraving: A.L.");
  });

  it("uses the shipping name and phone when billing lacks them", async () => {
    const order = buildWooCommerceOrder({
      billing: { first_name: "", last_name: "", email: "grace@customer.example", phone: "" },
      shipping: { first_name: "Grace", last_name: "Hopper", phone: "+1 703 555 0199", country: "us" },
    });
    const event = orderOf(await normalise(order));
    expect(event.customer).toEqual({ name: "Grace Hopper", email: "grace@customer.example", phone: "+1 703 555 0199" });
    expect(event.shippingAddress).toEqual({ name: "Grace Hopper", country: "US", phone: "+1 703 555 0199" });
  });
});

describe("WooCommerce statuses and topics", () => {
  it.each([
    ["processing", "order_paid", "paid"],
    ["completed", "order_paid", "paid"],
    ["pending", null, "pending"],
    ["on-hold", null, "pending"],
    ["failed", null, "pending"],
    ["cancelled", "order_cancelled", "cancelled"],
    ["refunded", "order_refunded", "refunded"],
  ] as const)("status %s ⇒ trigger %s, payment %s", async (status, trigger, paymentStatus) => {
    for (const topic of ["order.created", "order.updated"]) {
      const result = await normalise(buildWooCommerceOrder({ status }), topic);
      expect(result).toMatchObject({ kind: "order", trigger, event: { paymentStatus, total: 10859 } });
    }
  });

  it("has no paidAt while the order waits for payment", async () => {
    const result = await normalise(buildWooCommercePendingOrder(), "order.created");
    expect(result).toMatchObject({ kind: "order", trigger: null, event: { paymentStatus: "pending", paidAt: null } });
  });

  it("ignores drafts and statuses added by plugins, naming the status", async () => {
    expect(await normalise(buildWooCommerceOrder({ status: "checkout-draft" }))).toEqual({ kind: "ignored", reason: 'Order 727 has status "checkout-draft", which Orderbell does not act on.' });
    expect(await normalise(buildWooCommerceOrder({ status: "constructor" }))).toMatchObject({ kind: "ignored" });
  });

  it("ignores other topics and a missing topic, saying why", async () => {
    expect(await normalise({ id: 93, name: "Merino Hoodie" }, "product.updated")).toEqual({ kind: "ignored", reason: expect.stringContaining('"product.updated" is not one Orderbell acts on') });
    expect(await normalise({ action: "woocommerce_order_status_completed", arg: 727 }, "action.woocommerce_order_status_completed")).toMatchObject({ kind: "ignored" });
    expect(await normalise(buildWooCommerceOrder(), null)).toEqual({ kind: "ignored", reason: expect.stringContaining("no X-WC-Webhook-Topic header") });
  });
});

describe("WooCommerce invalid payloads", () => {
  async function reasonFor(payload: unknown, topic = "order.updated"): Promise<string> {
    const result = await woocommerceSource.normalise(payload, context(topic));
    if (result.kind !== "invalid") throw new Error(`expected invalid, got ${result.kind}`);
    return result.reason;
  }
  const parsedOrder = () => parseJsonLossless(woocommerceJson(buildWooCommerceOrder())) as Record<string, unknown> & { line_items: Array<Record<string, unknown>> };

  it("names the field and the expected type", async () => {
    const order = parsedOrder();
    order.line_items[1]!.quantity = "1";
    expect(await reasonFor(order)).toBe("line_items[1].quantity: expected a number, got a string");
  });

  it("names missing fields", async () => {
    const { id: _id, ...order } = parsedOrder();
    expect(await reasonFor(order)).toBe("id is missing");
    const withoutSubtotal = parsedOrder();
    delete withoutSubtotal.line_items[0]!.subtotal;
    expect(await reasonFor(withoutSubtotal)).toBe("line_items[0].subtotal is missing");
  });

  it("refuses amounts that are not decimals, bad dates and currencies that are not ISO codes", async () => {
    const order = parsedOrder();
    order.total = "108,59";
    order.date_created_gmt = "yesterday";
    order.currency = "$";
    expect(await reasonFor(order)).toBe(
      'currency: expected a three-letter ISO currency code such as USD; total: expected a decimal amount such as "19.99"; date_created_gmt: expected a date-time such as 2024-05-14T10:21:03',
    );
  });

  it("refuses the id-only body of order.deleted sent on an order topic", async () => {
    expect(await reasonFor({ id: 727 })).toBe("status is missing; currency is missing; total is missing (and 1 more)");
  });

  it("validate gives the same reason before the request is answered, and null for what normalise accepts or ignores", () => {
    const order = parsedOrder();
    order.line_items[1]!.quantity = "1";
    expect(woocommerceSource.validate!(order, "order.created")).toBe("line_items[1].quantity: expected a number, got a string");
    expect(woocommerceSource.validate!(parsedOrder(), "order.updated")).toBeNull();
    expect(woocommerceSource.validate!({ ...parsedOrder(), status: "checkout-draft" }, "order.updated")).toBeNull();
    expect(woocommerceSource.validate!({ id: 93 }, "product.deleted")).toBeNull();
  });

  it("refuses a body that is not an object", async () => {
    expect(await reasonFor("webhook_id=14")).toBe("the payload: expected an object, got a string");
  });
});
