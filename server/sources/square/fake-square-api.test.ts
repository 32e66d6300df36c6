import { afterEach, describe, expect, it } from "vitest";
import { buildSquareOrder, startFakeSquareApi, TEST_SQUARE_ACCESS_TOKEN, TEST_SQUARE_ORDER_ID, type FakeApiServer } from "./fixtures";

/* The fake must hold callers to Square's contract, or integration tests built on it prove nothing. */

let fake: FakeApiServer;
afterEach(() => fake.close());

const goodHeaders = { authorization: `Bearer ${TEST_SQUARE_ACCESS_TOKEN}`, "square-version": "2025-08-20" };

async function call(path: string, headers: Record<string, string> = goodHeaders, method = "GET") {
  const response = await fetch(`${fake.url}${path}`, { method, headers });
  return { status: response.status, version: response.headers.get("square-version"), body: (await response.json()) as Record<string, unknown> };
}

describe("fake Square API", () => {
  it("returns the order under `order`", async () => {
    fake = await startFakeSquareApi({ accessToken: TEST_SQUARE_ACCESS_TOKEN, orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder() } });
    expect(await call(`/v2/orders/${TEST_SQUARE_ORDER_ID}`)).toMatchObject({ status: 200, version: "2025-08-20", body: { order: { id: TEST_SQUARE_ORDER_ID, line_items: [{ quantity: "2" }, { quantity: "1" }] } } });
  });

  it("answers 401 without or with a wrong token", async () => {
    fake = await startFakeSquareApi({ accessToken: TEST_SQUARE_ACCESS_TOKEN });
    const missing = await call(`/v2/orders/${TEST_SQUARE_ORDER_ID}`, { "square-version": "2025-08-20" });
    expect(missing).toMatchObject({ status: 401, body: { errors: [{ category: "AUTHENTICATION_ERROR", code: "UNAUTHORIZED" }] } });
    const wrong = await call(`/v2/orders/${TEST_SQUARE_ORDER_ID}`, { ...goodHeaders, authorization: "Bearer EAAAwrong" });
    expect(wrong).toMatchObject({ status: 401, body: { errors: [{ detail: "This request could not be authorized." }] } });
  });

  it("answers 400 without the Square-Version Orderbell is written against", async () => {
    fake = await startFakeSquareApi({ accessToken: TEST_SQUARE_ACCESS_TOKEN });
    const result = await call(`/v2/orders/${TEST_SQUARE_ORDER_ID}`, { authorization: goodHeaders.authorization });
    expect(result).toMatchObject({ status: 400, body: { errors: [{ category: "INVALID_REQUEST_ERROR", field: "Square-Version" }] } });
  });

  it("answers 404 for an unknown order, another path or another method", async () => {
    fake = await startFakeSquareApi({ accessToken: TEST_SQUARE_ACCESS_TOKEN, orders: { [TEST_SQUARE_ORDER_ID]: buildSquareOrder() } });
    expect(await call("/v2/orders/nope")).toMatchObject({ status: 404, body: { errors: [{ code: "NOT_FOUND", field: "order_id" }] } });
    expect(await call("/v2/payments/abc")).toMatchObject({ status: 404, body: { errors: [{ detail: "API Not Found" }] } });
    expect(await call(`/v2/orders/${TEST_SQUARE_ORDER_ID}`, goodHeaders, "DELETE")).toMatchObject({ status: 404 });
    expect(fake.requests.map((request) => request.method)).toEqual(["GET", "GET", "DELETE"]);
  });
});
