import { describe, expect, it } from "vitest";
import type { TriggerRequest } from "../source-adapter";
import { posOrderBody, signPosRequest } from "./fixtures";
import { posSource } from "./index";
import { posTriggerJsonSchema } from "./pos-order-schema";

const secret = "pos-secret-0123456789abcdef0123456789abcdef";
const api = { fetch, timeoutMs: 1000 };

function request(body: string, headers: Record<string, string>, receivedAt = new Date()): TriggerRequest {
  return { url: "http://localhost/api/triggers/x", headers: new Headers(headers), body: Buffer.from(body), receivedAt };
}

describe("POS source", () => {
  it("accepts a body signed over timestamp and raw bytes", () => {
    const body = JSON.stringify(posOrderBody());
    expect(posSource.verify(request(body, signPosRequest(body, secret)), { signingSecret: secret }, {})).toEqual({ ok: true });
  });

  it("refuses a wrong signature, a changed byte, a missing header and a stale timestamp", () => {
    const body = JSON.stringify(posOrderBody());
    const headers = signPosRequest(body, secret);
    expect(posSource.verify(request(body, signPosRequest(body, "another-secret-0123456789abcdef0123")), { signingSecret: secret }, {})).toMatchObject({ ok: false, reason: "signature does not match" });
    expect(posSource.verify(request(body.replace("Ada", "Bob"), headers), { signingSecret: secret }, {})).toMatchObject({ ok: false });
    expect(posSource.verify(request(body, { "x-orderbell-timestamp": headers["x-orderbell-timestamp"]! }), { signingSecret: secret }, {})).toMatchObject({ reason: /missing X-Orderbell-Signature/ });
    const old = Math.floor(Date.now() / 1000) - 301;
    expect(posSource.verify(request(body, signPosRequest(body, secret, old)), { signingSecret: secret }, {})).toMatchObject({ reason: /tolerance/ });
  });

  it("normalises a paid order with every field", async () => {
    const body = posOrderBody({ orderId: "POS-1001" });
    const result = await posSource.normalise(body, { topic: "order.paid", secrets: { signingSecret: secret }, config: {}, api });
    expect(result).toMatchObject({
      kind: "order",
      trigger: "order_paid",
      event: {
        externalId: "POS-1001",
        number: "#1001",
        paymentStatus: "paid",
        currency: "USD",
        subtotal: 15800,
        total: 15857,
        items: [
          { name: "Trail Runner 2", variant: "Size 42 / Blue", quantity: 1, unitPrice: 12900, lineTotal: 12900 },
          { name: "Merino Socks", quantity: 2, unitPrice: 1450, lineTotal: 2900 },
        ],
        customer: { email: "ada@customer.example", phone: "+14155550132", marketingConsent: true },
        shippingAddress: { city: "San Francisco", postalCode: "94105", country: "US" },
      },
    });
  });

  it("maps each event type to its trigger", async () => {
    const triggers = [];
    for (const type of ["order.paid", "order.created", "order.cancelled", "order.refunded"] as const) {
      const result = await posSource.normalise(posOrderBody({ type }), { topic: type, secrets: { signingSecret: secret }, config: {}, api });
      triggers.push(result.kind === "order" ? result.trigger : result.kind);
    }
    expect(triggers).toEqual(["order_paid", null, "order_cancelled", "order_refunded"]);
  });

  it("names the missing or wrong field", async () => {
    const body = posOrderBody() as unknown as { order: Record<string, unknown> };
    delete body.order.total;
    const result = await posSource.normalise(body, { topic: null, secrets: { signingSecret: secret }, config: {}, api });
    expect(result).toEqual({ kind: "invalid", reason: expect.stringMatching(/^order\.total:/) });
    const badCurrency = { ...posOrderBody(), order: { ...posOrderBody().order, currency: "dollars" } };
    expect(await posSource.normalise(badCurrency, { topic: null, secrets: { signingSecret: secret }, config: {}, api })).toMatchObject({ reason: /order\.currency: must be a three-letter/ });
  });

  it("publishes the body as JSON Schema", () => {
    const schema = posTriggerJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(["event_id", "type", "order"]));
    expect(JSON.stringify(schema)).toContain("unit_price");
  });
});
