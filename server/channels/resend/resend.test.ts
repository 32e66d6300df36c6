import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { parseCallback, sendWith, verifyCallback } from "../testing/provider-harness";
import { signedResendWebhook, startFakeResend, type FakeResend } from "./fake";
import { formatMailbox, resendProvider } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const apiKey = "re_test_5mKe8Qw2xYz";
const webhookSecret = `whsec_${Buffer.from("resend-test-webhook-secret-32byt").toString("base64")}`;
const config = { fromAddress: "orders@shop.example", fromName: "Trail & Co", replyTo: "help@shop.example" };

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend({ apiKey });
});
afterAll(() => fake.close());

const send = (to: string, overrides: { apiKey?: string } = {}) =>
  sendWith(resendProvider, { baseUrl: fake.url, credentials: { apiKey: overrides.apiKey ?? apiKey }, config, message: { to } });

describe("Resend emails.send", () => {
  it("sends the email and returns Resend's id", async () => {
    const result = await send("ada@customer.example");
    expect(result).toEqual({ ok: true, providerMessageId: fake.sent.at(-1)?.id, httpStatus: 200 });

    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["idempotency-key"]).toBe("0d9c8f3e-0000-4000-8000-000000000001:step-1:channel-1");
    expect(JSON.parse(request.text)).toEqual({
      from: "Trail & Co <orders@shop.example>",
      to: ["ada@customer.example"],
      subject: "Order #1001 confirmed — thank you, Ada!",
      text: expect.stringContaining("Thank you for your order #1001"),
      html: expect.stringContaining("<strong>#1001</strong>"),
      reply_to: "help@shop.example",
    });
  });

  it("gets the first id back when the same message is sent again (idempotency key)", async () => {
    const options = { baseUrl: fake.url, credentials: { apiKey }, config, message: { to: "grace@customer.example", idempotencyKey: "order-2:step-1:channel-1" } };
    const first = await sendWith(resendProvider, options);
    const again = await sendWith(resendProvider, options);
    expect(first).toMatchObject({ ok: true, providerMessageId: expect.any(String) });
    expect(again).toEqual(first);
    expect(fake.sent.filter((entry) => (entry.body.to as string[])[0] === "grace@customer.example")).toHaveLength(1);
  });

  it("reports a wrong API key as permanent, with Resend's error and without the key", async () => {
    const result = await send("ada@customer.example", { apiKey: "re_wrong_key_123" });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 403, error: "HTTP 403: invalid_api_key: API key is invalid" });
    expect(JSON.stringify(result)).not.toContain("re_wrong_key_123");
  });

  it("retries on rate limits, reading retry-after", async () => {
    expect(await send("ratelimited@customer.example")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 1000, error: expect.stringContaining("rate_limit_exceeded") });
    expect(await send("quota@customer.example")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 3_600_000, error: expect.stringContaining("daily_quota_exceeded") });
  });

  it("reports an invalid recipient as permanent", async () => {
    expect(await send("invalid@customer.example")).toMatchObject({ ok: false, retryable: false, httpStatus: 422, error: expect.stringContaining("validation_error: Invalid `to` field") });
  });

  it("retries server errors and refused connections", async () => {
    expect(await send("error@customer.example")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    const refused = await sendWith(resendProvider, { baseUrl: await refusedUrl(), credentials: { apiKey }, config });
    // The SDK reports an unanswered request without its cause: a network error, retried.
    expect(refused).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("network error") });
  });

  it("retries a request whose twin is still in flight, but not a key reused for another email", async () => {
    expect(await send("inflight@customer.example")).toMatchObject({ ok: false, retryable: true, httpStatus: 409, retryAfterMs: 1000, error: expect.stringContaining("concurrent_idempotent_requests") });

    await sendWith(resendProvider, { baseUrl: fake.url, credentials: { apiKey }, config, message: { to: "lin@customer.example", idempotencyKey: "reused-key" } });
    const reused = await sendWith(resendProvider, { baseUrl: fake.url, credentials: { apiKey }, config, message: { to: "lin@customer.example", idempotencyKey: "reused-key", text: "Another email" } });
    expect(reused).toMatchObject({ ok: false, retryable: false, httpStatus: 409, error: expect.stringContaining("invalid_idempotent_request") });
  });

  it("hashes an idempotency key longer than Resend's 256 characters, stably", async () => {
    const idempotencyKey = "k".repeat(300);
    await sendWith(resendProvider, { baseUrl: fake.url, credentials: { apiKey }, config, message: { to: "long@customer.example", idempotencyKey } });
    const header = fake.requests.at(-1)!.headers["idempotency-key"] as string;
    expect(header).toMatch(/^sha256:[0-9a-f]{64}$/);
    await sendWith(resendProvider, { baseUrl: fake.url, credentials: { apiKey }, config, message: { to: "long@customer.example", idempotencyKey } });
    expect(fake.requests.at(-1)!.headers["idempotency-key"]).toBe(header);
  });

  it("quotes sender names that would break the address", async () => {
    expect(formatMailbox("Trail & Co", "a@b.example")).toBe("Trail & Co <a@b.example>");
    expect(formatMailbox('Smith, "Jr." Ltd', "a@b.example")).toBe('"Smith, \\"Jr.\\" Ltd" <a@b.example>');
  });

  it("validates credentials and config", async () => {
    expect(resendProvider.credentialsSchema.safeParse({ apiKey: " re_abc12345 \n", webhookSecret: "" }).data).toEqual({ apiKey: "re_abc12345" });
    expect(resendProvider.credentialsSchema.safeParse({ apiKey: "re_a" }).success).toBe(false);
    expect(resendProvider.credentialsSchema.safeParse({ apiKey: "sk_live_abc" }).success).toBe(false);
    expect(resendProvider.configSchema.safeParse({ fromAddress: "not-an-email", fromName: "Shop" }).success).toBe(false);
    expect(resendProvider.configSchema.safeParse({ fromAddress: "orders@shop.example", fromName: "Shop", replyTo: "" }).data).toEqual({ fromAddress: "orders@shop.example", fromName: "Shop" });
  });
});

