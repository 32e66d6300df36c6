import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { createSendContext } from "../send-context";
import { parseCallback, sampleMessage, sendWith, verifyCallback } from "../testing/provider-harness";
import { eventWebhookKeyPair, signEventWebhook, startFakeSendGrid, type FakeSendGrid, type FakeSendGridOptions } from "./fake";
import { sendGridProvider, type SendGridConfig } from "./index";
import { SENDGRID_DEFAULT_BASE_URL } from "./settings";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const API_KEY = "SG.test-key.0123456789abcdefghij";
const config: SendGridConfig = { fromAddress: "orders@shop.example", fromName: "Trail & Co", replyTo: "help@shop.example", region: "global" };

let fake: FakeSendGrid | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<FakeSendGridOptions> = {}) {
  fake = await startFakeSendGrid({ apiKey: API_KEY, verifiedSenders: ["orders@shop.example"], ...options });
  return fake;
}

describe("SendGrid send", () => {
  it("sends a contract-valid Mail Send request and returns the X-Message-Id", async () => {
    const server = await start();
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config });
    expect(result).toEqual({ ok: true, providerMessageId: server.messageIds[0], httpStatus: 202 });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v3/mail/send");
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    const message = sampleMessage();
    expect(JSON.parse(request.text)).toEqual({
      personalizations: [{ to: [{ email: "ada@customer.example" }], custom_args: { order_id: message.order.id, idempotency_key: message.idempotencyKey } }],
      from: { email: "orders@shop.example", name: "Trail & Co" },
      reply_to: { email: "help@shop.example" },
      subject: message.subject,
      content: [
        { type: "text/plain", value: message.text },
        { type: "text/html", value: message.html },
      ],
    });
  });

  it("sends only text/plain when the message has no HTML, and no reply_to when none is set", async () => {
    const server = await start();
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config: { ...config, replyTo: undefined }, message: { html: null } });
    expect(result.ok).toBe(true);
    const body = server.accepted[0]!;
    expect(body.content).toEqual([{ type: "text/plain", value: sampleMessage().text }]);
    expect(body).not.toHaveProperty("reply_to");
  });

  it("treats a refused API key as permanent, with SendGrid's message and without the key", async () => {
    const server = await start();
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: "SG.wrong-key.zzzzzzzzzzzzzzzz" }, config });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401 });
    if (result.ok) throw new Error("expected a failure");
    expect(result.error).toContain("The provided authorization grant is invalid");
    expect(result.error).not.toContain("SG.wrong-key");
  });

  it("reads the retry delay from X-RateLimit-Reset when a 429 has no Retry-After", async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    const server = await start({ scenario: "throttled", rateLimitReset: reset });
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config });
    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 429 });
    if (result.ok) throw new Error("expected a failure");
    expect(result.error).toContain("too many requests");
    expect(result.retryAfterMs).toBeGreaterThan(115_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it("prefers Retry-After over X-RateLimit-Reset when both are present", async () => {
    const server = await start({ scenario: "throttled", rateLimitReset: Math.floor(Date.now() / 1000) + 600, retryAfterSeconds: 7 });
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config });
    expect(result).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000 });
  });

  it("treats an invalid recipient as permanent and names the field", async () => {
    const server = await start();
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config, message: { to: "ada@" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400 });
    if (result.ok) throw new Error("expected a failure");
    expect(result.error).toContain("Does not contain a valid address. (field personalizations.0.to.0.email)");
  });

  it("treats an unverified sender (403) as permanent", async () => {
    const server = await start({ verifiedSenders: ["someone-else@shop.example"] });
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 403 });
    if (result.ok) throw new Error("expected a failure");
    expect(result.error).toContain("verified Sender Identity");
  });

  it("treats a server error as retryable", async () => {
    const server = await start({ scenario: "server-error" });
    const result = await sendWith(sendGridProvider, { baseUrl: server.url, credentials: { apiKey: API_KEY }, config });
    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
  });

  it("treats an unreachable host as retryable", async () => {
    const result = await sendWith(sendGridProvider, { baseUrl: await refusedUrl(), credentials: { apiKey: API_KEY }, config });
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("calls the EU host for the EU region without an override, and the override otherwise", async () => {
    const urls: string[] = [];
    const stubFetch: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(null, { status: 202, headers: { "x-message-id": "abc" } });
    };
    const message = sampleMessage();
    const euConfig: SendGridConfig = { ...config, region: "eu" };
    await sendGridProvider.send(message, { apiKey: API_KEY }, euConfig, createSendContext({ baseUrl: SENDGRID_DEFAULT_BASE_URL, timeoutMs: 1000, fetch: stubFetch }));
    await sendGridProvider.send(message, { apiKey: API_KEY }, config, createSendContext({ baseUrl: SENDGRID_DEFAULT_BASE_URL, timeoutMs: 1000, fetch: stubFetch }));
    await sendGridProvider.send(message, { apiKey: API_KEY }, euConfig, createSendContext({ baseUrl: "https://proxy.example", timeoutMs: 1000, fetch: stubFetch }));
    expect(urls).toEqual(["https://api.eu.sendgrid.com/v3/mail/send", "https://api.sendgrid.com/v3/mail/send", "https://proxy.example/v3/mail/send"]);
  });
});

