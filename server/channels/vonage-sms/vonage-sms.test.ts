import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUrl, startFakeHttpServer } from "@/server/testing/fake-http-server";
import { parseCallback, sendWith, verifyCallback } from "../testing/provider-harness";
import { startFakeVonageSms, vonageDlr, type FakeVonageSms } from "./fake";
import { isGsm7 } from "./gsm7";
import { vonageClientRef, vonageSmsProvider } from "./index";
import { vonageSignature } from "./signature";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const apiKey = "a1b2c3d4";
const apiSecret = "Sup3rS3cretValue";
const credentials = { apiKey, apiSecret };
const config = { from: "TrailCo", signatureMethod: "md5hash" as const };

let fake: FakeVonageSms;
beforeAll(async () => {
  fake = await startFakeVonageSms({ apiKey, apiSecret });
});
afterAll(() => fake.close());

const send = (to: string, options: { text?: string; apiSecret?: string } = {}) =>
  sendWith(vonageSmsProvider, {
    baseUrl: fake.url,
    credentials: { apiKey, apiSecret: options.apiSecret ?? apiSecret },
    config,
    message: { to, ...(options.text ? { text: options.text } : {}) },
  });

describe("Vonage SMS API", () => {
  it("sends the SMS as a form and returns the message id", async () => {
    const result = await send("+44 7700 900000");
    expect(result).toEqual({ ok: true, providerMessageId: fake.sent.at(-1)?.messageIds[0], httpStatus: 200 });

    const request = fake.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/sms/json");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request.text))).toEqual({
      api_key: apiKey,
      api_secret: apiSecret,
      from: "TrailCo",
      to: "447700900000",
      text: expect.stringContaining("Thank you for your order #1001"),
      "client-ref": vonageClientRef("0d9c8f3e-0000-4000-8000-000000000001:step-1:channel-1"),
      callback: "https://orders.shop.example/api/status/channel-1",
    });
    expect(vonageClientRef("x".repeat(500))).toHaveLength(40);
  });

  it("sends non-GSM text as unicode, and reports the first part of a long text", async () => {
    const result = await send("447700900000", { text: `Merci Zoë — votre commande est confirmée ✓ ${"détails ".repeat(10)}` });
    expect(result).toMatchObject({ ok: true });
    const last = fake.sent.at(-1)!;
    expect(last.params.get("type")).toBe("unicode");
    expect(last.messageIds.length).toBeGreaterThan(1);
    expect(result.ok && result.providerMessageId).toBe(last.messageIds[0]);

    await send("447700900000", { text: "Plain {GSM} text with € and é" });
    expect(fake.sent.at(-1)!.params.has("type")).toBe(false);
    expect(isGsm7("Order #1001 — thanks")).toBe(false);
    expect(isGsm7("Order #1001: thanks, Renée! [€158]")).toBe(true);
    expect(isGsm7("Zoë")).toBe(false);
  });

  it("reports bad credentials as permanent, without the secret", async () => {
    const result = await send("447700900000", { apiSecret: "wrong-secret-42" });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 200, error: "HTTP 200: Vonage status 4: Bad Credentials" });
    expect(JSON.stringify(result)).not.toContain("wrong-secret-42");
  });

  it("retries throttling reported inside a 200, and internal errors", async () => {
    expect(await send("447700900001")).toMatchObject({ ok: false, retryable: true, httpStatus: 200, retryAfterMs: 1000, error: expect.stringContaining("Vonage status 1: Throughput Rate Exceeded") });
    expect(await send("447700900005")).toMatchObject({ ok: false, retryable: true, error: "HTTP 200: Vonage status 5: Internal Error" });
  });

  it("reports bad or barred recipients and an empty balance as permanent", async () => {
    expect(await send("447700900006")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Vonage status 6") });
    expect(await send("447700900007")).toMatchObject({ ok: false, retryable: false, error: "HTTP 200: Vonage status 7: Number barred." });
    expect(await send("447700900009")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Vonage status 9") });
    const before = fake.requests.length;
    expect(await send("12")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("not a phone number") });
    expect(fake.requests.length).toBe(before);
  });

  it("retries HTTP server errors and refused connections", async () => {
    expect(await send("447700900500")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await sendWith(vonageSmsProvider, { baseUrl: await refusedUrl(), credentials, config, message: { to: "+447700900000" } })).toMatchObject({ ok: false, retryable: true });
  });

  it("does not retry when some parts of a long text already went out", async () => {
    const partial = await startFakeHttpServer(() => ({
      status: 200,
      body: { "message-count": "2", messages: [{ to: "447700900000", "message-id": "0A00000012345678", status: "0" }, { status: "1", "error-text": "Throughput Rate Exceeded - please wait [ 1000 ] and retry" }] },
    }));
    try {
      const result = await sendWith(vonageSmsProvider, { baseUrl: partial.url, credentials, config, message: { to: "+447700900000" } });
      expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("1 of 2 parts were sent") });
    } finally {
      await partial.close();
    }
  });

  it("validates credentials and config", async () => {
    expect(vonageSmsProvider.configSchema.safeParse({ from: "+14155550100" }).data).toEqual({ from: "+14155550100", signatureMethod: "md5hash" });
    expect(vonageSmsProvider.configSchema.safeParse({ from: "Way too long sender" }).success).toBe(false);
    expect(vonageSmsProvider.configSchema.safeParse({ from: "TrailCo", signatureMethod: "sha3" }).success).toBe(false);
    expect(vonageSmsProvider.credentialsSchema.safeParse({ apiKey: " a1b2c3d4 ", apiSecret, signatureSecret: "" }).data).toEqual(credentials);
  });
});

