import { afterEach, describe, expect, it } from "vitest";
import { buildStripeLineItems, startFakeStripeApi, TEST_STRIPE_API_KEY, type FakeApiServer } from "./fixtures";

/* The fake must hold callers to Stripe's contract, or integration tests built on it prove nothing. */

let fake: FakeApiServer;
afterEach(() => fake.close());

async function start() {
  fake = await startFakeStripeApi({ apiKey: TEST_STRIPE_API_KEY, lineItems: { cs_test_1: buildStripeLineItems() } });
  return fake;
}

async function get(path: string, headers: Record<string, string> = { authorization: `Bearer ${TEST_STRIPE_API_KEY}` }, method = "GET") {
  const response = await fetch(`${fake.url}${path}`, { method, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("fake Stripe API", () => {
  it("lists line items in Stripe's list shape, 10 per page by default", async () => {
    await start();
    const { status, body } = await get("/v1/checkout/sessions/cs_test_1/line_items?limit=1");
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: "list", has_more: true, url: "/v1/checkout/sessions/cs_test_1/line_items", data: [{ id: "li_1SfA2bC3dE4fG5hI6jK7lM8n", object: "item" }] });
    expect((await get("/v1/checkout/sessions/cs_test_1/line_items")).body).toMatchObject({ has_more: false, data: [{}, {}] });
  });

  it("answers 401 without a key or with a wrong key, masking it", async () => {
    await start();
    expect(await get("/v1/checkout/sessions/cs_test_1/line_items", {})).toMatchObject({ status: 401, body: { error: { type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") } } });
    const wrong = await get("/v1/checkout/sessions/cs_test_1/line_items", { authorization: "Bearer sk_test_wrongkey9876" });
    expect(wrong).toMatchObject({ status: 401, body: { error: { message: "Invalid API Key provided: sk_test_********9876" } } });
  });

  it("answers 404 for an unknown session, another path or another method", async () => {
    await start();
    expect(await get("/v1/checkout/sessions/cs_nope/line_items")).toMatchObject({ status: 404, body: { error: { code: "resource_missing" } } });
    expect(await get("/v1/checkout/sessions/cs_test_1")).toMatchObject({ status: 404, body: { error: { message: expect.stringContaining("Unrecognized request URL (GET") } } });
    expect(await get("/v1/checkout/sessions/cs_test_1/line_items", undefined, "POST")).toMatchObject({ status: 404 });
  });

  it("answers 400 for a limit above 100", async () => {
    await start();
    expect(await get("/v1/checkout/sessions/cs_test_1/line_items?limit=101")).toMatchObject({ status: 400, body: { error: { code: "parameter_invalid_integer", param: "limit" } } });
  });

  it("records every request", async () => {
    await start();
    await get("/v1/checkout/sessions/cs_test_1/line_items?limit=100&starting_after=li_1SfA2bC3dE4fG5hI6jK7lM8n");
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: "GET", path: "/v1/checkout/sessions/cs_test_1/line_items", query: { limit: "100", starting_after: "li_1SfA2bC3dE4fG5hI6jK7lM8n" } }),
    ]);
  });
});
