import type { ChannelProvider, OutboundMessage, SendContext, SendResult } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { LINE_API_BASE_URL, lineConfigSchema, lineCredentialsSchema, lineFields, type LineConfig, type LineCredentials } from "./settings";
import { stableUuid } from "./stable-uuid";

export type { LineConfig, LineCredentials } from "./settings";
export { LINE_API_BASE_URL } from "./settings";

/** LINE refuses a text message over 5,000 characters. */
export const LINE_MAX_TEXT_LENGTH = 5000;

/**
 * A 429 for the monthly message quota (free plan, or the plan's limit reached) will not clear by itself
 * in minutes: it takes a plan upgrade or the next month. Waiting an hour between attempts stops a storm of
 * refused calls while leaving room to resume soon after an upgrade; once the channel's attempts run out
 * the step falls back to its next channel. A plain rate-limit 429 uses the dispatcher's backoff.
 */
export const LINE_QUOTA_RETRY_MS = 60 * 60_000;

type LineError = { message?: unknown; details?: Array<{ message?: unknown; property?: unknown }> };

/** "The request body has 1 error(s) (messages[0].text: Length must be between 0 and 5000)" */
function lineRefusal({ status, json }: ProviderAnswer): Refusal | null {
  const error = json as LineError | null;
  if (typeof error?.message !== "string") return null;
  const details = (Array.isArray(error.details) ? error.details : [])
    .map((detail) => [detail.property, detail.message].filter((part) => typeof part === "string").join(": "))
    .filter(Boolean);
  const description = `LINE: ${error.message}${details.length ? ` (${details.join("; ")})` : ""}`;
  if (status === 429 && /monthly limit/i.test(error.message)) {
    return {
      error: `${description} — the LINE Official Account's monthly message quota is used up: upgrade the plan in LINE Official Account Manager, or this channel resumes next month`,
      retryable: true,
      retryAfterMs: LINE_QUOTA_RETRY_MS,
    };
  }
  // 400 bad request, 401 bad token, 403 not allowed on this plan: permanent; 429 rate limit and 5xx: retryable.
  return { error: description };
}

/** The user, group or multi-person chat id: U, C or R followed by 32 hexadecimal characters. */
const LINE_ID = /^[UCR][0-9a-f]{32}$/;

async function send(message: OutboundMessage, credentials: LineCredentials, config: LineConfig, context: SendContext): Promise<SendResult> {
  if (!LINE_ID.test(message.to)) return { ok: false, retryable: false, error: `"${message.to}" is not a LINE user id (U followed by 32 hexadecimal characters).` };
  if (message.text.length > LINE_MAX_TEXT_LENGTH) {
    return { ok: false, retryable: false, error: `The message is ${message.text.length} characters; LINE accepts at most ${LINE_MAX_TEXT_LENGTH}. Shorten the template.` };
  }
  const answer = await context.request({
    url: `${context.baseUrl}/v2/bot/message/push`,
    headers: {
      authorization: `Bearer ${credentials.channelAccessToken}`,
      // Same key on every attempt of this notification: LINE sends nothing twice and answers a retry of
      // an accepted request with 409 (kept for 24 hours).
      "x-line-retry-key": stableUuid(`line:${message.idempotencyKey}`),
    },
    json: { to: message.to, messages: [{ type: "text", text: message.text }], ...(config.notificationDisabled ? { notificationDisabled: true } : {}) },
    // An earlier attempt was accepted (its answer was lost): the message went out once.
    accepts: ({ status, headers }) => status === 409 && headers.get("x-line-accepted-request-id") !== null,
    refusal: lineRefusal,
  });
  if (!answer.ok) return answer;
  const sent = (answer.json as { sentMessages?: Array<{ id?: unknown }> } | null)?.sentMessages?.[0]?.id;
  const sentId = typeof sent === "string" && sent !== "" ? sent : null;
  // On a 409 LINE names the accepted request; a 409 body with sentMessages, where present, gives the
  // message id itself.
  return { ok: true, providerMessageId: sentId ?? answer.headers.get("x-line-accepted-request-id"), httpStatus: answer.status };
}

/**
 * LINE Messaging API push message: the rendered text to the customer's LINE user id. LINE reports no
 * per-message delivery, so there are no status callbacks.
 * @see https://developers.line.biz/en/reference/messaging-api/#send-push-message
 */
export const lineProvider: ChannelProvider<LineCredentials, LineConfig> = {
  id: "line",
  name: "LINE",
  kind: "messaging",
  description: "Sends order confirmations to customers who added your LINE Official Account, with LINE Messaging API push messages.",
  docsUrl: "https://developers.line.biz/en/reference/messaging-api/#send-push-message",
  recipient: "line",
  defaultBaseUrl: LINE_API_BASE_URL,
  credentialsSchema: lineCredentialsSchema,
  configSchema: lineConfigSchema,
  fields: lineFields,
  // LINE allows 2,000 push requests per second per channel; a store's confirmations need a small share,
  // leaving the rest to the other tools that use the same LINE Official Account.
  defaultRatePerSecond: 100,
  defaultConcurrency: 10,
  send,
};
