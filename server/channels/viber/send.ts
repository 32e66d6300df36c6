import { idToString, parseJsonLossless } from "../../sources/parse-json";
import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
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
  const answer = await context.request({ url: `${context.baseUrl}/pa/send_message`, headers: { "x-viber-auth-token": credentials.authToken }, json: body, refusal: viberRefusal, refusedInside: viberStatus });
  if (!answer.ok) return answer;
  return { ok: true, providerMessageId: idToString(viberAnswerOf(answer.text)?.message_token), httpStatus: answer.status };
}

/** message_token is an int64 beyond 2^53: JSON.parse would round it and no delivery update would match. */
function viberAnswerOf(text: string): ViberAnswer | null {
  try {
    return text ? (parseJsonLossless(text) as ViberAnswer) : null;
  } catch {
    return null;
  }
}

function viberRefusal({ text }: ProviderAnswer): Refusal | null {
  const answer = viberAnswerOf(text);
  return typeof answer?.status_message === "string" ? { error: `Viber: ${answer.status_message}` } : null;
}

/** Viber answers 200 to everything; `status` says what happened. */
function viberStatus({ text }: ProviderAnswer): Refusal | null {
  const answer = viberAnswerOf(text);
  const status = Number(answer?.status);
  if (status === 0) return null;
  const name = typeof answer?.status_message === "string" ? answer.status_message : (VIBER_STATUS_NAMES[status] ?? "unknown");
  const description = `Viber status ${Number.isFinite(status) ? status : "missing"} (${name})`;
  if (status === 12) return { error: description, retryable: true, retryAfterMs: THROTTLE_WAIT_MS };
  // 1–6 are the request's own fault (bad token, bad data, receiver not registered or not subscribed), and
  // the rest describe the bot's account (blocked, suspended, no balance): trying again changes nothing.
  return { error: description, retryable: false };
}
