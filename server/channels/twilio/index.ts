import type { ChannelProvider, DeliveryUpdate, OutboundMessage, SendContext, SendResult, StatusCallbackRequest } from "../channel-provider";
import type { ProviderAnswer, Refusal } from "../provider-request";
import { TWILIO_API_BASE_URL, twilioConfigSchema, twilioCredentialsSchema, twilioFields, type TwilioConfig, type TwilioCredentials } from "./settings";
import { formParams, verifyTwilioSignature } from "./signature";

export type { TwilioConfig, TwilioCredentials } from "./settings";
export { TWILIO_API_BASE_URL } from "./settings";

/** Twilio refuses a Body longer than 1,600 characters (error 21617); we say so before calling. */
export const TWILIO_MAX_BODY_LENGTH = 1600;

type TwilioError = { code?: unknown; message?: unknown; more_info?: unknown; status?: unknown };

/** "Twilio error 21211: The 'To' number … is not a valid phone number. (https://www.twilio.com/docs/errors/21211)" */
function twilioRefusal({ json }: ProviderAnswer): Refusal | null {
  const error = json as TwilioError | null;
  if (typeof error?.message !== "string") return null;
  const code = typeof error.code === "number" || typeof error.code === "string" ? String(error.code) : null;
  const more = typeof error.more_info === "string" ? ` (${error.more_info})` : "";
  const description = `${code ? `Twilio error ${code}: ` : ""}${error.message}${more}`;
  // 21611: this sender's queue is full (Twilio queues up to 4 hours of messages per sender). Nothing is
  // wrong with the message, so try again once the queue has drained a little.
  if (code === "21611") return { error: description, retryable: true, retryAfterMs: 60_000 };
  // 20003 (401), 21211 bad To, 21608 unverified trial number, 21610 opted out: permanent as 4xx;
  // 20429 (429, too many concurrent requests, never processed) and 5xx: retryable.
  return { error: description };
}

async function send(message: OutboundMessage, credentials: TwilioCredentials, config: TwilioConfig, context: SendContext): Promise<SendResult> {
  if (message.text.length > TWILIO_MAX_BODY_LENGTH) {
    return {
      ok: false,
      retryable: false,
      error: `The SMS is ${message.text.length} characters; Twilio accepts at most ${TWILIO_MAX_BODY_LENGTH} (about 10 segments). Shorten the SMS template.`,
    };
  }
  const form = new URLSearchParams({ To: message.to, Body: message.text, StatusCallback: message.statusCallbackUrl });
  if (config.messagingServiceSid) form.set("MessagingServiceSid", config.messagingServiceSid);
  else if (config.from) form.set("From", config.from);

  // An API key authenticates as itself, but the account is still named in the path.
  const [user, password] = credentials.apiKeySid && credentials.apiKeySecret ? [credentials.apiKeySid, credentials.apiKeySecret] : [credentials.accountSid, credentials.authToken];
  const answer = await context.request({
    url: `${context.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages.json`,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` },
    form,
    refusal: twilioRefusal,
  });
  if (!answer.ok) return answer;
  const sid = (answer.json as { sid?: unknown } | null)?.sid;
  return { ok: true, providerMessageId: typeof sid === "string" && sid !== "" ? sid : null, httpStatus: answer.status };
}

const FINAL_STATUSES: Record<string, DeliveryUpdate["status"]> = {
  delivered: "delivered",
  read: "delivered",
  sent: "sent",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

/** Status callbacks are form posts; anything else has no parameters to sign or read. */
function callbackParams(request: StatusCallbackRequest): URLSearchParams {
  const type = request.headers.get("content-type") ?? "";
  return request.method === "POST" && type.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(request.body.toString("utf8")) : new URLSearchParams();
}

function parseStatusCallback(request: StatusCallbackRequest): DeliveryUpdate[] {
  const params = callbackParams(request);
  const sid = params.get("MessageSid") ?? params.get("SmsSid");
  const status = (params.get("MessageStatus") ?? params.get("SmsStatus") ?? "").toLowerCase();
  const mapped = FINAL_STATUSES[status];
  // queued, sending, accepted, scheduled: still on the way; the next callback will say more.
  if (!sid || !mapped) return [];
  if (mapped !== "failed") return [{ providerMessageId: sid, status: mapped }];
  const code = params.get("ErrorCode");
  const reason = code ? `Twilio error ${code}` : `Twilio status ${status}`;
  return [{ providerMessageId: sid, status: "failed", reason }];
}

export const twilioProvider: ChannelProvider<TwilioCredentials, TwilioConfig> = {
  id: "twilio",
  name: "Twilio SMS",
  kind: "sms",
  description: "Sends order confirmation text messages through Twilio Programmable Messaging and tracks their delivery.",
  docsUrl: "https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource",
  recipient: "phone",
  defaultBaseUrl: TWILIO_API_BASE_URL,
  credentialsSchema: twilioCredentialsSchema,
  configSchema: twilioConfigSchema,
  fields: twilioFields,
  // Twilio sends 1 message segment per second from a US/Canada long-code number by default and queues the
  // rest. One request at a time at that pace keeps our order and Twilio's queue short; a Messaging Service
  // with a number pool, a short code or a toll-free number can be raised in the channel settings.
  defaultRatePerSecond: 1,
  defaultConcurrency: 1,
  send,
  verifyStatusCallback(request, credentials) {
    return verifyTwilioSignature(request.headers.get("x-twilio-signature"), request.url, formParams(callbackParams(request)), credentials.authToken);
  },
  parseStatusCallback,
  statusCallbackResponse: { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>', contentType: "text/xml" },
};
