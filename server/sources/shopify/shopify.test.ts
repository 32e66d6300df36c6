import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "../parse-json";
import type { TriggerRequest } from "../source-adapter";
import { buildShopifyOrder, shopifyJson, signShopifyRequest } from "./fixtures";
import { shopifySource } from "./index";

const secret = "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";
const secrets = { clientSecret: secret };

function request(body: string, headers: Record<string, string>): TriggerRequest {
  return { url: "https://orderbell.example/api/triggers/src", headers: new Headers(headers), body: Buffer.from(body), receivedAt: new Date() };
}

describe("Shopify verify", () => {
  const body = shopifyJson(buildShopifyOrder());

  it("accepts the raw body signed with the client secret, in either header form", () => {
    expect(shopifySource.verify(request(body, signShopifyRequest(body, secret)), secrets, {})).toEqual({ ok: true });
    expect(shopifySource.verify(request(body, signShopifyRequest(body, secret, { style: "events" })), secrets, {})).toEqual({ ok: true });
  });

  it("refuses a signature made with another secret", () => {
    const result = shopifySource.verify(request(body, signShopifyRequest(body, "shpss_someone_elses_secret")), secrets, {});
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/signature does not match/) });
  });

  it("refuses a body changed after signing, even by one byte", () => {
    const headers = signShopifyRequest(body, secret);
    const result = shopifySource.verify(request(body.replace('"72.53"', '"0.01"'), headers), secrets, {});
    expect(result.ok).toBe(false);
  });

  it("checks the bytes, not the JSON: the same order re-serialised with other spacing fails", () => {
    const headers = signShopifyRequest(body, secret);
    const respaced = JSON.stringify(parseJsonLossless(body), null, 2);
    expect(shopifySource.verify(request(respaced, headers), secrets, {}).ok).toBe(false);
  });

  it("refuses a request without the signature header", () => {
    const { "x-shopify-hmac-sha256": _removed, ...headers } = signShopifyRequest(body, secret);
    expect(shopifySource.verify(request(body, headers), secrets, {})).toEqual({ ok: false, reason: expect.stringMatching(/no X-Shopify-Hmac-Sha256 header/) });
  });

  it("refuses everything when no secret is saved, rather than comparing against an empty key", () => {
    const headers = signShopifyRequest(body, "");
    expect(shopifySource.verify(request(body, headers), { clientSecret: "" }, {})).toEqual({ ok: false, reason: expect.stringMatching(/No Shopify client secret/) });
  });
});

describe("Shopify identify", () => {
  const body = shopifyJson(buildShopifyOrder());

  it("reads the topic and the event id, qualified by the topic", () => {
    const headers = signShopifyRequest(body, secret, { topic: "orders/paid", eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5", webhookId: "b54557e4" });
    expect(shopifySource.identify(request(body, headers), {})).toEqual({ eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5:orders/paid", topic: "orders/paid" });
  });

  it("keeps one merchant action's deliveries on different topics apart, and a retry of one together", () => {
    const eventId = "5f1c8a0e-0b7e-4a55-9d7e-3c1e2f9a6b41";
    const cancelled = shopifySource.identify(request(body, signShopifyRequest(body, secret, { topic: "orders/cancelled", eventId })), {});
    const refund = shopifySource.identify(request(body, signShopifyRequest(body, secret, { topic: "refunds/create", eventId })), {});
    const retry = shopifySource.identify(request(body, signShopifyRequest(body, secret, { topic: "refunds/create", eventId })), {});
    expect(cancelled.eventId).not.toBe(refund.eventId);
    expect(retry.eventId).toBe(refund.eventId);
  });

  it("falls back to the webhook id when there is no event id", () => {
    const headers = signShopifyRequest(body, secret, { topic: "orders/create", eventId: null, webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043" });
    expect(shopifySource.identify(request(body, headers), {})).toEqual({ eventId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", topic: "orders/create" });
  });

  it("reads the unprefixed headers of Events deliveries", () => {
    const headers = signShopifyRequest(body, secret, { style: "events", topic: "orders/paid", eventId: "evt-1" });
    expect(Object.keys(headers).some((name) => name.startsWith("x-shopify-"))).toBe(false);
    expect(shopifySource.identify(request(body, headers), {})).toEqual({ eventId: "evt-1:orders/paid", topic: "orders/paid" });
  });
});

describe("Shopify settings and fixtures", () => {
  it("trims the pasted secret and requires one", () => {
    expect(shopifySource.secretsSchema.parse({ clientSecret: `  ${secret}\n` })).toEqual({ clientSecret: secret });
    const missing = shopifySource.secretsSchema.safeParse({ clientSecret: "   " });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toMatch(/Paste the client secret/);
  });

  it("accepts an optional http(s) apiBaseUrl and nothing else there", () => {
    expect(shopifySource.configSchema.parse({})).toEqual({});
    expect(shopifySource.configSchema.parse({ apiBaseUrl: "http://127.0.0.1:4010" })).toEqual({ apiBaseUrl: "http://127.0.0.1:4010" });
    expect(shopifySource.configSchema.safeParse({ apiBaseUrl: "not a url" }).success).toBe(false);
  });

  it("describes the secret field and never stores either signature header", () => {
    expect(shopifySource.secretFields.map((field) => [field.name, field.required])).toEqual([["clientSecret", true]]);
    expect(shopifySource.sensitiveHeaders).toEqual(["x-shopify-hmac-sha256", "shopify-hmac-sha256"]);
  });

  it("gives set-up steps naming the URL, the events and the JSON format, left for the dashboard to number", () => {
    const steps = shopifySource.setupSteps("https://orderbell.example/api/triggers/abc");
    const text = steps.join("\n");
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain("https://orderbell.example/api/triggers/abc");
    for (const expected of ["Settings → Notifications", "Order payment", "Order cancellation", "Refund create", "JSON", "orders/paid", "refunds/create"]) {
      expect(text).toContain(expected);
    }
    expect(steps.every((step) => !/^\d/.test(step))).toBe(true);
  });

  it("signs fixtures with every header Shopify sends", () => {
    const body = shopifyJson(buildShopifyOrder());
    const headers = signShopifyRequest(body, secret, { topic: "orders/paid" });
    expect(Object.keys(headers).sort()).toEqual(
      [
        "content-type",
        "user-agent",
        "x-shopify-api-version",
        "x-shopify-event-id",
        "x-shopify-hmac-sha256",
        "x-shopify-shop-domain",
        "x-shopify-topic",
        "x-shopify-triggered-at",
        "x-shopify-webhook-id",
      ].sort(),
    );
    expect(headers["x-shopify-hmac-sha256"]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(signShopifyRequest(body, secret)["x-shopify-webhook-id"]).not.toBe(headers["x-shopify-webhook-id"]);
  });
});
