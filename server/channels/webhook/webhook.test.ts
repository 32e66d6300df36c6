import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { createSendContext } from "../send-context";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeWebhookReceiver, type FakeWebhookReceiver } from "./fake";
import { orderbellSignature, verifyOrderbellWebhook, webhookProvider, type WebhookCredentials } from "./index";
import { rebaseUrl } from "./rebase-url";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const signingSecret = "3f9a1c0e7b2d4f6a8c9e0b1d2f3a4c5e";
const credentials: WebhookCredentials = { signingSecret };
const config = (path: string) => ({ url: `https://erp.shop.example${path}?source=orderbell` });

let fake: FakeWebhookReceiver;
beforeAll(async () => {
  fake = await startFakeWebhookReceiver({ signingSecret });
});
afterAll(() => fake.close());

const send = (path: string, options: { credentials?: WebhookCredentials; idempotencyKey?: string } = {}) =>
  sendWith(webhookProvider, { baseUrl: fake.url, credentials: options.credentials ?? credentials, config: config(path), message: options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {} });

describe("Signed webhook", () => {
  it("POSTs the signed order confirmation and returns the receiver's id", async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await send("/hooks/ok", { idempotencyKey: "order-1:step-1:webhook" });
    expect(result).toEqual({ ok: true, providerMessageId: "evt_1", httpStatus: 200 });
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    // The channel's base URL replaced the host; the configured path and query went along.
    expect(request.path).toBe("/hooks/ok");
    expect(request.query.get("source")).toBe("orderbell");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("Orderbell-Webhook/1");
    expect(request.headers["x-orderbell-idempotency-key"]).toBe("order-1:step-1:webhook");
    const timestamp = String(request.headers["x-orderbell-timestamp"]);
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(request.headers["x-orderbell-signature"]).toBe(orderbellSignature(signingSecret, timestamp, request.body));
    const message = sampleMessage();
    expect(JSON.parse(request.text)).toEqual({
      type: "order.confirmation",
      idempotency_key: "order-1:step-1:webhook",
      order: message.order,
      message: { to: message.to, subject: message.subject, text: message.text },
    });
  });

  it("uses the idempotency key as the id when the receiver returns none, and lets it dedupe retries", async () => {
    expect(await send("/hooks/empty", { idempotencyKey: "order-2:step-1:webhook" })).toEqual({ ok: true, providerMessageId: "order-2:step-1:webhook", httpStatus: 204 });
    const first = await send("/hooks/ok", { idempotencyKey: "order-3:step-1:webhook" });
    const again = await send("/hooks/ok", { idempotencyKey: "order-3:step-1:webhook" });
    expect(again).toEqual(first);
    expect(fake.deliveries.filter((delivery) => delivery.body.idempotency_key === "order-3:step-1:webhook")).toHaveLength(1);
  });

  it("is refused (permanently) when signed with the wrong secret, without the secret in the error", async () => {
    const result = await send("/hooks/ok", { credentials: { signingSecret: "another-secret-0000000000000" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("no v1 signature matches") });
    expect(JSON.stringify(result)).not.toContain("another-secret");
  });

  it("retries 429 with Retry-After, 5xx and refused connections", async () => {
    expect(await send("/hooks/throttled")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 30_000, error: "HTTP 429: slow down" });
    expect(await send("/hooks/down")).toMatchObject({ ok: false, retryable: true, httpStatus: 503, error: "HTTP 503: upstream unavailable" });
    expect(await sendWith(webhookProvider, { baseUrl: await refusedUrl(), credentials, config: config("/hooks/ok") })).toMatchObject({ ok: false, retryable: true });
  });

  it("fails other 4xx and redirects permanently, without following the redirect", async () => {
    expect(await send("/hooks/rejected")).toMatchObject({ ok: false, retryable: false, httpStatus: 422, error: "HTTP 422: unknown store" });
    const count = fake.requests.length;
    expect(await send("/hooks/moved")).toMatchObject({ ok: false, retryable: false, httpStatus: 301, error: expect.stringContaining("redirect") });
    expect(fake.requests.length).toBe(count + 1);
  });

  it("POSTs to the configured URL as is when the channel has no base URL", async () => {
    const urls: string[] = [];
    const stub: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(null, { status: 202 });
    };
    const context = createSendContext({ baseUrl: webhookProvider.defaultBaseUrl, timeoutMs: 1000, fetch: stub });
    expect(await webhookProvider.send(sampleMessage(), credentials, config("/hooks/ok"), context)).toMatchObject({ ok: true, httpStatus: 202 });
    expect(urls).toEqual(["https://erp.shop.example/hooks/ok?source=orderbell"]);
    expect(rebaseUrl("https://hooks.slack.com/services/T1/B2/x", "http://127.0.0.1:9/relay/", "https://slack.com")).toBe("http://127.0.0.1:9/relay/services/T1/B2/x");
    expect(rebaseUrl("https://hooks.slack.com/services/T1/B2/x", "https://slack.com", "https://slack.com")).toBe("https://hooks.slack.com/services/T1/B2/x");
  });

  it("validates the URL and the secret", () => {
    expect(webhookProvider.configSchema.safeParse({ url: "ftp://erp.shop.example/x" }).success).toBe(false);
    expect(webhookProvider.configSchema.safeParse({ url: "https://user:pass@erp.shop.example/x" }).success).toBe(false);
    expect(webhookProvider.credentialsSchema.safeParse({ signingSecret: "short" }).success).toBe(false);
  });
});

describe("verifyOrderbellWebhook", () => {
  const body = Buffer.from('{"type":"order.confirmation"}');
  const now = 1_764_237_600_000;
  const timestamp = String(now / 1000);
  const headers = (signature: string, at = timestamp) => ({ "x-orderbell-timestamp": at, "x-orderbell-signature": signature });

  it("accepts a genuine delivery, with Node or fetch headers, and any of several v1 entries", () => {
    const signature = orderbellSignature(signingSecret, timestamp, body);
    expect(verifyOrderbellWebhook(body, headers(signature), signingSecret, 300, now)).toEqual({ ok: true });
    expect(verifyOrderbellWebhook(body.toString(), new Headers(headers(signature)), signingSecret, 300, now)).toEqual({ ok: true });
    expect(verifyOrderbellWebhook(body, headers(`v1=${"0".repeat(64)}, ${signature}`), signingSecret, 300, now)).toEqual({ ok: true });
  });

  it("refuses a wrong secret, a changed body, an old timestamp and missing headers", () => {
    const signature = orderbellSignature(signingSecret, timestamp, body);
    expect(verifyOrderbellWebhook(body, headers(orderbellSignature("wrong-secret", timestamp, body)), signingSecret, 300, now)).toMatchObject({ ok: false });
    expect(verifyOrderbellWebhook(Buffer.from('{"type":"order.refund"}'), headers(signature), signingSecret, 300, now)).toMatchObject({ ok: false });
    const old = String(now / 1000 - 301);
    expect(verifyOrderbellWebhook(body, headers(orderbellSignature(signingSecret, old, body), old), signingSecret, 300, now)).toMatchObject({ ok: false, reason: expect.stringContaining("301 s") });
    expect(verifyOrderbellWebhook(body, {}, signingSecret, 300, now)).toMatchObject({ ok: false, reason: expect.stringContaining("missing") });
  });
});

describeRequestPathClassification(webhookProvider, { credentials, config: config("/hooks/orders") });
