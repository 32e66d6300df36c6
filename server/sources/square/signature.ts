import { hmacSha256, safeEqual } from "../signatures";
import type { VerifyResult } from "../source-adapter";

export const SQUARE_SIGNATURE_HEADER = "x-square-hmacsha256-signature";
/** The deprecated HMAC-SHA1 scheme, still sent alongside by older subscriptions; never trusted on its own. */
export const SQUARE_LEGACY_SIGNATURE_HEADER = "x-square-signature";

/**
 * Square signs `notification URL + raw body` with the subscription's signature key (HMAC-SHA256, base64).
 * The URL is the one typed into the subscription, byte for byte, so it comes from the source's config
 * when Square reaches us through another address, else from the URL this request arrived on. Square sends
 * no timestamp to bound replays; the event id dedupe covers them.
 */
export function verifySquareSignature(headers: Headers, body: Buffer, signatureKey: string, notificationUrl: string): VerifyResult {
  const signature = headers.get(SQUARE_SIGNATURE_HEADER)?.trim();
  if (!signature) {
    if (headers.get(SQUARE_LEGACY_SIGNATURE_HEADER)) {
      return {
        ok: false,
        reason: `Only the legacy x-square-signature (HMAC-SHA1) header was sent; Orderbell needs ${SQUARE_SIGNATURE_HEADER}. Create the webhook subscription in the Square Developer Console (Webhooks → Subscriptions) and paste its HMAC-SHA256 signature key.`,
      };
    }
    return { ok: false, reason: `Missing ${SQUARE_SIGNATURE_HEADER} header: the request did not come from Square, or a proxy removed the header.` };
  }
  const expected = hmacSha256(signatureKey, notificationUrl, body).toString("base64");
  if (!safeEqual(expected, signature)) {
    return {
      ok: false,
      reason: `${SQUARE_SIGNATURE_HEADER} does not match. Check the signature key of this subscription, and that Square's notification URL is exactly ${notificationUrl} (Square signs the URL byte for byte; if Square calls another address, enter it as “Notification URL” in this source's settings).`,
    };
  }
  return { ok: true };
}
