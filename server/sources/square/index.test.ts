import { describe, expect, it } from "vitest";
import { buildPaymentUpdatedEvent, TEST_SQUARE_ACCESS_TOKEN, TEST_SQUARE_SIGNATURE_KEY } from "./fixtures";
import { squareSource } from "./index";

const request = { url: "https://orders.example.com/api/triggers/s1", headers: new Headers(), body: Buffer.from("{}"), receivedAt: new Date() };

describe("squareSource", () => {
  it("identifies a delivery by its event id and type", () => {
    expect(squareSource.identify(request, buildPaymentUpdatedEvent())).toEqual({ eventId: "6a8f5f28-54a1-4eb0-a98a-3111513fd4fc", topic: "payment.updated" });
    expect(squareSource.identify(request, { event_id: 7 })).toEqual({ eventId: null, topic: null });
    expect(squareSource.identify(request, null)).toEqual({ eventId: null, topic: null });
  });

  it("never stores either signature header", () => {
    expect(squareSource.sensitiveHeaders).toEqual(["x-square-hmacsha256-signature", "x-square-signature"]);
  });

  it("gives set-up steps with the exact trigger URL and the event to select", () => {
    const steps = squareSource.setupSteps("https://orders.example.com/api/triggers/xyz");
    expect(steps.some((step) => step.includes("exactly https://orders.example.com/api/triggers/xyz"))).toBe(true);
    expect(steps.join("\n")).toContain("payment.updated");
    expect(steps.join("\n")).toContain("Signature key");
    // The dashboard and the CLI number the steps themselves.
    expect(steps.some((step) => /^\d+[.)]/.test(step))).toBe(false);
  });

  it("describes every secret and setting the schemas accept", () => {
    expect(squareSource.secretFields.map((field) => [field.name, field.required])).toEqual([
      ["signatureKey", true],
      ["accessToken", false],
    ]);
    expect(squareSource.configFields.map((field) => field.name)).toEqual(["notificationUrl", "apiBaseUrl"]);
  });
});

describe("Square secrets and config", () => {
  it("accepts a signature key and an access token, trimmed, and an empty token as unset", () => {
    expect(squareSource.secretsSchema.parse({ signatureKey: ` ${TEST_SQUARE_SIGNATURE_KEY} `, accessToken: `${TEST_SQUARE_ACCESS_TOKEN}\n` })).toEqual({
      signatureKey: TEST_SQUARE_SIGNATURE_KEY,
      accessToken: TEST_SQUARE_ACCESS_TOKEN,
    });
    expect(squareSource.secretsSchema.parse({ signatureKey: TEST_SQUARE_SIGNATURE_KEY, accessToken: "" })).toEqual({ signatureKey: TEST_SQUARE_SIGNATURE_KEY });
  });

  it("refuses a missing signature key with an actionable message", () => {
    const result = squareSource.secretsSchema.safeParse({ signatureKey: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("signature key from the Square Developer Console");
  });

  it("accepts http(s) URLs for the notification URL and API base, nothing else", () => {
    expect(squareSource.configSchema.parse({ notificationUrl: "https://tunnel.example.net/square", apiBaseUrl: "" })).toEqual({ notificationUrl: "https://tunnel.example.net/square" });
    expect(squareSource.configSchema.safeParse({ notificationUrl: "tunnel.example.net/square" }).success).toBe(false);
    expect(squareSource.configSchema.safeParse({ apiBaseUrl: "javascript:alert(1)" }).success).toBe(false);
  });
});
