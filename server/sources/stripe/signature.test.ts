import { describe, expect, it } from "vitest";
import type { TriggerRequest } from "../source-adapter";
import { buildCheckoutSessionCompletedEvent, signStripeRequest, stripeSignatureHeader, TEST_STRIPE_SIGNING_SECRET } from "./fixtures";
import { stripeSource } from "./index";
import { parseStripeSignatureHeader } from "./signature";

const body = Buffer.from(JSON.stringify(buildCheckoutSessionCompletedEvent()));
const now = new Date("2026-01-01T12:00:00Z");
const secrets = { signingSecret: TEST_STRIPE_SIGNING_SECRET };

function request(headers: Record<string, string>, overrides: Partial<TriggerRequest> = {}): TriggerRequest {
  return { url: "https://orders.example.com/api/triggers/src", headers: new Headers(headers), body, receivedAt: now, ...overrides };
}

function verify(headers: Record<string, string>, overrides: Partial<TriggerRequest> = {}) {
  return stripeSource.verify(request(headers, overrides), secrets, {});
}

describe("Stripe signature verification", () => {
  it("accepts a request signed with the endpoint's secret", () => {
    expect(verify(signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: now }))).toEqual({ ok: true });
  });

  it("accepts a request carrying several v1 signatures while a secret is rolled", () => {
    const headers = signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: now, rolledSecrets: ["whsec_previousSecretStillActive"] });
    expect(headers["stripe-signature"]!.match(/v1=/g)).toHaveLength(2);
    expect(verify(headers)).toEqual({ ok: true });
    // Whichever position the matching signature takes.
    const currentFirst = stripeSignatureHeader(body, [TEST_STRIPE_SIGNING_SECRET, "whsec_previousSecretStillActive"], Math.floor(now.getTime() / 1000));
    expect(verify({ "stripe-signature": currentFirst })).toEqual({ ok: true });
  });

  it("refuses a missing header", () => {
    const result = verify({ "content-type": "application/json" });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("Missing Stripe-Signature header") });
  });

  it.each([
    ["no timestamp", "v1=abcdef"],
    ["a non-numeric timestamp", "t=yesterday,v1=abcdef"],
    ["no v1 signature", "t=1767268800"],
    ["only a legacy v0 signature", "t=1767268800,v0=abcdef"],
    ["free text", "sha256=abcdef"],
  ])("refuses a malformed header: %s", (_label, header) => {
    expect(verify({ "stripe-signature": header })).toEqual({ ok: false, reason: expect.stringContaining("Malformed Stripe-Signature header") });
  });

  it("refuses a signature made with another secret", () => {
    const result = verify(signStripeRequest(body, "whsec_someOtherEndpointsSecret", { at: now }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("No v1 signature in Stripe-Signature matches") });
  });

  it("refuses a body changed after signing", () => {
    const headers = signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: now });
    const tampered = Buffer.from(body.toString("utf8").replace('"amount_total":6702', '"amount_total":1'));
    expect(tampered.equals(body)).toBe(false);
    expect(verify(headers, { body: tampered })).toMatchObject({ ok: false, reason: expect.stringContaining("No v1 signature") });
  });

  it("refuses a genuine signature older than 300 seconds, and accepts one exactly 300 seconds old", () => {
    const stale = verify(signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: new Date(now.getTime() - 301_000) }));
    expect(stale).toEqual({ ok: false, reason: expect.stringMatching(/timestamp is 301 s old \(tolerance 300 s\)/) });
    expect(verify(signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: new Date(now.getTime() - 300_000) }))).toEqual({ ok: true });
  });

  it("refuses a timestamp too far in the future", () => {
    const result = verify(signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: new Date(now.getTime() + 600_000) }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("in the future") });
  });

  it("checks against the time the request was received, not the wall clock", () => {
    const signedAt = new Date("2020-05-05T10:00:00Z");
    const headers = signStripeRequest(body, TEST_STRIPE_SIGNING_SECRET, { at: signedAt });
    expect(verify(headers, { receivedAt: new Date(signedAt.getTime() + 10_000) })).toEqual({ ok: true });
  });

  it("does not leak the secret in its reasons", () => {
    const results = [verify({}), verify({ "stripe-signature": "t=1,v1=00" }), verify(signStripeRequest(body, "whsec_other", { at: now }))];
    for (const result of results) expect(JSON.stringify(result)).not.toContain(TEST_STRIPE_SIGNING_SECRET);
  });
});

describe("parseStripeSignatureHeader", () => {
  it("reads the timestamp and every v1, ignoring v0 and spaces", () => {
    expect(parseStripeSignatureHeader("t=1492774577, v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39,v1=abc")).toEqual({
      timestamp: "1492774577",
      v1: ["5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd", "abc"],
    });
  });
});