describe("Vonage delivery receipts", () => {
  const secret = "my-signature-secret-123";
  const fields = {
    msisdn: "447700900000",
    to: "TrailCo",
    "network-code": "23410",
    messageId: "0A0000001234567B",
    price: "0.03330000",
    status: "delivered",
    scts: "2611271001",
    "err-code": "0",
    "api-key": apiKey,
    "client-ref": vonageClientRef("order-1:step-1:channel-1"),
    "message-timestamp": "2026-11-27 10:01:02",
  };

  it("signs exactly like Vonage's published test vectors", async () => {
    const params = new Map(Object.entries({ "message-timestamp": "2013-11-21 15:27:30", messageId: "020000001B0FE827", msisdn: "14843472194", text: "Test again", timestamp: "1385047698", to: "13239877404", type: "text" }));
    const key = "my_secret_key_for_testing";
    expect(vonageSignature(params, key, "md5hash")).toBe("d2e7b1dc968737c5998ad624e02f90b7");
    expect(vonageSignature(params, key, "md5")).toBe("ddebd46008c2d4e93cce578a332a52d5");
    expect(vonageSignature(params, key, "sha1")).toBe("27d0d05c2876c7cb1720dbcdba4d492e1e55c09a");
    expect(vonageSignature(params, key, "sha256")).toBe("ddb8397c2b90aac7f3882d306475c9a5058c92322eef43c92b298b6e0fc0d330");
  });

  it("accepts signed receipts sent as GET, form or JSON, with md5hash or HMAC-SHA256", async () => {
    for (const via of ["get", "form", "json"] as const) {
      const md5 = vonageDlr(fields, { via, secret, method: "md5hash" });
      expect(await verifyCallback(vonageSmsProvider, md5, { ...credentials, signatureSecret: secret }, config)).toEqual({ ok: true });
      const sha = vonageDlr(fields, { via, secret, method: "sha256" });
      expect(await verifyCallback(vonageSmsProvider, sha, { ...credentials, signatureSecret: secret }, { ...config, signatureMethod: "sha256" })).toEqual({ ok: true });
      expect(await parseCallback(vonageSmsProvider, md5)).toEqual([{ providerMessageId: "0A0000001234567B", status: "delivered", at: new Date("2026-11-27T10:01:02Z") }]);
    }
  });

  it("maps receipt statuses", async () => {
    const parse = (status: string, errCode = "0") => parseCallback(vonageSmsProvider, vonageDlr({ ...fields, status, "err-code": errCode }));
    expect(await parse("failed", "3")).toMatchObject([{ status: "failed", reason: "Vonage err-code 3 (absent subscriber, permanent); DLR status failed" }]);
    expect(await parse("expired", "2")).toMatchObject([{ status: "failed", reason: expect.stringContaining("Vonage err-code 2") }]);
    expect(await parse("rejected", "6")).toMatchObject([{ status: "failed", reason: expect.stringContaining("anti-spam") }]);
    expect(await parse("accepted")).toMatchObject([{ status: "sent" }]);
    expect(await parse("buffered")).toMatchObject([{ status: "sent" }]);
    expect(await parse("unknown")).toEqual([]);
  });

  it("refuses a wrong signature, the wrong method, a tampered or stale receipt, and an unsigned one when a secret is set", async () => {
    const withSecret = { ...credentials, signatureSecret: secret };
    expect(await verifyCallback(vonageSmsProvider, vonageDlr(fields, { secret: "another-secret" }), withSecret, config)).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    expect(await verifyCallback(vonageSmsProvider, vonageDlr(fields, { secret, method: "sha256" }), withSecret, config)).toMatchObject({ ok: false });

    const genuine = vonageDlr(fields, { via: "form", secret });
    const tampered = { ...genuine, body: Buffer.from(genuine.body.toString().replace("status=delivered", "status=failed")) };
    expect(await verifyCallback(vonageSmsProvider, tampered, withSecret, config)).toMatchObject({ ok: false });

    const stale = vonageDlr(fields, { secret, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await verifyCallback(vonageSmsProvider, stale, withSecret, config)).toMatchObject({ ok: false, reason: expect.stringContaining("timestamp") });
    expect(await verifyCallback(vonageSmsProvider, vonageDlr(fields), withSecret, config)).toMatchObject({ ok: false, reason: expect.stringContaining("not signed") });
  });

  it("without a signature secret, only accepts receipts carrying this channel's API key", async () => {
    expect(await verifyCallback(vonageSmsProvider, vonageDlr(fields), credentials, config)).toEqual({ ok: true });
    expect(await verifyCallback(vonageSmsProvider, vonageDlr({ ...fields, "api-key": "ffff0000" }), credentials, config)).toMatchObject({ ok: false });
  });
});

describeRequestPathClassification(vonageSmsProvider, { credentials, config });
