import { createHmac, timingSafeEqual } from "node:crypto";
import type { DeliveryUpdate, StatusCallbackRequest } from "../channel-provider";

/** Mailgun's advice: refuse signatures whose timestamp is far from now; five minutes either way. */
export const MAILGUN_TOLERANCE_SECONDS = 300;

type Signature = { timestamp?: unknown; token?: unknown; signature?: unknown; "parent-signature"?: unknown };

type EventData = {
  event?: unknown;
  id?: unknown;
  timestamp?: unknown;
  recipient?: unknown;
  severity?: unknown;
  reason?: unknown;
  "delivery-status"?: { code?: unknown; message?: unknown; description?: unknown };
  message?: { headers?: Record<string, unknown> };
  "user-variables"?: Record<string, unknown>;
};

type WebhookBody = { signature?: Signature; "event-data"?: EventData };

function parseBody(body: Buffer): WebhookBody | null {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as WebhookBody) : null;
  } catch {
    return null;
  }
}

function hexEqual(expected: string, candidate: unknown): boolean {
  if (typeof candidate !== "string") return false;
  const left = Buffer.from(expected, "utf8");
  const right = Buffer.from(candidate.toLowerCase(), "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Tokens already accepted in this process, until they fall out of the freshness window: Mailgun's docs
 * recommend refusing a token seen before, which stops a captured request being replayed within the window.
 */
const seenTokens = new Map<string, number>();

function rememberToken(token: string, nowSeconds: number): boolean {
  for (const [seen, expires] of seenTokens) if (expires < nowSeconds) seenTokens.delete(seen);
  if (seenTokens.has(token)) return false;
  seenTokens.set(token, nowSeconds + MAILGUN_TOLERANCE_SECONDS * 2);
  return true;
}

/**
 * Checks the signature Mailgun puts in the BODY: hex HMAC-SHA256 keyed with the HTTP webhook signing key
 * over timestamp + token. Events of a subaccount also carry `parent-signature`, made with the primary
 * account's key, so either key works here.
 */
export function verifyMailgunWebhook(request: StatusCallbackRequest, signingKey: string | undefined, now = Date.now()): { ok: true } | { ok: false; reason: string } {
  if (!signingKey) {
    return { ok: false, reason: "No webhook signing key is configured on this channel: paste Mailgun's HTTP webhook signing key to accept delivery updates." };
  }
  const body = parseBody(request.body);
  const signature = body?.signature;
  if (!signature || typeof signature.timestamp !== "string" && typeof signature.timestamp !== "number" || typeof signature.token !== "string") {
    return { ok: false, reason: "No signature object (timestamp, token, signature) in the body: not a Mailgun JSON webhook." };
  }
  const timestamp = String(signature.timestamp);
  const expected = createHmac("sha256", signingKey).update(timestamp + signature.token).digest("hex");
  // Check both without stopping early, so timing does not reveal which one matched.
  const matched = [hexEqual(expected, signature.signature), hexEqual(expected, signature["parent-signature"])].some(Boolean);
  if (!matched) {
    return { ok: false, reason: "The signature does not match the webhook signing key: copy the HTTP webhook signing key again (Sending → Webhooks), not an API key." };
  }
  const nowSeconds = now / 1000;
  const drift = nowSeconds - Number(timestamp);
  if (!Number.isFinite(drift) || Math.abs(drift) > MAILGUN_TOLERANCE_SECONDS) {
    return { ok: false, reason: `The signature timestamp is ${Math.round(Math.abs(drift))} s away from now (tolerance ${MAILGUN_TOLERANCE_SECONDS} s): a replayed request, or this server's clock is wrong.` };
  }
  if (!rememberToken(signature.token, nowSeconds)) {
    return { ok: false, reason: "This signature token was already used: a replayed request." };
  }
  return { ok: true };
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : null);

function failureReason(data: EventData): string {
  const status = data["delivery-status"] ?? {};
  const detail = text(status.description) ?? text(status.message);
  const parts = [text(status.code), detail].filter((part): part is string => part !== null);
  const reason = text(data.reason);
  const summary = parts.join(" ") || "permanent failure";
  return reason ? `${summary} (${reason})` : summary;
}

/**
 * One event per post. delivered → delivered; failed with severity "permanent" → failed with Mailgun's
 * SMTP code and description; accepted → sent. A "temporary" failure is ignored: Mailgun keeps retrying,
 * and a delivered or permanent failure follows. Engagement events (opened, clicked…) are ignored.
 */
export function parseMailgunWebhook(request: StatusCallbackRequest): DeliveryUpdate[] {
  const data = parseBody(request.body)?.["event-data"];
  if (!data || typeof data !== "object") return [];
  const messageId = text(data.message?.headers?.["message-id"]);
  if (!messageId) return [];
  const providerMessageId = messageId.replace(/^<|>$/g, "");
  const at = typeof data.timestamp === "number" ? { at: new Date(Math.round(data.timestamp * 1000)) } : {};
  switch (data.event) {
    case "delivered":
      return [{ providerMessageId, status: "delivered", ...at }];
    case "accepted":
      return [{ providerMessageId, status: "sent", ...at }];
    case "failed":
      return data.severity === "permanent" ? [{ providerMessageId, status: "failed", reason: failureReason(data), ...at }] : [];
    default:
      return [];
  }
}
