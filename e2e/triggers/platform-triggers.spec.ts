import { AdminApi, type CreatedSource, inboundEventsOf, waitForOrder } from "../support/admin-api";
import { expect, test } from "../fixtures";
import { platformCases } from "./platform-cases";

/** Each platform's trigger over real HTTP: payloads with its real field names, signed as it signs them. */
for (const platform of platformCases) {
  test.describe(`${platform.kind} trigger URL`, () => {
    let api: AdminApi;
    let created: CreatedSource;
    const path = () => new URL(created.source.triggerUrl).pathname;
    const post = (request: import("@playwright/test").APIRequestContext, body: string, headers: Record<string, string>) =>
      request.post(path(), { data: Buffer.from(body), headers });

    test.beforeAll(async () => {
      api = await AdminApi.signIn();
      created = await api.mutate<CreatedSource>("sources.create", { kind: platform.kind, name: `${platform.kind} ${Date.now()}`, secrets: platform.secrets });
    });
    test.afterAll(async () => api.dispose());

    test("accepts a signed paid order; a repeated delivery is a duplicate", async ({ request }) => {
      const { body, externalId } = platform.paid();
      const headers = platform.sign(body, created.source.triggerUrl);
      const first = await post(request, body, headers);
      expect(first.status()).toBe(200);
      expect(await first.json()).toMatchObject({ status: "received" });
      const { order, items, notifications } = await waitForOrder(api, externalId);
      expect(order.externalId).toBe(externalId);
      expect(order.status).toBe("paid");
      expect(order.flags).toEqual([]);
      expect(items.length).toBeGreaterThan(0);
      expect(notifications.length).toBeGreaterThan(0);

      const again = await post(request, body, headers);
      expect(again.status()).toBe(200);
      expect(await again.json()).toMatchObject({ status: "duplicate" });
      const page = await api.query<{ total: number }>("orders.list", { search: externalId });
      expect(page.total).toBe(1);
    });

    test("refuses a bad signature, malformed JSON, missing fields and an oversize body, and records each", async ({ request }) => {
      const { body } = platform.paid();
      const bad = await post(request, body, platform.signWrongly(body, created.source.triggerUrl));
      expect(bad.status()).toBe(401);
      const malformed = '{"id": 1, "oops"';
      expect((await post(request, malformed, platform.sign(malformed, created.source.triggerUrl))).status()).toBe(400);
      const missing = platform.missingFields();
      const refused = await post(request, missing, platform.sign(missing, created.source.triggerUrl));
      expect(refused.status()).toBe(422);
      expect((await refused.json()).error).toEqual(expect.any(String));
      const big = `{"pad":"${"x".repeat(1024 * 1024)}"}`;
      expect((await post(request, big, platform.sign(big, created.source.triggerUrl))).status()).toBe(413);

      const events = await inboundEventsOf(api, created.source.id);
      for (const status of [401, 400, 422, 413]) {
        const event = events.find((row) => row.httpStatus === status);
        expect(event, `an inbound event answered ${status}`).toMatchObject({ outcome: "rejected", reason: expect.any(String) });
      }
    });

    test("an unknown or disabled source answers 404", async ({ request }) => {
      const { body } = platform.paid();
      const unknown = await request.post("/api/triggers/6f1c1d3e-0000-4000-8000-000000000000", { data: Buffer.from(body), headers: platform.sign(body, created.source.triggerUrl) });
      expect(unknown.status()).toBe(404);
      const other = await api.mutate<CreatedSource>("sources.create", { kind: platform.kind, name: `${platform.kind} off ${Date.now()}`, secrets: platform.secrets });
      await api.mutate("sources.update", { sourceId: other.source.id, enabled: false });
      const disabled = await request.post(new URL(other.source.triggerUrl).pathname, { data: Buffer.from(body), headers: platform.sign(body, other.source.triggerUrl) });
      expect(disabled.status()).toBe(404);
      const [event] = await inboundEventsOf(api, other.source.id);
      expect(event).toMatchObject({ outcome: "rejected", reason: "source is disabled", httpStatus: 404 });
    });
  });
}
