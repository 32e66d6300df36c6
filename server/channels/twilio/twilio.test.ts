import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { parseCallback, sendWith, verifyCallback } from "../testing/provider-harness";
import { signedTwilioCallback, startFakeTwilio, type FakeTwilio } from "./fake";
import { twilioProvider } from "./index";
import { formParams, twilioSignature } from "./signature";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const accountSid = `AC${"1a".repeat(16)}`;
const authToken = "f3b1c0ffee7e4ad4b5d6e7f8a9b0c1d2";
const apiKeySid = `SK${"2b".repeat(16)}`;
const apiKeySecret = "key-secret-9f8e7d6c5b4a";
const credentials = { accountSid, authToken };
const config = { from: "+14155550100" };

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid, authToken, apiKeySid, apiKeySecret, retryAfterSeconds: 2 });
});
afterAll(() => fake.close());

const send = (to: string, options: { credentials?: Parameters<typeof twilioProvider.send>[1]; config?: Parameters<typeof twilioProvider.send>[2]; text?: string } = {}) =>
  sendWith(twilioProvider, { baseUrl: fake.url, credentials: options.credentials ?? credentials, config: options.config ?? config, message: { to, ...(options.text ? { text: options.text } : {}) } });

describe("Twilio Messages", () => {
  it("sends the SMS and returns the SM sid", async () => {
    const result = await send("+14155550132");
    expect(result).toEqual({ ok: true, providerMessageId: fake.messages.at(-1)?.sid, httpStatus: 201 });
    expect(result.ok && result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);

    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request.text))).toEqual({
      To: "+14155550132",
      From: "+14155550100",
      Body: expect.stringContaining("Thank you for your order #1001"),
      StatusCallback: "https://orders.shop.example/api/status/channel-1",
    });
  });

  it("sends with an API key and a Messaging Service, keeping the account SID in the path", async () => {
    const messagingServiceSid = `MG${"3c".repeat(16)}`;
    const result = await send("+14155550132", { credentials: { ...credentials, apiKeySid, apiKeySecret }, config: { messagingServiceSid } });
    expect(result).toMatchObject({ ok: true, httpStatus: 201 });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${apiKeySid}:${apiKeySecret}`).toString("base64")}`);
    const params = new URLSearchParams(request.text);
    expect(params.get("MessagingServiceSid")).toBe(messagingServiceSid);
    expect(params.has("From")).toBe(false);
  });

  it("reports bad credentials as permanent, without the token", async () => {
    const result = await send("+14155550132", { credentials: { accountSid, authToken: "wrong-token-000" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: expect.stringContaining("Twilio error 20003") });
    expect(JSON.stringify(result)).not.toContain("wrong-token-000");
  });

  it("retries 20429 with Retry-After, server errors, full sender queues and refused connections", async () => {
    expect(await send("+15005550429")).toMatchObject({ ok: false, retryable: true, httpStatus: 429, retryAfterMs: 2000, error: expect.stringContaining("Twilio error 20429") });
    expect(await send("+15005550500")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await send("+15005550611")).toMatchObject({ ok: false, retryable: true, httpStatus: 400, retryAfterMs: 60_000, error: expect.stringContaining("21611") });
    const refused = await sendWith(twilioProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: "+14155550132" } });
    expect(refused).toMatchObject({ ok: false, retryable: true });
  });

  it("reports a bad or opted-out recipient as permanent", async () => {
    expect(await send("+15005550001")).toMatchObject({
      ok: false,
      retryable: false,
      httpStatus: 400,
      error: "HTTP 400: Twilio error 21211: The 'To' number +15005550001 is not a valid phone number. (https://www.twilio.com/docs/errors/21211)",
    });
    expect(await send("+15005550004")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("21610") });
  });

  it("refuses a body over 1600 characters without calling Twilio", async () => {
    const before = fake.requests.length;
    const result = await send("+14155550132", { text: "x".repeat(1601) });
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("1601 characters") });
    expect(fake.requests.length).toBe(before);
    expect(await send("+14155550132", { text: "y".repeat(1600) })).toMatchObject({ ok: true });
  });

  it("validates credentials and config", async () => {
    expect(twilioProvider.credentialsSchema.safeParse({ accountSid: "AC123", authToken: "t" }).success).toBe(false);
    expect(twilioProvider.credentialsSchema.safeParse({ accountSid, authToken, apiKeySid }).success).toBe(false);
    expect(twilioProvider.credentialsSchema.safeParse({ accountSid: ` ${accountSid} `, authToken, apiKeySid: "", apiKeySecret: "" }).data).toEqual(credentials);
    expect(twilioProvider.configSchema.safeParse({}).success).toBe(false);
    expect(twilioProvider.configSchema.safeParse({ from: "+14155550100", messagingServiceSid: `MG${"3c".repeat(16)}` }).success).toBe(false);
    expect(twilioProvider.configSchema.safeParse({ from: "TrailCo" }).success).toBe(true);
  });
});