describe("SendGrid Event Webhook", () => {
  const keys = eventWebhookKeyPair();
  const signedConfig: SendGridConfig = { ...config, eventWebhookPublicKey: keys.publicKeyBase64 };
  const events = [
    { email: "ada@customer.example", timestamp: 1764237600, event: "processed", sg_event_id: "e1", sg_message_id: "14c5d75ce93.filterdrecv-p3las1-1.0", order_id: "o1" },
    { email: "ada@customer.example", timestamp: 1764237605, event: "deferred", sg_event_id: "e2", sg_message_id: "14c5d75ce93.filterdrecv-p3las1-1.0", response: "400 try again later", attempt: "1" },
    { email: "ada@customer.example", timestamp: 1764237610, event: "delivered", sg_event_id: "e3", sg_message_id: "14c5d75ce93.filterdrecv-p3las1-1.0", response: "250 OK" },
    { email: "bob@customer.example", timestamp: 1764237620, event: "bounce", sg_event_id: "e4", sg_message_id: "Xq9ZbnYQT9ai.filterdrecv-p3las1-2.0", type: "bounce", status: "5.1.1", reason: "550 5.1.1 The email account that you tried to reach does not exist" },
    { email: "eve@customer.example", timestamp: 1764237630, event: "dropped", sg_event_id: "e5", sg_message_id: "R2d2C3po.filterdrecv-p3las1-3.0", reason: "Bounced Address" },
    { email: "ada@customer.example", timestamp: 1764237640, event: "open", sg_event_id: "e6", sg_message_id: "14c5d75ce93.filterdrecv-p3las1-1.0" },
  ];

  function callback(body: string, headers: Record<string, string>): StatusCallbackRequest {
    return { url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers: new Headers(headers), body: Buffer.from(body) };
  }

  function signed(body: string, privateKey = keys.privateKey): StatusCallbackRequest {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return callback(body, {
      "content-type": "application/json",
      "x-twilio-email-event-webhook-timestamp": timestamp,
      "x-twilio-email-event-webhook-signature": signEventWebhook(privateKey, timestamp, body),
    });
  }

  it("accepts a batch signed with the account's key and maps delivery events", async () => {
    const request = signed(JSON.stringify(events));
    expect(await verifyCallback(sendGridProvider, request, { apiKey: API_KEY }, signedConfig)).toEqual({ ok: true });
    expect(await parseCallback(sendGridProvider, request)).toEqual([
      { providerMessageId: "14c5d75ce93", status: "sent", at: new Date(1764237600_000) },
      { providerMessageId: "14c5d75ce93", status: "delivered", at: new Date(1764237610_000) },
      { providerMessageId: "Xq9ZbnYQT9ai", status: "failed", reason: "bounce (bounce): 5.1.1 550 5.1.1 The email account that you tried to reach does not exist", at: new Date(1764237620_000) },
      { providerMessageId: "R2d2C3po", status: "failed", reason: "dropped: Bounced Address", at: new Date(1764237630_000) },
    ]);
  });

  it("accepts the verification key pasted as PEM", async () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKeyBase64}\n-----END PUBLIC KEY-----`;
    expect(await verifyCallback(sendGridProvider, signed("[]"), { apiKey: API_KEY }, { ...config, eventWebhookPublicKey: pem })).toEqual({ ok: true });
  });

  it("refuses a batch signed with another key", async () => {
    const other = eventWebhookKeyPair();
    const result = await verifyCallback(sendGridProvider, signed(JSON.stringify(events), other.privateKey), { apiKey: API_KEY }, signedConfig);
    expect(result.ok).toBe(false);
  });

  it("refuses a body changed after signing", async () => {
    const request = signed(JSON.stringify(events));
    const tampered = { ...request, body: Buffer.from(JSON.stringify(events.slice(1))) };
    expect((await verifyCallback(sendGridProvider, tampered, { apiKey: API_KEY }, signedConfig)).ok).toBe(false);
  });

  it("refuses a changed timestamp header", async () => {
    const request = signed(JSON.stringify(events));
    request.headers.set("x-twilio-email-event-webhook-timestamp", "1");
    expect((await verifyCallback(sendGridProvider, request, { apiKey: API_KEY }, signedConfig)).ok).toBe(false);
  });

  it("refuses unsigned requests and channels without a verification key", async () => {
    expect(await verifyCallback(sendGridProvider, callback("[]", {}), { apiKey: API_KEY }, signedConfig)).toMatchObject({ ok: false, reason: expect.stringContaining("Missing") });
    expect(await verifyCallback(sendGridProvider, signed("[]"), { apiKey: API_KEY }, config)).toMatchObject({ ok: false, reason: expect.stringContaining("No Event Webhook verification key") });
  });

  it("ignores a body that is not an array of events", async () => {
    expect(await parseCallback(sendGridProvider, callback('{"event":"delivered"}', {}))).toEqual([]);
    expect(await parseCallback(sendGridProvider, callback("not json", {}))).toEqual([]);
  });
});

describeRequestPathClassification(sendGridProvider, { credentials: { apiKey: API_KEY }, config });
