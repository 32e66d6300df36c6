import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "../parse-json";
import type { TriggerRequest } from "../source-adapter";
import { buildWooCommerceOrder, signWooCommerceRequest, woocommerceJson, woocommercePingRequest } from "./fixtures";
import { woocommerceSource } from "./index";

const secret = "k]7N&q2@Zr!v9Xw#pL4^mT6*eB1%yH8(sD3)gF5_cJ0";
const secrets = { webhookSecret: secret };

function request(body: string, headers: Record<string, string>): TriggerRequest {
  return { url: "https://orderbell.example/api/triggers/src", headers: new Headers(headers), body: Buffer.from(body), receivedAt: new Date() };
}

describe("WooCommerce verify", () => {
  const body = woocommerceJson(buildWooCommerceOrder());

  it("accepts the raw body signed with the webhook secret", () => {
    expect(woocommerceSource.verify(request(body, signWooCommerceRequest(body, secret)), secrets, {})).toEqual({ ok: true });
  });

  it("refuses a signature made with another secret", () => {
    const result = woocommerceSource.verify(request(body, signWooCommerceRequest(body, "another-secret")), secrets, {});
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/X-WC-Webhook-Signature does not match/) });
  });

  it("checks the exact bytes: the same JSON without PHP's escaped slashes fails", () => {
    const headers = signWooCommerceRequest(body, secret);
    const unescaped = JSON.stringify(JSON.parse(body));
    expect(unescaped).not.toBe(body);
    expect(woocommerceSource.verify(request(unescaped, headers), secrets, {}).ok).toBe(false);
  });

  it("refuses a request without the signature header", () => {
    const { "x-wc-webhook-signature": _removed, ...headers } = signWooCommerceRequest(body, secret);
    expect(woocommerceSource.verify(request(body, headers), secrets, {})).toEqual({ ok: false, reason: expect.stringMatching(/no X-WC-Webhook-Signature header/) });
  });

  it("refuses everything when no secret is saved", () => {
    expect(woocommerceSource.verify(request(body, signWooCommerceRequest(body, "")), { webhookSecret: "" }, {})).toEqual({
      ok: false,
      reason: expect.stringMatching(/No WooCommerce webhook secret/),
    });
  });
});

describe("WooCommerce ping", () => {
  it("recognises the unsigned form body sent when a webhook is saved", () => {
    const ping = woocommercePingRequest(14);
    expect(ping.body).toBe("webhook_id=14");
    expect(woocommerceSource.isPing!(request(ping.body, ping.headers))).toBe(true);
  });

  it("takes nothing else for a ping: an order, a longer form, an empty body", () => {
    const order = woocommerceJson(buildWooCommerceOrder());
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(woocommerceSource.isPing!(request(order, signWooCommerceRequest(order, secret)))).toBe(false);
    expect(woocommerceSource.isPing!(request("webhook_id=14&status=active", form))).toBe(false);
    expect(woocommerceSource.isPing!(request("webhook_id=", form))).toBe(false);
    expect(woocommerceSource.isPing!(request("", form))).toBe(false);
    expect(woocommerceSource.isPing!(request('{"webhook_id":14}', { "content-type": "application/json" }))).toBe(false);
  });
});

describe("WooCommerce identify", () => {
  const body = woocommerceJson(buildWooCommerceOrder());

  it("reads the topic and an event id made from the delivery id", () => {
    const headers = signWooCommerceRequest(body, secret, { topic: "order.updated", deliveryId: "3f1b0c9a8e7d6c5b4a39281706f5e4d3" });
    const identity = woocommerceSource.identify(request(body, headers), parseJsonLossless(body));
    expect(identity.topic).toBe("order.updated");
    expect(identity.eventId).toMatch(/^3f1b0c9a8e7d6c5b4a39281706f5e4d3:[0-9a-f]{16}$/);
  });

  it("catches a replay of the same delivery, but not a different delivery that got the same id in the same second", () => {
    const deliveryId = "0f9e8d7c6b5a49382716f5e4d3c2b1a0";
    const other = woocommerceJson(buildWooCommerceOrder({ id: 728, number: "728" }));
    const first = woocommerceSource.identify(request(body, signWooCommerceRequest(body, secret, { deliveryId })), {});
    const replay = woocommerceSource.identify(request(body, signWooCommerceRequest(body, secret, { deliveryId })), {});
    const sameSecond = woocommerceSource.identify(request(other, signWooCommerceRequest(other, secret, { deliveryId })), {});
    expect(replay.eventId).toBe(first.eventId);
    expect(sameSecond.eventId).not.toBe(first.eventId);
  });

  it("has no event id without a delivery id", () => {
    expect(woocommerceSource.identify(request(body, { "x-wc-webhook-topic": "order.created" }), {})).toEqual({ eventId: null, topic: "order.created" });
  });
});

describe("WooCommerce settings and fixtures", () => {
  it("trims the pasted secret and requires one", () => {
    expect(woocommerceSource.secretsSchema.parse({ webhookSecret: ` ${secret}\n` })).toEqual({ webhookSecret: secret });
    const missing = woocommerceSource.secretsSchema.safeParse({});
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toMatch(/Paste the webhook's secret/);
  });

  it("accepts an optional http(s) apiBaseUrl and nothing else there", () => {
    expect(woocommerceSource.configSchema.parse({ apiBaseUrl: "https://shop.example" })).toEqual({ apiBaseUrl: "https://shop.example" });
    expect(woocommerceSource.configSchema.safeParse({ apiBaseUrl: "shop.example" }).success).toBe(false);
  });

  it("never stores the signature header and describes the secret field", () => {
    expect(woocommerceSource.sensitiveHeaders).toEqual(["x-wc-webhook-signature"]);
    expect(woocommerceSource.secretFields.map((field) => [field.name, field.required])).toEqual([["webhookSecret", true]]);
  });

  it("gives set-up steps naming the URL, the topics, the API version and the secret", () => {
    const text = woocommerceSource.setupSteps("https://orderbell.example/api/triggers/abc").join("\n");
    for (const expected of ["https://orderbell.example/api/triggers/abc", "WooCommerce → Settings → Advanced → Webhooks", "Order updated", "Order created", "v3", "Secret"]) {
      expect(text).toContain(expected);
    }
  });

  it("signs fixtures with every header WooCommerce sends, resource and event following the topic", () => {
    const body = woocommerceJson(buildWooCommerceOrder());
    const headers = signWooCommerceRequest(body, secret, { topic: "order.updated", webhookId: 3 });
    expect(headers).toEqual({
      "content-type": "application/json",
      "user-agent": "WooCommerce/8.9.1 Hookshot (WordPress/6.5.2)",
      "x-wc-webhook-source": "https://shop.orderbell.example/",
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-resource": "order",
      "x-wc-webhook-event": "updated",
      "x-wc-webhook-signature": expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      "x-wc-webhook-id": "3",
      "x-wc-webhook-delivery-id": expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it("writes bodies as PHP does, and they parse back to the same order", () => {
    const order = buildWooCommerceOrder();
    const body = woocommerceJson(order);
    expect(body).toContain("https:\\/\\/shop.orderbell.example\\/");
    expect(body).toContain("side door \\u2014 thank you");
    expect(JSON.parse(body)).toEqual(order);
  });
});
