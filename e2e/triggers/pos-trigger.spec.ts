import { posOrderBody, signPosRequest } from "../../server/sources/pos/fixtures";
import { AdminApi, type CreatedSource, inboundEventsOf, waitForOrder } from "../support/admin-api";
import { expect, test } from "../fixtures";

/** The POS / generic gateway trigger, over real HTTP against the running app. */
test.describe("POS trigger URL", () => {
  let api: AdminApi;
  let created: CreatedSource;
  let secret: string;

  test.beforeAll(async () => {
    api = await AdminApi.signIn();
    created = await api.mutate<CreatedSource>("sources.create", { kind: "pos", name: `POS ${Date.now()}` });
    secret = created.generatedSecrets!.signingSecret!;
  });
  test.afterAll(async () => api.dispose());

  const url = () => new URL(created.source.triggerUrl).pathname;

  test("a signed paid order is accepted and becomes an order with its notifications", async ({ request }) => {
    const body = JSON.stringify(posOrderBody());
    const response = await request.post(url(), { data: Buffer.from(body), headers: signPosRequest(body, secret) });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "received" });
    const { order, items, notifications } = await waitForOrder(api, JSON.parse(body).order.id);
    expect(order).toMatchObject({ status: "paid", flags: [], total: 15857, currency: "USD" });
    expect(items).toHaveLength(2);
    expect(notifications.length).toBeGreaterThan(0);
  });

  test("refusals: bad signature, stale timestamp, malformed JSON, missing fields, oversize, unknown source", async ({ request }) => {
    const body = JSON.stringify(posOrderBody());
    expect((await request.post(url(), { data: Buffer.from(body), headers: signPosRequest(body, "0".repeat(64)) })).status()).toBe(401);
    const stale = signPosRequest(body, secret, Math.floor(Date.now() / 1000) - 301);
    expect((await request.post(url(), { data: Buffer.from(body), headers: stale })).status()).toBe(401);
    const malformed = "{not json";
    expect((await request.post(url(), { data: Buffer.from(malformed), headers: signPosRequest(malformed, secret) })).status()).toBe(400);
    const missing = JSON.stringify({ event_id: "e", type: "order.paid", order: { id: "x", currency: "USD", total: 100, customer: {} } });
    const refused = await request.post(url(), { data: Buffer.from(missing), headers: signPosRequest(missing, secret) });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error).toMatch(/order\.items/);
    const big = "x".repeat(1024 * 1024 + 10);
    expect((await request.post(url(), { data: Buffer.from(big), headers: signPosRequest(big, secret) })).status()).toBe(413);
    expect((await request.post("/api/triggers/00000000-0000-4000-8000-000000000000", { data: Buffer.from(body), headers: signPosRequest(body, secret) })).status()).toBe(404);

    const events = await inboundEventsOf(api, created.source.id);
    const statuses = events.map((event) => event.httpStatus);
    for (const status of [401, 400, 422, 413]) expect(statuses).toContain(status);
    expect(events.filter((event) => event.outcome === "rejected").every((event) => event.reason)).toBe(true);
  });

  test("twenty identical deliveries at once give one order and one set of notifications", async ({ request }) => {
    const payload = posOrderBody();
    const body = JSON.stringify(payload);
    const headers = signPosRequest(body, secret);
    const answers = await Promise.all(Array.from({ length: 20 }, () => request.post(url(), { data: Buffer.from(body), headers })));
    expect(answers.map((answer) => answer.status())).toEqual(Array(20).fill(200));
    const statuses = await Promise.all(answers.map(async (answer) => (await answer.json()).status));
    expect(statuses.filter((status) => status === "received")).toHaveLength(1);
    expect(statuses.filter((status) => status === "duplicate")).toHaveLength(19);
    const { notifications } = await waitForOrder(api, payload.order.id);
    const page = await api.query<{ total: number }>("orders.list", { search: payload.order.id });
    expect(page.total).toBe(1);
    expect(notifications).toHaveLength(2);
  });

  test("a disabled source answers 404 and the schema of the body is published", async ({ request }) => {
    const other = await api.mutate<CreatedSource>("sources.create", { kind: "pos", name: `Disabled ${Date.now()}` });
    await api.mutate("sources.update", { sourceId: other.source.id, enabled: false });
    const body = JSON.stringify(posOrderBody());
    const response = await request.post(new URL(other.source.triggerUrl).pathname, { data: Buffer.from(body), headers: signPosRequest(body, other.generatedSecrets!.signingSecret!) });
    expect(response.status()).toBe(404);
    const [event] = await inboundEventsOf(api, other.source.id);
    expect(event).toMatchObject({ outcome: "rejected", reason: "source is disabled" });

    const schema = await (await request.get("/api/triggers/schema")).json();
    expect(schema.required).toEqual(expect.arrayContaining(["event_id", "type", "order"]));
  });
});
