import { describe, expect, it } from "vitest";
import { buildCheckoutSessionCompletedEvent, TEST_STRIPE_SIGNING_SECRET } from "./fixtures";
import { STRIPE_EVENT_TYPES, stripeSource } from "./index";

const request = { url: "https://orders.example.com/api/triggers/s1", headers: new Headers(), body: Buffer.from("{}"), receivedAt: new Date() };

describe("stripeSource", () => {
  it("identifies a delivery by its event id and type", () => {
    expect(stripeSource.identify(request, buildCheckoutSessionCompletedEvent())).toEqual({ eventId: "evt_1SfC9dE5fG6hI7jK2cDeFgHi", topic: "checkout.session.completed" });
    expect(stripeSource.identify(request, { id: 42, type: "" })).toEqual({ eventId: null, topic: null });
    expect(stripeSource.identify(request, "not an object")).toEqual({ eventId: null, topic: null });
  });

  it("never stores the signature header", () => {
    expect(stripeSource.sensitiveHeaders).toEqual(["stripe-signature"]);
  });

  it("gives set-up steps with the trigger URL and every event to select", () => {
    const steps = stripeSource.setupSteps("https://orders.example.com/api/triggers/abc");
    expect(steps.some((step) => step.includes("https://orders.example.com/api/triggers/abc"))).toBe(true);
    for (const type of STRIPE_EVENT_TYPES) expect(steps.join("\n")).toContain(type);
    // The dashboard and the CLI number the steps themselves.
    expect(steps.some((step) => /^\d+[.)]/.test(step))).toBe(false);
  });

  it("describes every secret the schema accepts", () => {
    expect(stripeSource.secretFields.map((field) => [field.name, field.required])).toEqual([
      ["signingSecret", true],
      ["apiKey", false],
    ]);
  });
});

describe("Stripe secrets and config", () => {
  it("accepts a signing secret and a restricted key, trimmed", () => {
    expect(stripeSource.secretsSchema.parse({ signingSecret: ` ${TEST_STRIPE_SIGNING_SECRET}\n`, apiKey: "rk_live_abc123 " })).toEqual({ signingSecret: TEST_STRIPE_SIGNING_SECRET, apiKey: "rk_live_abc123" });
  });

  it("treats an empty API key as not set", () => {
    expect(stripeSource.secretsSchema.parse({ signingSecret: TEST_STRIPE_SIGNING_SECRET, apiKey: "  " })).toEqual({ signingSecret: TEST_STRIPE_SIGNING_SECRET });
  });

  it.each([
    [{ signingSecret: "sk_test_123" }, "starts with whsec_"],
    [{}, "signing secret (whsec_…)"],
    [{ signingSecret: TEST_STRIPE_SIGNING_SECRET, apiKey: "pk_live_123" }, "publishable keys"],
  ])("refuses %j with an actionable message", (secrets, message) => {
    const result = stripeSource.secretsSchema.safeParse(secrets);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("accepts an http(s) apiBaseUrl override and nothing else", () => {
    expect(stripeSource.configSchema.parse({})).toEqual({});
    expect(stripeSource.configSchema.parse({ apiBaseUrl: "" })).toEqual({});
    expect(stripeSource.configSchema.parse({ apiBaseUrl: "http://127.0.0.1:4010" })).toEqual({ apiBaseUrl: "http://127.0.0.1:4010" });
    expect(stripeSource.configSchema.safeParse({ apiBaseUrl: "api.stripe.com" }).success).toBe(false);
    expect(stripeSource.configSchema.safeParse({ apiBaseUrl: "ftp://api.stripe.com" }).success).toBe(false);
  });
});
