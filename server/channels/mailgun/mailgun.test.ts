import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { createSendContext } from "../send-context";
import { parseCallback, sampleMessage, sendWith, verifyCallback } from "../testing/provider-harness";
import { signedMailgunWebhook, startFakeMailgun, type FakeMailgun, type FakeMailgunOptions } from "./fake";
import { mailgunProvider, type MailgunConfig, type MailgunCredentials } from "./index";
import { MAILGUN_DEFAULT_BASE_URL } from "./settings";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials: MailgunCredentials = { apiKey: "key-3ax6xnjp29jd6fds4gc373sgvjxteol0", webhookSigningKey: "whsk-0123456789abcdef" };
const config: MailgunConfig = { domain: "mg.shop.example", fromAddress: "orders@mg.shop.example", fromName: "Trail & Co", replyTo: "help@shop.example", region: "us" };

let fake: FakeMailgun | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(options: Partial<FakeMailgunOptions> = {}) {
  fake = await startFakeMailgun({ apiKey: credentials.apiKey, domains: ["mg.shop.example"], ...options });
  return fake;
}

const failure = (result: Awaited<ReturnType<typeof sendWith>>) => {
  if (result.ok) throw new Error("expected a failure");
  return result;
};

describe("Mailgun send", () => {
  it("posts a multipart form with Basic api:<key> and returns the id without angle brackets", async () => {
    const server = await start();
    const result = await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config });
    expect(server.ids[0]).toMatch(/^<.+@mg\.shop\.example>$/);
    expect(result).toEqual({ ok: true, providerMessageId: server.ids[0]!.slice(1, -1), httpStatus: 200 });
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v3/mg.shop.example/messages");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`api:${credentials.apiKey}`).toString("base64")}`);
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const message = sampleMessage();
    expect(server.accepted[0]).toEqual([
      ["from", '"Trail & Co" <orders@mg.shop.example>'],
      ["to", "ada@customer.example"],
      ["subject", message.subject],
      // multipart/form-data turns line breaks in values into CRLF, which mail uses anyway.
      ["text", message.text.replace(/\r?\n/g, "\r\n")],
      ["html", message.html],
      ["h:Reply-To", "help@shop.example"],
      ["h:X-Orderbell-Idempotency-Key", message.idempotencyKey],
      ["v:order_id", message.order.id],
      ["v:idempotency_key", message.idempotencyKey],
    ]);
  });

  it("quotes a sender name holding quotes and commas so the address stays intact", async () => {
    const server = await start();
    const result = await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config: { ...config, fromName: 'Trail, "Co" Ltd.' }, message: { html: null } });
    expect(result.ok).toBe(true);
    expect(server.accepted[0]).toContainEqual(["from", '"Trail, \\"Co\\" Ltd." <orders@mg.shop.example>']);
    expect(server.accepted[0]!.map(([name]) => name)).not.toContain("html");
  });

  it("treats a refused API key (plain-text 401 Forbidden) as permanent, without the key", async () => {
    const server = await start();
    const result = failure(await sendWith(mailgunProvider, { baseUrl: server.url, credentials: { apiKey: "key-wrong-0000" }, config }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 401, error: "HTTP 401: Forbidden" });
    expect(result.error).not.toContain("key-wrong");
  });

  it("treats an unknown domain (404) as permanent", async () => {
    const server = await start();
    const result = failure(await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config: { ...config, domain: "mg.other.example" } }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 404 });
    expect(result.error).toContain("Domain not found: mg.other.example");
  });

  it("reads the wait from the 429 message when there is no Retry-After", async () => {
    const server = await start({ scenario: "throttled", throttleSeconds: 90 });
    const result = failure(await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config }));
    expect(result).toMatchObject({ retryable: true, httpStatus: 429, retryAfterMs: 90_000 });
    expect(result.error).toContain("try again after 90 seconds");
  });

  it("prefers a Retry-After header on a 429", async () => {
    const server = await start({ scenario: "throttled", throttleSeconds: 90, retryAfterSeconds: 3 });
    expect(await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000 });
  });

  it("treats an invalid recipient as permanent", async () => {
    const server = await start();
    const result = failure(await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config, message: { to: "ada at customer" } }));
    expect(result).toMatchObject({ retryable: false, httpStatus: 400, error: "HTTP 400: to parameter is not a valid address. please check documentation" });
  });

  it("treats a server error as retryable", async () => {
    const server = await start({ scenario: "server-error" });
    expect(await sendWith(mailgunProvider, { baseUrl: server.url, credentials, config })).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
  });

  it("treats an unreachable host as retryable", async () => {
    expect(await sendWith(mailgunProvider, { baseUrl: await refusedUrl(), credentials, config })).toMatchObject({ ok: false, retryable: true });
  });

  it("calls the EU host for an EU domain without an override, and the override otherwise", async () => {
    const urls: string[] = [];
    const stubFetch: typeof fetch = async (input) => {
      urls.push(String(input));
      return Response.json({ id: "<a@mg.shop.example>", message: "Queued. Thank you." });
    };
    const context = (baseUrl: string) => createSendContext({ baseUrl, timeoutMs: 1000, fetch: stubFetch });
    await mailgunProvider.send(sampleMessage(), credentials, { ...config, region: "eu" }, context(MAILGUN_DEFAULT_BASE_URL));
    await mailgunProvider.send(sampleMessage(), credentials, config, context(MAILGUN_DEFAULT_BASE_URL));
    await mailgunProvider.send(sampleMessage(), credentials, { ...config, region: "eu" }, context("https://proxy.example"));
    expect(urls).toEqual(["https://api.eu.mailgun.net/v3/mg.shop.example/messages", "https://api.mailgun.net/v3/mg.shop.example/messages", "https://proxy.example/v3/mg.shop.example/messages"]);
  });
});

