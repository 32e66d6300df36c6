import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson, retryAfterMs } from "../http-failure";
import { describeGraphError, GRAPH_THROTTLE_CODES, GRAPH_TRANSIENT_CODES, graphCode, graphErrorOf, graphSubcode } from "../whatsapp/meta-graph";
import type { MessengerConfig, MessengerCredentials } from "./settings";

/** Messenger refuses a text message over 2,000 characters. */
export const MESSENGER_MAX_TEXT_LENGTH = 2000;

/** 1200: "Temporary send message failure. Please try again later." */
const MESSENGER_TRANSIENT_CODES = new Set([1200]);

/** Meta sends no Retry-After; its app and page limits are counted over an hour. */
const THROTTLE_WAIT_MS = 60_000;

/** A hint after Meta's own text for the errors a store can act on. */
function hintFor(code: number | null, subcode: number | null): string {
  if (code === 10 && subcode === 2018278) return " (outside the 24-hour window and the message tag was not accepted: check the Page's tag eligibility)";
  if (code === 100 && subcode === 2018001) return " (no customer with this Page-scoped ID: they never messaged this Page)";
  if (code === 551) return " (the customer cannot receive messages from this Page right now)";
  return "";
}

export async function sendMessenger(message: OutboundMessage, credentials: MessengerCredentials, config: MessengerConfig, context: SendContext): Promise<SendResult> {
  if (!/^\d{5,25}$/.test(message.to)) return { ok: false, retryable: false, error: `"${message.to}" is not a Page-scoped ID (PSID), which Messenger needs.` };
  if (message.text.length > MESSENGER_MAX_TEXT_LENGTH) {
    return { ok: false, retryable: false, error: `The message is ${message.text.length} characters; Messenger accepts at most ${MESSENGER_MAX_TEXT_LENGTH}. Shorten the template.` };
  }
  const body = {
    recipient: { id: message.to },
    messaging_type: config.messagingType,
    ...(config.messagingType === "MESSAGE_TAG" ? { tag: "POST_PURCHASE_UPDATE" } : {}),
    message: { text: message.text },
  };
  // The Send API takes the Page token in the query string. This URL never leaves this function: failures
  // below describe themselves without it (networkFailure names only the kind of error).
  const url = `${context.baseUrl}/${config.apiVersion}/${config.pageId ?? "me"}/messages?access_token=${encodeURIComponent(credentials.pageAccessToken)}`;
  let response: Response;
  try {
    response = await context.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return networkFailure(error, context.timeoutMs);
  }

  const answer = await readJson<{ message_id?: unknown }>(response);
  if (response.ok) {
    const id = answer?.message_id;
    return { ok: true, providerMessageId: typeof id === "string" && id !== "" ? id : null, httpStatus: response.status };
  }

  const error = graphErrorOf(answer);
  const code = graphCode(error);
  const description = describeGraphError("Messenger", error, [credentials.pageAccessToken, encodeURIComponent(credentials.pageAccessToken), credentials.appSecret]) + hintFor(code, graphSubcode(error));
  if (code !== null && GRAPH_THROTTLE_CODES.has(code)) {
    return httpFailure(response, description, { retryable: true, retryAfterMs: retryAfterMs(response.headers.get("retry-after")) ?? THROTTLE_WAIT_MS });
  }
  if (code !== null && (GRAPH_TRANSIENT_CODES.has(code) || MESSENGER_TRANSIENT_CODES.has(code) || error?.is_transient === true)) {
    return httpFailure(response, description, { retryable: true });
  }
  // 10/2018278 outside the window, 100/2018001 no matching user, 551 unavailable, 190 bad token, 200
  // permissions: permanent whatever the status; unknown codes on a 5xx stay retryable by status.
  return httpFailure(response, description, code !== null && response.status < 500 ? { retryable: false } : {});
}
