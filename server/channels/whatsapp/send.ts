import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { graphRefusal } from "./meta-graph";
import type { WhatsAppConfig, WhatsAppCredentials } from "./settings";

/** WhatsApp refuses a text body over 4,096 characters. */
export const WHATSAPP_MAX_TEXT_LENGTH = 4096;

/**
 * WhatsApp's own retryable codes: 131000 "something went wrong", 131016 service unavailable, 133004 server
 * temporarily unavailable. With the Graph-wide ones in meta-graph.ts.
 */
const WHATSAPP_TRANSIENT_CODES = new Set([131000, 131016, 133004]);

/**
 * Meta sends no Retry-After. How long a throttled send should wait, from what each limit measures:
 * 131056 allows one message every 6 s to the same customer; 130429 is the number's per-second throughput;
 * 80007 (WhatsApp Business Account) and 4/17/32/613 (app, user, page) count over an hour.
 */
const THROTTLE_WAIT_MS: Record<number, number> = { 130429: 5_000, 131056: 6_000 };

type Built = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

/** E.164 without the "+": WhatsApp's `to` is the number's digits. */
export function whatsappNumber(to: string): string | null {
  const digits = to.replace(/[\s().-]/g, "").replace(/^\+/, "").replace(/^00/, "");
  return /^[1-9]\d{6,14}$/.test(digits) ? digits : null;
}

/**
 * Template parameters may not hold newlines or tabs, nor more than four spaces in a row (WhatsApp error
 * 132000/100): fold them so an address or a two-line value still fits.
 */
function parameterText(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").replace(/ {4,}/g, "   ").trim();
}

export function whatsappRequestBody(message: OutboundMessage, config: WhatsAppConfig): Built {
  const to = whatsappNumber(message.to);
  if (!to) return { ok: false, error: `"${message.to}" is not a phone number in E.164 form (+ country code and number), which WhatsApp needs.` };
  // Exactly the properties the official description allows (message-schema.ts): it has no idempotency
  // key, and no top-level tracking field for messages.
  const base = { messaging_product: "whatsapp", recipient_type: "individual", to };

  if (config.mode === "text") {
    if (message.text.length > WHATSAPP_MAX_TEXT_LENGTH) {
      return { ok: false, error: `The message is ${message.text.length} characters; WhatsApp accepts at most ${WHATSAPP_MAX_TEXT_LENGTH}. Shorten the template.` };
    }
    return { ok: true, body: { ...base, type: "text", text: { body: message.text } } };
  }

  // The message's own template (set in the template editor) wins over the channel's default.
  const chosen = message.providerTemplate ?? { name: config.templateName, languageCode: config.languageCode, bodyParameters: config.bodyParameters };
  if (!chosen.name) return { ok: false, error: "No approved WhatsApp template is set for this message: choose one on the template or the channel." };
  const parameters: Array<{ type: "text"; text: string }> = [];
  for (const name of chosen.bodyParameters) {
    const value = message.variables[name];
    if (value === undefined) return { ok: false, error: `The WhatsApp template parameter "${name}" is not a known variable of this message: fix the channel's body parameters.` };
    const text = parameterText(value);
    if (text === "") return { ok: false, error: `The WhatsApp template parameter "${name}" is empty for this order, and WhatsApp refuses empty parameters.` };
    parameters.push({ type: "text", text });
  }
  const template = {
    name: chosen.name,
    // "deterministic" is the only language policy the description allows, and it is required.
    language: { policy: "deterministic", code: chosen.languageCode },
    ...(parameters.length ? { components: [{ type: "body", parameters }] } : {}),
  };
  return { ok: true, body: { ...base, type: "template", template } };
}

export async function sendWhatsApp(message: OutboundMessage, credentials: WhatsAppCredentials, config: WhatsAppConfig, context: SendContext): Promise<SendResult> {
  const built = whatsappRequestBody(message, config);
  if (!built.ok) return { ok: false, retryable: false, error: built.error };
  const answer = await context.request({
    url: `${context.baseUrl}/${config.apiVersion}/${encodeURIComponent(config.phoneNumberId)}/messages`,
    headers: { authorization: `Bearer ${credentials.accessToken}` },
    json: built.body,
    // A body that is not a Graph error (a proxy's page) is reported with its status and an excerpt.
    refusal: ({ json, status }) => graphRefusal("WhatsApp", json, status, { transientCodes: WHATSAPP_TRANSIENT_CODES, throttleWaitMs: THROTTLE_WAIT_MS }),
  });
  if (!answer.ok) return answer;
  const id = (answer.json as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id;
  return { ok: true, providerMessageId: typeof id === "string" && id !== "" ? id : null, httpStatus: answer.status };
}
