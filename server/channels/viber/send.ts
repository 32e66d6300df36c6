import { idToString, parseJsonLossless } from "../../sources/parse-json";
import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure } from "../http-failure";
import type { ViberConfig, ViberCredentials } from "./settings";

/** Viber refuses a text message over 7,000 characters. */
export const VIBER_MAX_TEXT_LENGTH = 7000;

/** Viber gives no wait with status 12; ten seconds lets a burst drain before the next attempt. */
const THROTTLE_WAIT_MS = 10_000;

/** Viber's `status` codes, by its documentation, so errors read as words. */
export const VIBER_STATUS_NAMES: Record<number, string> = {
  1: "invalidUrl",
  2: "invalidAuthToken",
  3: "badData",
  4: "missingData",
  5: "receiverNotRegistered",
  6: "receiverNotSubscribed",
  7: "publicAccountBlocked",
  8: "publicAccountNotFound",
  9: "publicAccountSuspended",
  10: "webhookNotSet",
  11: "receiverNoSuitableDevice",
  12: "tooManyRequests",
  13: "apiVersionNotSupported",
  14: "incompatibleWithVersion",
  15: "publicAccountNotAuthorized",
  16: "inchatReplyMessageNotAllowed",
  17: "publicAccountIsNotInline",
  18: "noPublicChat",
  19: "cannotSendBroadcast",
  20: "broadcastNotAllowed",
  21: "unsupportedCountry",
  22: "paymentUnsupported",
  23: "freeMessagesExceeded",
  24: "noBalance",
};

type ViberAnswer = { status?: unknown; status_message?: unknown; message_token?: unknown };

export async function sendViber(message: OutboundMessage, credentials: ViberCredentials, config: ViberConfig, context: SendContext): Promise<SendResult> {
  if (message.to.trim() === "") return { ok: false, retryable: false, error: "The customer has no Viber user id." };
  if (message.text.length > VIBER_MAX_TEXT_LENGTH) {
    return { ok: false, retryable: false, error: `The message is ${message.text.length} characters; Viber accepts at most ${VIBER_MAX_TEXT_LENGTH}. Shorten the template.` };
  }
  const body = {
    receiver: message.to,
    min_api_version: 1,
    sender: { name: config.senderName, ...(config.senderAvatar ? { avatar: config.senderAvatar } : {}) },
    // Viber echoes tracking_data to the bot's webhook with the customer's replies: our reference.
    tracking_data: message.idempotencyKey.slice(0, 4096),
    type: "text",
    text: message.text,
  };
  let response: Response;
  try {
    response = await context.fetch(`${context.baseUrl}/pa/send_message`, {
      method: "POST",
      headers: { "x-viber-auth-token": credentials.authToken, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return networkFailure(error, context.timeoutMs);
  }

  const text = await response.text().catch(() => "");
  let answer: ViberAnswer | null = null;
  try {
    // message_token is an int64 beyond 2^53: JSON.parse would round it and no delivery update would match.
    answer = text ? (parseJsonLossless(text) as ViberAnswer) : null;
  } catch {
    answer = null;
  }
  if (!response.ok) {
    const said = typeof answer?.status_message === "string" ? answer.status_message : text.slice(0, 200) || "no answer body";
    return httpFailure(response, `Viber: ${said.split(credentials.authToken).join("[redacted]")}`);
  }

  // Viber answers 200 to everything; `status` says what happened.
  const status = Number(answer?.status);
  if (status === 0) return { ok: true, providerMessageId: idToString(answer?.message_token), httpStatus: response.status };
  const name = typeof answer?.status_message === "string" ? answer.status_message : (VIBER_STATUS_NAMES[status] ?? "unknown");
  const description = `Viber status ${Number.isFinite(status) ? status : "missing"} (${name})`.split(credentials.authToken).join("[redacted]");
  if (status === 12) return httpFailure(response, description, { retryable: true, retryAfterMs: THROTTLE_WAIT_MS });
  // 1–6 are the request's own fault (bad token, bad data, receiver not registered or not subscribed), and
  // the rest describe the bot's account (blocked, suspended, no balance): trying again changes nothing.
  return httpFailure(response, description, { retryable: false });
}