describe("Twilio status callbacks", () => {
  const url = "https://orders.shop.example/api/status/channel-1";
  const sid = `SM${"4d".repeat(16)}`;
  const callback = (fields: Record<string, string>) => signedTwilioCallback(authToken, url, { AccountSid: accountSid, From: "+14155550100", To: "+14155550132", MessageSid: sid, SmsSid: sid, ApiVersion: "2010-04-01", ...fields });

  it("computes Twilio's documented example signature", async () => {
    const params = new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" });
    expect(twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", formParams(params))).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  });

  it("accepts a signed callback and maps the statuses", async () => {
    const delivered = callback({ MessageStatus: "delivered", SmsStatus: "delivered" });
    expect(await verifyCallback(twilioProvider, delivered, credentials, config)).toEqual({ ok: true });
    expect(await parseCallback(twilioProvider, delivered)).toEqual([{ providerMessageId: sid, status: "delivered" }]);
    expect(await parseCallback(twilioProvider, callback({ MessageStatus: "read" }))).toEqual([{ providerMessageId: sid, status: "delivered" }]);
    expect(await parseCallback(twilioProvider, callback({ MessageStatus: "sent" }))).toEqual([{ providerMessageId: sid, status: "sent" }]);
    expect(await parseCallback(twilioProvider, callback({ MessageStatus: "undelivered", ErrorCode: "30003" }))).toEqual([{ providerMessageId: sid, status: "failed", reason: "Twilio error 30003" }]);
    expect(await parseCallback(twilioProvider, callback({ MessageStatus: "failed", ErrorCode: "30008" }))).toEqual([{ providerMessageId: sid, status: "failed", reason: "Twilio error 30008" }]);
    expect(await parseCallback(twilioProvider, callback({ MessageStatus: "queued" }))).toEqual([]);
    expect(await parseCallback(twilioProvider, callback({ MessageStatus: "sending" }))).toEqual([]);
  });

  it("accepts the URL signed with the default port, as Twilio sometimes does", async () => {
    const withPort = signedTwilioCallback(authToken, "https://orders.shop.example:443/api/status/channel-1", { MessageSid: sid, MessageStatus: "delivered" });
    expect(await verifyCallback(twilioProvider, { ...withPort, url }, credentials, config)).toEqual({ ok: true });
  });

  it("refuses a wrong signature, a tampered parameter, another URL and a missing header", async () => {
    const forged = signedTwilioCallback("another-token", url, { MessageSid: sid, MessageStatus: "delivered" });
    expect(await verifyCallback(twilioProvider, forged, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });

    const genuine = callback({ MessageStatus: "failed", ErrorCode: "30008" });
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString().replace("failed", "delivered")) };
    expect(await verifyCallback(twilioProvider, tampered, credentials, config)).toMatchObject({ ok: false });
    expect(await verifyCallback(twilioProvider, { ...genuine, url: "https://orders.shop.example/api/status/channel-2" }, credentials, config)).toMatchObject({ ok: false });

    const headers = new Headers(genuine.headers);
    headers.delete("x-twilio-signature");
    expect(await verifyCallback(twilioProvider, { ...genuine, headers }, credentials, config)).toMatchObject({ ok: false, reason: expect.stringContaining("Missing X-Twilio-Signature") });
  });

  it("answers with empty TwiML", async () => {
    expect(twilioProvider.statusCallbackResponse).toEqual({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>', contentType: "text/xml" });
  });
});

describeRequestPathClassification(twilioProvider, { credentials, config });
