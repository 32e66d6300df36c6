import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { graphRefusal } from "../whatsapp/meta-graph";
import type { MessengerConfig, MessengerCredentials } from "./settings";

/** Messenger refuses a text message over 2,000 characters. */
export const MESSENGER_MAX_TEXT_LENGTH = 2000;

/** 1200: "Temporary send message failure. Please try again later." */
const MESSENGER_TRANSIENT_CODES = new Set([1200]);

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
  // The Send API takes the Page token in the query string; no failure text ever shows the URL, and the
  // token is one of the channel's secrets in any case.
  const answer = await context.request({
    url: `${context.baseUrl}/${config.apiVersion}/${config.pageId ?? "me"}/messages?access_token=${encodeURIComponent(credentials.pageAccessToken)}`,
    json: body,
    refusal: ({ json, status }) => graphRefusal("Messenger", json, status, { transientCodes: MESSENGER_TRANSIENT_CODES, hint: hintFor }),
  });
  if (!answer.ok) return answer;
  const id = (answer.json as { message_id?: unknown } | null)?.message_id;
  return { ok: true, providerMessageId: typeof id === "string" && id !== "" ? id : null, httpStatus: answer.status };
}