describe("Resend webhooks", () => {
  const credentials = { apiKey, webhookSecret };
  const event = (type: string, data: object = {}) => ({ type, created_at: "2026-11-27T10:00:05.000Z", data: { email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c", to: ["ada@customer.example"], ...data } });

  it("accepts a Svix-signed delivery and maps the events", async () => {
    const delivered = signedResendWebhook(webhookSecret, event("email.delivered"));
    expect(await verifyCallback(resendProvider, delivered, credentials, config)).toEqual({ ok: true });
    expect(await parseCallback(resendProvider, delivered)).toEqual([{ providerMessageId: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c", status: "delivered", at: new Date("2026-11-27T10:00:05.000Z") }]);

    const bounced = signedResendWebhook(webhookSecret, event("email.bounced", { bounce: { type: "Permanent", subType: "General", message: "The recipient's mail server rejected the address." } }));
    expect(await parseCallback(resendProvider, bounced)).toMatchObject([{ status: "failed", reason: "Bounced (Permanent / General): The recipient's mail server rejected the address." }]);
    expect(await parseCallback(resendProvider, signedResendWebhook(webhookSecret, event("email.complained")))).toMatchObject([{ status: "failed", reason: expect.stringContaining("spam") }]);
    expect(await parseCallback(resendProvider, signedResendWebhook(webhookSecret, event("email.sent")))).toMatchObject([{ status: "sent" }]);
    expect(await parseCallback(resendProvider, signedResendWebhook(webhookSecret, event("email.opened")))).toEqual([]);
    expect(await parseCallback(resendProvider, signedResendWebhook(webhookSecret, event("email.delivery_delayed")))).toEqual([]);
  });

  it("refuses a wrong signature, a tampered body, an old timestamp and a missing secret", async () => {
    const otherSecret = `whsec_${Buffer.from("some-other-secret").toString("base64")}`;
    const forged = signedResendWebhook(otherSecret, event("email.delivered"));
    expect(await verifyCallback(resendProvider, forged, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("No v1 signature") });

    const genuine = signedResendWebhook(webhookSecret, event("email.delivered"));
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString().replace("delivered", "bounced")) };
    expect(await verifyCallback(resendProvider, tampered, credentials, config)).toMatchObject({ ok: false });

    const old = signedResendWebhook(webhookSecret, event("email.delivered"), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await verifyCallback(resendProvider, old, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("old") });

    expect(await verifyCallback(resendProvider, genuine, { apiKey }, config)).toMatchObject({ ok: false, reason: expect.stringContaining("No webhook signing secret") });
    const unsigned = { ...genuine, headers: new Headers({ "content-type": "application/json" }) };
    expect(await verifyCallback(resendProvider, unsigned, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("Missing svix-id") });
  });
});

describeRequestPathClassification(resendProvider, { credentials: { apiKey }, config });
