import { hmacSha256, safeEqual, withinTolerance } from "../signatures";
import type { VerifyResult } from "../source-adapter";

/** Stripe's own libraries refuse events signed more than five minutes away from now (replay window). */
export const STRIPE_TOLERANCE_SECONDS = 300;

export type StripeSignatureHeader = { timestamp: string; v1: string[] };

/**
 * Parses `t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`. Several v1 values arrive while a signing secret is being
 * rolled (one per active secret); v0 is a legacy test-mode scheme we never trust. Returns null when the
 * header has no usable timestamp or no v1 signature.
 */
export function parseStripeSignatureHeader(header: string): StripeSignatureHeader | null {
  let timestamp: string | null = null;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === "t") timestamp = value;
    else if (key === "v1" && value !== "") v1.push(value);
  }
  if (timestamp === null || !/^\d{1,12}$/.test(timestamp) || v1.length === 0) return null;
  return { timestamp, v1 };
}

/**
 * Checks a delivery the way stripe-node's `webhooks.constructEvent` does: HMAC-SHA256 keyed with the whole
 * signing secret (whsec_ prefix included) over `<t>.<raw body>`, matching any v1, then the timestamp
 * tolerance. The signature is checked first so that "outside tolerance" only ever describes a genuine,
 * replayed or delayed, Stripe request.
 */
export function verifyStripeSignature(header: string | null, body: Buffer, signingSecret: string, now: Date): VerifyResult {
  if (header === null || header.trim() === "") {
    return { ok: false, reason: "Missing Stripe-Signature header: the request did not come from Stripe, or a proxy removed the header." };
  }
  const parsed = parseStripeSignatureHeader(header);
  if (!parsed) {
    return { ok: false, reason: "Malformed Stripe-Signature header: expected t=<unix time>,v1=<hex signature>." };
  }
  const expected = hmacSha256(signingSecret, parsed.timestamp, ".", body).toString("hex");
  // Compare against every candidate without stopping early, so timing does not reveal which one matched.
  const matched = parsed.v1.reduce((found, candidate) => safeEqual(expected, candidate) || found, false);
  if (!matched) {
    return {
      ok: false,
      reason:
        "No v1 signature in Stripe-Signature matches the signing secret: paste the whsec_ secret of this exact endpoint (test and live mode differ), and make sure nothing in front of Orderbell re-encodes the request body.",
    };
  }
  const timestamp = Number(parsed.timestamp);
  if (!withinTolerance(timestamp, now, STRIPE_TOLERANCE_SECONDS)) {
    const drift = Math.round(now.getTime() / 1000 - timestamp);
    return {
      ok: false,
      reason: `Stripe-Signature timestamp is ${Math.abs(drift)} s ${drift >= 0 ? "old" : "in the future"} (tolerance ${STRIPE_TOLERANCE_SECONDS} s): a replayed request, or this server's clock is wrong.`,
    };
  }
  return { ok: true };
}
