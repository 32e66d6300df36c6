import { createHmac } from "node:crypto";
import { idToString, parseJsonLossless } from "../../sources/parse-json";
import { safeEqual } from "../../sources/signatures";
import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

/** hex(HMAC-SHA256(auth token, raw body)), as viber-bot-python's `_calculate_message_signature`. Also used by the fake. */
export function viberSignature(authToken: string, body: Buffer | string): string {
  return createHmac("sha256", authToken).update(body).digest("hex");
}

export function verifyViberSignature(request: StatusCallbackRequest, authToken: string): { ok: true } | { ok: false; reason: string } {
  const header = request.headers.get("x-viber-content-signature");
  if (!header) return { ok: false, reason: "Missing X-Viber-Content-Signature header: the request did not come from Viber, or a proxy removed the header." };
  if (!safeEqual(viberSignature(authToken, request.body), header.trim().toLowerCase())) {
    return { ok: false, reason: "X-Viber-Content-Signature does not match: check the bot's authentication token, and that nothing in front of Orderbell re-encodes the request body." };
  }
  return { ok: true };
}

type ViberEvent = { event?: unknown; message_token?: unknown; timestamp?: unknown; desc?: unknown };

/**
 * Viber's callbacks: `delivered`, `seen` (which implies delivered) and `failed` (with `desc`) name the
 * message by `message_token`, an int64 parsed losslessly so it matches the id stored at send time. The
 * `webhook` check sent on set_webhook, subscriptions and customer messages carry no delivery news.
 */
export function parseViberCallback(request: StatusCallbackRequest): DeliveryUpdate[] {
  const event = parseJsonLossless(request.body.toString("utf8")) as ViberEvent;
  const token = idToString(event?.message_token);
  if (!token) return [];
  const millis = Number(event.timestamp);
  const at = Number.isFinite(millis) && millis > 0 ? { at: new Date(millis) } : {};
  switch (event.event) {
    case "delivered":
    case "seen":
      return [{ providerMessageId: token, status: "delivered", ...at }];
    case "failed":
      return [{ providerMessageId: token, status: "failed", reason: `Viber: ${typeof event.desc === "string" && event.desc ? event.desc : "failed"}`, ...at }];
    default:
      return [];
  }
}
