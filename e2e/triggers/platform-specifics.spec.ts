import { randomUUID } from "node:crypto";
import { buildShopifyOrder, buildShopifyRefund, shopifyJson, signShopifyRequest } from "../../server/sources/shopify/fixtures";
import { buildSquareLineItem, buildSquareOrder, buildPaymentUpdatedEvent, buildSquarePayment, signSquareRequest, startFakeSquareApi } from "../../server/sources/square/fixtures";
import { buildCheckoutSession, buildCheckoutSessionCompletedEvent, buildStripeLineItem, signStripeRequest, startFakeStripeApi } from "../../server/sources/stripe/fixtures";
import { woocommercePingRequest } from "../../server/sources/woocommerce/fixtures";
import { AdminApi, type CreatedSource, inboundEventsOf, waitForOrder } from "../support/admin-api";
import { expect, test } from "../fixtures";
import { shopifySecret, squareKey, stripeSecret, wooSecret } from "./platform-cases";

const pathOf = (source: CreatedSource) => new URL(source.source.triggerUrl).pathname;

test.describe("platform specifics over HTTP", () => {
  let api: AdminApi;
  test.beforeAll(async () => {
    api = await AdminApi.signIn();
  });
  test.afterAll(async () => api.dispose());

  test("Stripe: a stale timestamp is refused; line items come from Stripe's API with the source's key", async ({ request }) => {
    const lineItems: Record<string, Array<Record<string, unknown>>> = {};
    const fake = await startFakeStripeApi({ apiKey: "rk_test_e2e_key", lineItems });
    try {
      const source = await api.mutate<CreatedSource>("sources.create", {
        kind: "stripe",
        name: `Stripe ${Date.now()}`,
        secrets: { signingSecret: stripeSecret, apiKey: "rk_test_e2e_key" },
        config: { apiBaseUrl: fake.url },
      });
      const suffix = randomUUID().replace(/-/g, "").slice(0, 16);
      const sessionId = `cs_test_${suffix}`;
      lineItems[sessionId] = [buildStripeLineItem()];
      const { line_items: _notExpanded, ...session } = buildCheckoutSession({ id: sessionId, payment_intent: `pi_${suffix}` }) as Record<string, unknown>;
      const body = JSON.stringify(buildCheckoutSessionCompletedEvent(session, { id: `evt_${suffix}` }));

      const stale = await request.post(pathOf(source), { data: Buffer.from(body), headers: signStripeRequest(body, stripeSecret, { at: new Date(Date.now() - 301_000) }) });
      expect(stale.status()).toBe(401);
      const [refused] = await inboundEventsOf(api, source.source.id);
      expect(refused?.reason).toMatch(/tolerance/i);

      const accepted = await request.post(pathOf(source), { data: Buffer.from(body), headers: signStripeRequest(body, stripeSecret) });
      expect(accepted.status()).toBe(200);
      const { items } = await waitForOrder(api, `pi_${suffix}`);
      expect(fake.requests.some((call) => call.path === `/v1/checkout/sessions/${sessionId}/line_items` && call.headers.authorization === "Bearer rk_test_e2e_key")).toBe(true);
      expect(items.map((item) => item.name)).toContain(String(buildStripeLineItem().description));
    } finally {
      await fake.close();
    }
  });

  test("Square: the order's line items are looked up with the access token", async ({ request }) => {
    const orders: Record<string, Record<string, unknown>> = {};
    const fake = await startFakeSquareApi({ accessToken: "EAAA-e2e-token", orders });
    try {
      const source = await api.mutate<CreatedSource>("sources.create", {
        kind: "square",
        name: `Square ${Date.now()}`,
        secrets: { signatureKey: squareKey, accessToken: "EAAA-e2e-token" },
        config: { apiBaseUrl: fake.url },
      });
      const suffix = randomUUID().replace(/-/g, "").slice(0, 20);
      const orderId = `ord${suffix}`;
      const squareOrder = buildSquareOrder({ id: orderId, line_items: [buildSquareLineItem({ name: "Oat latte", quantity: "2" })] });
      orders[orderId] = squareOrder; // the fake answers GET /v2/orders/{id} from this map
      const totals = squareOrder as { total_money: { amount: number } };
      const payment = buildSquarePayment({ id: `pay${suffix}`, order_id: orderId, amount_money: { amount: totals.total_money.amount, currency: "USD" }, total_money: { amount: totals.total_money.amount, currency: "USD" } });
      const body = JSON.stringify(buildPaymentUpdatedEvent(payment, { event_id: randomUUID() }));
      const response = await request.post(pathOf(source), { data: Buffer.from(body), headers: signSquareRequest(body, squareKey, source.source.triggerUrl, { scheme: "hmacsha256" }) });
      expect(response.status()).toBe(200);
      const { order } = await waitForOrder(api, orderId);
      expect(order.externalId).toBe(orderId);
      expect(fake.requests.some((call) => call.path === `/v2/orders/${orderId}` && call.headers["square-version"] === "2025-08-20")).toBe(true);
    } finally {
      await fake.close();
    }
  });

  test("WooCommerce: the unsigned ping sent on save is answered 200 and creates nothing", async ({ request }) => {
    const source = await api.mutate<CreatedSource>("sources.create", { kind: "woocommerce", name: `Woo ${Date.now()}`, secrets: { webhookSecret: wooSecret } });
    const ping = woocommercePingRequest(21);
    const response = await request.post(pathOf(source), { data: Buffer.from(ping.body), headers: ping.headers });
    expect(response.status()).toBe(200);
    const [event] = await inboundEventsOf(api, source.source.id);
    expect(event).toMatchObject({ outcome: "ignored", orderId: null });
  });

  test("Shopify: a refund marks the order refunded and leaves nothing waiting to be sent", async ({ request }) => {
    const source = await api.mutate<CreatedSource>("sources.create", { kind: "shopify", name: `Shopify ${Date.now()}`, secrets: { clientSecret: shopifySecret } });
    const id = 820982911946154508n + BigInt(Date.now() % 1_000_000) * 7n;
    const orderBody = shopifyJson(buildShopifyOrder({ id } as never));
    expect((await request.post(pathOf(source), { data: Buffer.from(orderBody), headers: signShopifyRequest(orderBody, shopifySecret, { topic: "orders/paid" }) })).status()).toBe(200);
    await waitForOrder(api, id.toString());
    const refundBody = shopifyJson(buildShopifyRefund({ order_id: id }));
    expect((await request.post(pathOf(source), { data: Buffer.from(refundBody), headers: signShopifyRequest(refundBody, shopifySecret, { topic: "refunds/create" }) })).status()).toBe(200);
    await expect.poll(async () => (await waitForOrder(api, id.toString())).order.status).toBe("refunded");
    // The confirmation may already have gone out (dispatch is immediate); whatever had not is cancelled.
    await expect
      .poll(async () => (await waitForOrder(api, id.toString())).notifications.map((notification) => notification.status).filter((status) => status === "pending" || status === "sending"))
      .toEqual([]);
    const { notifications } = await waitForOrder(api, id.toString());
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((notification) => ["sent", "delivered", "cancelled"].includes(notification.status))).toBe(true);
  });
});
