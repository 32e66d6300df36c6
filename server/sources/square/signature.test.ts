import { describe, expect, it } from "vitest";
import type { TriggerRequest } from "../source-adapter";
import { buildPaymentUpdatedEvent, signSquareRequest, TEST_SQUARE_SIGNATURE_KEY } from "./fixtures";
import { squareSource } from "./index";
import type { SquareConfig } from "./settings";

const TRIGGER_URL = "https://orders.example.com/api/triggers/2f6c1f1e-5d0a-4c1b-9a57-0c5e8f0f6d11";
const body = Buffer.from(JSON.stringify(buildPaymentUpdatedEvent()));
const secrets = { signatureKey: TEST_SQUARE_SIGNATURE_KEY };

function verify(headers: Record<string, string>, options: { url?: string; body?: Buffer; config?: SquareConfig } = {}) {
  const request: TriggerRequest = { url: options.url ?? TRIGGER_URL, headers: new Headers(headers), body: options.body ?? body, receivedAt: new Date() };
  return squareSource.verify(request, secrets, options.config ?? {});
}

describe("Square signature verification", () => {
  it("accepts a notification signed over the trigger URL and the raw body", () => {
    expect(verify(signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, TRIGGER_URL))).toEqual({ ok: true });
    expect(verify(signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, TRIGGER_URL, { scheme: "hmacsha256", environment: "Sandbox", retryNumber: 2 }))).toEqual({ ok: true });
  });

  it("checks against the configured notification URL when Square calls another address", () => {
    const publicUrl = "https://tunnel.example.net/hooks/square";
    const headers = signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, publicUrl);
    expect(verify(headers, { config: { notificationUrl: publicUrl } })).toEqual({ ok: true });
    expect(verify(headers)).toMatchObject({ ok: false });
  });

  it.each([
    ["a trailing slash", `${TRIGGER_URL}/`],
    ["http instead of https", TRIGGER_URL.replace("https:", "http:")],
    ["an added query string", `${TRIGGER_URL}?x=1`],
  ])("refuses a URL that differs by %s, naming the URL it checked", (_label, signedUrl) => {
    const result = verify(signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, signedUrl));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(`notification URL is exactly ${TRIGGER_URL}`) });
  });

  it("refuses a signature made with another key", () => {
    expect(verify(signSquareRequest(body, "someOtherSubscriptionKey", TRIGGER_URL))).toEqual({ ok: false, reason: expect.stringContaining("x-square-hmacsha256-signature does not match") });
  });

  it("refuses a body changed after signing", () => {
    const headers = signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, TRIGGER_URL);
    const tampered = Buffer.from(body.toString("utf8").replace('"amount":7532', '"amount":1'));
    expect(tampered.equals(body)).toBe(false);
    expect(verify(headers, { body: tampered })).toMatchObject({ ok: false });
  });

  it("refuses a request without a signature", () => {
    expect(verify({ "content-type": "application/json" })).toEqual({ ok: false, reason: expect.stringContaining("Missing x-square-hmacsha256-signature header") });
  });

  it("refuses the legacy HMAC-SHA1 signature alone, telling the admin what to use instead", () => {
    const headers = signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, TRIGGER_URL, { scheme: "legacy" });
    expect(headers["x-square-hmacsha256-signature"]).toBeUndefined();
    expect(verify(headers)).toEqual({ ok: false, reason: expect.stringMatching(/legacy x-square-signature \(HMAC-SHA1\).*HMAC-SHA256 signature key/) });
  });

  it("does not leak the key in its reasons", () => {
    const results = [verify({}), verify(signSquareRequest(body, "other", TRIGGER_URL)), verify(signSquareRequest(body, TEST_SQUARE_SIGNATURE_KEY, TRIGGER_URL, { scheme: "legacy" }))];
    for (const result of results) expect(JSON.stringify(result)).not.toContain(TEST_SQUARE_SIGNATURE_KEY);
  });
});
