import { createHmac } from "node:crypto";
import { safeEqual, withinTolerance } from "../../sources/signatures";

/** Svix (which signs Resend's webhooks) refuses messages more than five minutes away from now. */
export const SVIX_TOLERANCE_SECONDS = 300;

/** The key Svix signs with: the base64 part of the `whsec_…` secret, decoded. */
function signingKey(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ""), "base64");
}

/** `v1,<base64>`: HMAC-SHA256 over `${id}.${timestamp}.${raw body}`. Also used by the fake to sign test deliveries. */
export function svixSignature(secret: string, id: string, timestamp: string, body: Buffer | string): string {
  const digest = createHmac("sha256", signingKey(secret)).update(`${id}.${timestamp}.`).update(body).digest("base64");
  return `v1,${digest}`;
}

/**
 * Checks a webhook the way Svix's libraries do: the `svix-signature` header holds space-separated
 * `<version>,<base64>` entries (several while a secret is being rotated) and any v1 entry may match; then
 * the timestamp must lie within five minutes of now, so a captured request cannot be replayed later.
 */
export function verifySvixSignature(headers: Headers, body: Buffer, secret: string, now: Date): { ok: true } | { ok: false; reason: string } {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const header = headers.get("svix-signature");
  if (!id || !timestamp || !header) {
    return { ok: false, reason: "Missing svix-id, svix-timestamp or svix-signature header: the request did not come from Resend, or a proxy removed the headers." };
  }
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "Malformed svix-timestamp header: expected unix seconds." };

  const expected = svixSignature(secret, id, timestamp, body);
  const candidates = header.split(" ").filter((entry) => entry.startsWith("v1,"));
  // Compare against every candidate without stopping early, so timing does not reveal which one matched.
  const matched = candidates.reduce((found, candidate) => safeEqual(expected, candidate) || found, false);
  if (!matched) {
    return {
      ok: false,
      reason: "No v1 signature in svix-signature matches the signing secret: paste the whsec_ secret of this exact Resend webhook, and make sure nothing in front of Orderbell re-encodes the request body.",
    };
  }
  if (!withinTolerance(Number(timestamp), now, SVIX_TOLERANCE_SECONDS)) {
    const drift = Math.round(now.getTime() / 1000 - Number(timestamp));
    return {
      ok: false,
      reason: `svix-timestamp is ${Math.abs(drift)} s ${drift >= 0 ? "old" : "in the future"} (tolerance ${SVIX_TOLERANCE_SECONDS} s): a replayed request, or this server's clock is wrong.`,
    };
  }
  return { ok: true };
}
