import { createHash } from "node:crypto";
import { safeEqual } from "../../sources/signatures";
import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { dlrParams, parseVonageDlr } from "./dlr";
import { isGsm7 } from "./gsm7";
import { VONAGE_REST_BASE_URL, vonageSmsConfigSchema, vonageSmsCredentialsSchema, vonageSmsFields, type VonageSmsConfig, type VonageSmsCredentials } from "./settings";
import { verifyVonageSignature } from "./signature";

export type { VonageSmsConfig, VonageSmsCredentials } from "./settings";
export { VONAGE_REST_BASE_URL } from "./settings";

type VonagePart = { status?: unknown; "message-id"?: unknown; "error-text"?: unknown };
type VonageResponse = { "message-count"?: unknown; messages?: unknown };

/**
 * Status codes of a part that are worth trying again: 1 throttled (sending faster than the account's
 * limit), 5 internal error, 10 too many binds. Every other code (missing or invalid parameters, bad
 * credentials, barred number or account, no credit…) fails the same way next time.
 */
const RETRYABLE_STATUSES = new Set(["1", "5", "10"]);

/** `client-ref` is echoed in delivery receipts and holds at most 40 characters: a stable digest of the key. */
export function vonageClientRef(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
}

/** Vonage wants the number as digits only: "+1 (415) 555-0132" → "14155550132". */
function digitsOf(phone: string): string {
  return phone.replace(/[^\d]/g, "");
}

async function send(message: OutboundMessage, credentials: VonageSmsCredentials, config: VonageSmsConfig, context: SendContext): Promise<SendResult> {
  const to = digitsOf(message.to);
  if (!/^[1-9]\d{6,14}$/.test(to)) {
    return { ok: false, retryable: false, error: `"${message.to}" is not a phone number in international form (7 to 15 digits with the country code).` };
  }
  const form = new URLSearchParams({
    api_key: credentials.apiKey,
    api_secret: credentials.apiSecret,
    // A numeric sender goes without "+", like the recipient; an alphanumeric one as entered.
    from: /^\+?\d+$/.test(config.from) ? digitsOf(config.from) : config.from,
    to,
    text: message.text,
    "client-ref": vonageClientRef(message.idempotencyKey),
    callback: message.statusCallbackUrl,
  });
  if (!isGsm7(message.text)) form.set("type", "unicode");

  const answer = await context.request({ url: `${context.baseUrl}/sms/json`, form, refusedInside: vonageRefusal });
  if (!answer.ok) return answer;
  const parts = partsOf(answer.json);
  // A long text is split into parts, each with its own id and its own delivery receipt; the first id
  // stands for the message, and delivery settles once every part has reported.
  const ids = parts.map((part) => part["message-id"]).filter((id): id is string => typeof id === "string" && id !== "");
  return { ok: true, providerMessageId: ids[0] ?? null, httpStatus: answer.status, ...(ids.length > 1 ? { providerMessageParts: ids } : {}) };
}

function partsOf(json: unknown): VonagePart[] {
  const messages = (json as VonageResponse | null)?.messages;
  return (Array.isArray(messages) ? messages : []) as VonagePart[];
}

/** Vonage reports every failure, throttling included, inside a 200, part by part. */
function vonageRefusal(answer: ProviderAnswer): Refusal | null {
  const parts = partsOf(answer.json);
  if (parts.length === 0) return { retryable: true, error: "Vonage answered 200 without a messages array: unexpected answer, will try again." };
  const failed = parts.find((part) => String(part.status) !== "0");
  if (!failed) return null;
  const status = String(failed.status);
  const text = typeof failed["error-text"] === "string" ? failed["error-text"] : "no error text";
  const accepted = parts.filter((part) => String(part.status) === "0").length;
  // When some parts already went out, sending again would deliver them twice: report it as final.
  const retryable = RETRYABLE_STATUSES.has(status) && accepted === 0;
  return {
    retryable,
    error: `Vonage status ${status}: ${text}${accepted > 0 ? ` (${accepted} of ${parts.length} parts were sent)` : ""}`,
    ...(status === "1" ? { retryAfterMs: 1000 } : {}),
  };
}

export const vonageSmsProvider: ChannelProvider<VonageSmsCredentials, VonageSmsConfig> = {
  id: "vonage-sms",
  name: "Vonage SMS",
  kind: "sms",
  description: "Sends order confirmation text messages through the Vonage (Nexmo) SMS API and reads delivery receipts.",
  docsUrl: "https://developer.vonage.com/en/api/sms",
  recipient: "phone",
  defaultBaseUrl: VONAGE_REST_BASE_URL,
  credentialsSchema: vonageSmsCredentialsSchema,
  configSchema: vonageSmsConfigSchema,
  fields: vonageSmsFields,
  // The SMS API accepts 30 requests per second per API key by default (status 1 "Throttled" above that).
  // Some destinations are slower (US 10DLC / long codes: about 1/s per number); lower it per channel then.
  defaultRatePerSecond: 30,
  // A few requests in flight reach that rate with ordinary latency without bursting past it.
  defaultConcurrency: 5,
  send,
  verifyStatusCallback(request, credentials, config) {
    const params = dlrParams(request);
    if (credentials.signatureSecret) return verifyVonageSignature(params, credentials.signatureSecret, config.signatureMethod, new Date());
    // Unsigned receipts carry the API key that sent the message: the only check left without a secret.
    const apiKey = params.get("api-key");
    if (!apiKey || !safeEqual(apiKey, credentials.apiKey)) {
      return { ok: false, reason: "The delivery receipt does not carry this channel's API key (api-key): it did not come from Vonage for this account. Configure a signature secret for a real check." };
    }
    return { ok: true };
  },
  parseStatusCallback: parseVonageDlr,
};
