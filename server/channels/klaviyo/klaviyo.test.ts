import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeKlaviyo, type FakeKlaviyo } from "./fake";
import { klaviyoProvider } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { privateKey: "pk_live_0123456789abcdef" };

let fake: FakeKlaviyo | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(scenario?: Parameters<typeof startFakeKlaviyo>[0]["scenario"]) {
  fake = await startFakeKlaviyo({ privateKey: credentials.privateKey, scenario });
  return fake;
}

describe("Klaviyo provider", () => {
  it("records a Placed Order event (202, no id) with the JSON:API headers and the order in major units", async () => {
    const server = await start();
    const result = await sendWith(klaviyoProvider, { baseUrl: server.url, credentials, config: {} });
    expect(result).toEqual({ ok: true, providerMessageId: null, httpStatus: 202 });

    const [request] = server.requests;
    expect(request?.path).toBe("/api/events");
    expect(request?.headers.authorization).toBe("Klaviyo-API-Key pk_live_0123456789abcdef");
    expect(request?.headers.revision).toBe("2026-07-15");
    expect(request?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(request?.headers.accept).toBe("application/vnd.api+json");
    expect(JSON.parse(request?.text ?? "")).toEqual({
      data: {
        type: "event",
        attributes: {
          properties: {
            OrderId: "0d9c8f3e-0000-4000-8000-000000000001",
            OrderNumber: "#1001",
            Items: [
              { ProductName: "Trail Runner 2", Variant: "42 / Blue", SKU: "TR2-42-BL", Quantity: 1, ItemPrice: 129, RowTotal: 129 },
              { ProductName: "Merino Socks", Variant: "M", SKU: "MS-M", Quantity: 2, ItemPrice: 14.5, RowTotal: 29 },
            ],
            ItemNames: ["Trail Runner 2", "Merino Socks"],
            Subtotal: 158,
            Tax: 11.38,
            Shipping: 4.99,
            Discount: 15.8,
            ReceiptURL: "https://orders.shop.example/r/abc",
            DeliveryEstimate: "Dec 3, 2026",
          },
          metric: { data: { type: "metric", attributes: { name: "Placed Order" } } },
          profile: { data: { type: "profile", attributes: { email: "ada@customer.example", phone_number: "+14155550132", first_name: "Ada", last_name: "Lovelace" } } },
          value: 158.57,
          value_currency: "USD",
          unique_id: sampleMessage().idempotencyKey,
          time: "2026-11-27T10:00:00.000Z",
        },
      },
    });
  });

  it("converts with the currency's decimals, honours metric and revision overrides, and leaves out a non-E.164 phone", async () => {
    const server = await start();
    const order = { ...sampleMessage().order, currency: "JPY", total: 15857, customer: { name: "Ada", email: "ada@customer.example", phone: "0415 555 0132" } };
    const result = await sendWith(klaviyoProvider, { baseUrl: server.url, credentials, config: { metricName: "Orderbell Order Confirmed", revision: "2026-01-15" }, message: { order } });
    expect(result).toMatchObject({ ok: true });
    const event = server.events[0] as { value: number; metric: { data: { attributes: { name: string } } }; profile: { data: { attributes: Record<string, string> } } };
    expect(event.value).toBe(15857);
    expect(event.metric.data.attributes.name).toBe("Orderbell Order Confirmed");
    expect(event.profile.data.attributes).toEqual({ email: "ada@customer.example", first_name: "Ada" });
    expect(server.requests[0]?.headers.revision).toBe("2026-01-15");
  });

  it("treats a wrong key (401) and a key without the events scope (403) as permanent, without the key", async () => {
    const server = await start();
    const result = await sendWith(klaviyoProvider, { baseUrl: server.url, credentials: { privateKey: "pk_wrong_key" }, config: {} });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: "HTTP 401: not_authenticated: Missing or invalid private key." });
    expect(JSON.stringify(result)).not.toContain("pk_wrong_key");
    await server.close();
    const noScope = await start("no-scope");
    expect(await sendWith(klaviyoProvider, { baseUrl: noScope.url, credentials, config: {} })).toMatchObject({ ok: false, retryable: false, httpStatus: 403, error: expect.stringContaining("permission_denied") });
  });

  it("retries when throttled, reading Retry-After", async () => {
    const server = await start("throttled");
    expect(await sendWith(klaviyoProvider, { baseUrl: server.url, credentials, config: {} })).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 7000, error: expect.stringContaining("throttled") });
  });

  it("treats an invalid email as permanent, naming the field", async () => {
    const server = await start();
    const result = await sendWith(klaviyoProvider, { baseUrl: server.url, credentials, config: {}, message: { to: "not-an-email" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "HTTP 400: invalid: Invalid email address (/data/attributes/profile/data/attributes/email)" });
  });

  it("retries server errors and unreachable hosts", async () => {
    const server = await start("server-error");
    expect(await sendWith(klaviyoProvider, { baseUrl: server.url, credentials, config: {} })).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await sendWith(klaviyoProvider, { baseUrl: await refusedUrl(), credentials, config: {} })).toMatchObject({ ok: false, retryable: true });
  });
});

describeRequestPathClassification(klaviyoProvider, { credentials, config: {} });