describe("Mailgun webhooks", () => {
  const key = credentials.webhookSigningKey!;
  const headers = { "message-id": "20261127100000.1.ABCDEF@mg.shop.example" };
  const delivered = {
    event: "delivered",
    id: "W3X4JOhFT-OZidZGKKr9iA",
    timestamp: 1764237600.123,
    recipient: "ada@customer.example",
    "delivery-status": { code: 250, message: "OK", description: "" },
    message: { headers },
    "user-variables": { order_id: "0d9c8f3e-0000-4000-8000-000000000001" },
  };
  const permanent = {
    event: "failed",
    id: "G9Bn5sl1TC6nu79C8C0bwg",
    timestamp: 1764237700,
    recipient: "nobody@customer.example",
    severity: "permanent",
    reason: "bounce",
    "delivery-status": { code: 550, message: "5.1.1 The email account that you tried to reach does not exist", description: "" },
    message: { headers: { "message-id": "20261127100500.2.BBBBBB@mg.shop.example" } },
  };
  const temporary = { ...permanent, severity: "temporary", reason: "generic", "delivery-status": { code: 452, message: "4.2.2 Mailbox full", description: "" } };

  const callback = (body: string): StatusCallbackRequest => ({ url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers: new Headers({ "content-type": "application/json" }), body: Buffer.from(body) });

  it("accepts an event signed with the webhook signing key and maps delivered", async () => {
    const request = callback(signedMailgunWebhook(key, delivered));
    expect(await verifyCallback(mailgunProvider, request, credentials, config)).toEqual({ ok: true });
    expect(await parseCallback(mailgunProvider, request)).toEqual([{ providerMessageId: "20261127100000.1.ABCDEF@mg.shop.example", status: "delivered", at: new Date(1764237600123) }]);
  });

  it("maps a permanent failure to failed with the SMTP code and reason, and ignores a temporary one", async () => {
    expect(await parseCallback(mailgunProvider, callback(signedMailgunWebhook(key, permanent)))).toEqual([
      { providerMessageId: "20261127100500.2.BBBBBB@mg.shop.example", status: "failed", reason: "550 5.1.1 The email account that you tried to reach does not exist (bounce)", at: new Date(1764237700_000) },
    ]);
    expect(await parseCallback(mailgunProvider, callback(signedMailgunWebhook(key, temporary)))).toEqual([]);
    expect(await parseCallback(mailgunProvider, callback(signedMailgunWebhook(key, { ...delivered, event: "opened" })))).toEqual([]);
  });

  it("refuses a signature made with another key", async () => {
    const result = await verifyCallback(mailgunProvider, callback(signedMailgunWebhook("another-key", delivered)), credentials, config);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
  });

  it("accepts a subaccount event through its parent-signature", async () => {
    const request = callback(signedMailgunWebhook("subaccount-key", delivered, { parentKey: key }));
    expect(await verifyCallback(mailgunProvider, request, credentials, config)).toEqual({ ok: true });
  });

  it("refuses a stale timestamp, even with a valid signature", async () => {
    const stale = callback(signedMailgunWebhook(key, delivered, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(await verifyCallback(mailgunProvider, stale, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("tolerance 300 s") });
  });

  it("refuses a replayed token", async () => {
    const request = callback(signedMailgunWebhook(key, delivered, { token: "replayed-token-000000000000000000000000000000000000" }));
    expect(await verifyCallback(mailgunProvider, request, credentials, config)).toEqual({ ok: true });
    expect(await verifyCallback(mailgunProvider, request, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("already used") });
  });

  it("refuses events when no signing key is configured, and bodies without a signature", async () => {
    expect((await verifyCallback(mailgunProvider, callback(signedMailgunWebhook(key, delivered)), { apiKey: credentials.apiKey }, config)).ok).toBe(false);
    expect((await verifyCallback(mailgunProvider, callback(JSON.stringify({ "event-data": delivered })), credentials, config)).ok).toBe(false);
    expect((await verifyCallback(mailgunProvider, callback("event=delivered"), credentials, config)).ok).toBe(false);
  });
});

describeRequestPathClassification(mailgunProvider, { credentials, config });
