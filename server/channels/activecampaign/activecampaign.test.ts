import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { accountApiUrl } from "./activecampaign-api";
import { startFakeActiveCampaign, type FakeActiveCampaign } from "./fake";
import { activecampaignProvider } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { apiToken: "ac-api-key-0f1e2d3c" };
const config = { account: "acme", connectionId: "3" };

let fake: FakeActiveCampaign | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(scenario?: Parameters<typeof startFakeActiveCampaign>[0]["scenario"]) {
  fake = await startFakeActiveCampaign({ apiToken: credentials.apiToken, connectionId: "3", scenario });
  return fake;
}

describe("ActiveCampaign provider", () => {
  it("syncs the contact, creates the e-commerce customer, records the real-time order and returns its id", async () => {
    const server = await start();
    const result = await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config });
    expect(result).toEqual({ ok: true, providerMessageId: "1", httpStatus: 201 });

    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /api/3/contact/sync",
      "GET /api/3/ecomCustomers",
      "POST /api/3/ecomCustomers",
      "POST /api/3/ecomOrders",
    ]);
    for (const request of server.requests) expect(request.headers["api-token"]).toBe(credentials.apiToken);
    expect(JSON.parse(server.requests[0]?.text ?? "")).toEqual({ contact: { email: "ada@customer.example", firstName: "Ada", lastName: "Lovelace", phone: "+14155550132" } });
    expect(Object.fromEntries(server.requests[1]?.query ?? [])).toEqual({ "filters[email]": "ada@customer.example", "filters[connectionid]": "3" });
    expect(JSON.parse(server.requests[2]?.text ?? "")).toEqual({ ecomCustomer: { connectionid: "3", externalid: "ada@customer.example", email: "ada@customer.example" } });
    expect(JSON.parse(server.requests[3]?.text ?? "")).toEqual({
      ecomOrder: {
        externalid: "0d9c8f3e-0000-4000-8000-000000000001",
        source: "1",
        email: "ada@customer.example",
        orderProducts: [
          { externalid: "TR2-42-BL", name: "Trail Runner 2 (42 / Blue)", price: 12900, quantity: 1, sku: "TR2-42-BL" },
          { externalid: "MS-M", name: "Merino Socks (M)", price: 1450, quantity: 2, sku: "MS-M" },
        ],
        orderUrl: "https://orders.shop.example/r/abc",
        externalCreatedDate: "2026-11-27T10:00:00.000Z",
        totalPrice: 15857,
        shippingAmount: 499,
        taxAmount: 1138,
        discountAmount: 1580,
        currency: "USD",
        orderNumber: "#1001",
        connectionid: 3,
        customerid: 1,
      },
    });
  });

  it("reuses the existing e-commerce customer and treats a duplicate order externalid as already recorded", async () => {
    const server = await start();
    await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config });
    const retried = await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config });
    expect(retried).toEqual({ ok: true, providerMessageId: null, httpStatus: 422 });
    expect(server.customers).toHaveLength(1);
    expect(server.orders).toHaveLength(1);
    expect(server.requests.filter((request) => request.method === "POST" && request.path === "/api/3/ecomCustomers")).toHaveLength(1);
  });

  it("treats a bad API key (403) and a billing problem (402) as permanent, without the key", async () => {
    const server = await start();
    const result = await sendWith(activecampaignProvider, { baseUrl: server.url, credentials: { apiToken: "wrong-key" }, config });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 403, error: "HTTP 403: No Result found for Account with credentials given" });
    expect(JSON.stringify(result)).not.toContain("wrong-key");
    await server.close();
    const billing = await start("billing");
    expect(await sendWith(activecampaignProvider, { baseUrl: billing.url, credentials, config })).toMatchObject({ ok: false, retryable: false, httpStatus: 402 });
  });

  it("retries when throttled, reading Retry-After", async () => {
    const server = await start("throttled");
    expect(await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 2000 });
  });

  it("treats an invalid email (422) and an unknown connection as permanent", async () => {
    const server = await start();
    const badEmail = await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config, message: { to: "not-an-email" } });
    expect(badEmail).toMatchObject({ ok: false, retryable: false, httpStatus: 422, error: "HTTP 422: email_invalid: Contact Email Address is not valid. (/data/attributes/email)" });
    const badConnection = await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config: { ...config, connectionId: "99" } });
    expect(badConnection).toMatchObject({ ok: false, retryable: false, httpStatus: 422, error: expect.stringContaining("related_missing") });
  });

  it("retries server errors and unreachable hosts", async () => {
    const server = await start("server-error");
    expect(await sendWith(activecampaignProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await sendWith(activecampaignProvider, { baseUrl: await refusedUrl(), credentials, config })).toMatchObject({ ok: false, retryable: true });
  });

  it("builds the account's API URL when the channel has no override", async () => {
    const urls: string[] = [];
    const stub: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ contact: { id: "1" }, ecomCustomers: [{ id: "7" }], ecomOrder: { id: "9" } }), { status: 201 });
    };
    const context = createSendContext({ baseUrl: activecampaignProvider.defaultBaseUrl, timeoutMs: 1000, fetch: stub });
    expect(await activecampaignProvider.send(sampleMessage(), credentials, config, context)).toMatchObject({ ok: true, providerMessageId: "9" });
    expect(urls[0]).toBe("https://acme.api-us1.com/api/3/contact/sync");
    expect(accountApiUrl("https://acme.api-us1.com/api/3/")).toBe("https://acme.api-us1.com");
    expect(accountApiUrl("acme.api-us1.com")).toBe("https://acme.api-us1.com");
    expect(accountApiUrl("not valid!")).toBeNull();
  });
});

describeRequestPathClassification(activecampaignProvider, { credentials, config });
