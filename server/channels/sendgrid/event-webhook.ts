import { createPublicKey, verify, type KeyObject } from "node:crypto";
import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

export const SIGNATURE_HEADER = "x-twilio-email-event-webhook-signature";
export const TIMESTAMP_HEADER = "x-twilio-email-event-webhook-timestamp";

/** SendGrid shows the verification key as bare base64 DER (SubjectPublicKeyInfo); a pasted PEM works too. */
export function verificationKeyOf(publicKey: string): KeyObject {
  const trimmed = publicKey.trim();
  const pem = trimmed.includes("BEGIN PUBLIC KEY")
    ? trimmed
    : `-----BEGIN PUBLIC KEY-----\n${(trimmed.replace(/\s+/g, "").match(/.{1,64}/g) ?? []).join("\n")}\n-----END PUBLIC KEY-----\n`;
  return createPublicKey(pem);
}

/**
 * Checks a Signed Event Webhook request the way SendGrid's own libraries do: an ECDSA P-256 signature
 * (base64 DER) over the timestamp header followed by the exact raw body. No freshness window is applied:
 * SendGrid documents none, and it retries failed posts for up to 24 hours.
 */
export function verifySendGridEvents(request: StatusCallbackRequest, publicKey: string | undefined): { ok: true } | { ok: false; reason: string } {
  if (!publicKey) {
    return { ok: false, reason: "No Event Webhook verification key is configured on this channel: turn on Signed Event Webhook Requests in SendGrid and paste its Verification Key." };
  }
  const signature = request.headers.get(SIGNATURE_HEADER);
  const timestamp = request.headers.get(TIMESTAMP_HEADER);
  if (!signature || !timestamp) {
    return { ok: false, reason: "Missing X-Twilio-Email-Event-Webhook-Signature or -Timestamp header: the request is not a signed SendGrid event post." };
  }
  let key: KeyObject;
  try {
    key = verificationKeyOf(publicKey);
  } catch {
    return { ok: false, reason: "The configured Event Webhook verification key is not a valid public key: copy it again from SendGrid." };
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    return { ok: false, reason: "The configured verification key is not an ECDSA P-256 key, which is what SendGrid signs with." };
  }
  let valid = false;
  try {
    valid = verify("sha256", Buffer.concat([Buffer.from(timestamp, "utf8"), request.body]), key, Buffer.from(signature, "base64"));
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true }
    : { ok: false, reason: "The event signature does not match the verification key: check the key belongs to this SendGrid account, and that nothing re-encodes the body." };
}

type SendGridEvent = {
  event?: unknown;
  sg_message_id?: unknown;
  timestamp?: unknown;
  reason?: unknown;
  status?: unknown;
  type?: unknown;
  response?: unknown;
};

/** `sg_message_id` is the X-Message-Id from Mail Send, a dot, then a per-recipient suffix. */
export function messageIdOf(sgMessageId: string): string {
  const dot = sgMessageId.indexOf(".");
  return dot < 0 ? sgMessageId : sgMessageId.slice(0, dot);
}

function failureReason(event: SendGridEvent, name: string): string {
  const detail = [event.status, event.reason ?? event.response].filter((part): part is string => typeof part === "string" && part !== "").join(" ");
  const kind = name === "bounce" && typeof event.type === "string" ? `${name} (${event.type})` : name;
  return detail ? `${kind}: ${detail}` : kind;
}

/**
 * A batch of events to delivery updates. delivered → delivered; bounce (including blocked) and dropped →
 * failed with SendGrid's reason; processed → sent (SendGrid accepted it for delivery). deferred is
 * ignored: it is a temporary refusal that SendGrid keeps retrying, and a delivered or bounce follows.
 * Engagement events (open, click, spamreport, unsubscribe…) are not delivery states and are ignored.
 */
export function parseSendGridEvents(request: StatusCallbackRequest): DeliveryUpdate[] {
  let events: unknown;
  try {
    events = JSON.parse(request.body.toString("utf8"));
  } catch {
    return [];
  }
  if (!Array.isArray(events)) return [];
  const updates: DeliveryUpdate[] = [];
  for (const raw of events as SendGridEvent[]) {
    if (typeof raw !== "object" || raw === null) continue;
    if (typeof raw.sg_message_id !== "string" || raw.sg_message_id === "" || typeof raw.event !== "string") continue;
    const at = typeof raw.timestamp === "number" ? new Date(raw.timestamp * 1000) : undefined;
    const base = { providerMessageId: messageIdOf(raw.sg_message_id), ...(at ? { at } : {}) };
    switch (raw.event) {
      case "delivered":
        updates.push({ ...base, status: "delivered" });
        break;
      case "processed":
        updates.push({ ...base, status: "sent" });
        break;
      case "bounce":
      case "dropped":
        updates.push({ ...base, status: "failed", reason: failureReason(raw, raw.event) });
        break;
    }
  }
  return updates;
}
