import type { OutboundMessage, SendContext, SendResult } from "../channel-provider";
import { httpFailure, networkFailure, readJson, retryAfterMs } from "../http-failure";
import { describeGraphError, GRAPH_THROTTLE_CODES, GRAPH_TRANSIENT_CODES, graphCode, graphErrorOf } from "./meta-graph";
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
const DEFAULT_THROTTLE_WAIT_MS = 60_000;

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
  // WhatsApp echoes this in every status webhook for the message; it has no idempotency key.
  const base = { messaging_product: "whatsapp", recipient_type: "individual", to, biz_opaque_callback_data: message.idempotencyKey.slice(0, 512) };

  if (config.mode === "text") {
    if (message.text.length > WHATSAPP_MAX_TEXT_LENGTH) {
      return { ok: false, error: `The message is ${message.text.length} characters; WhatsApp accepts at most ${WHATSAPP_MAX_TEXT_LENGTH}. Shorten the template.` };
    }
    return { ok: true, body: { ...base, type: "text", text: { preview_url: false, body: message.text } } };
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
    language: { code: chosen.languageCode },
    ...(parameters.length ? { components: [{ type: "body", parameters }] } : {}),
  };
  return { ok: true, body: { ...base, type: "template", template } };
}

export async function sendWhatsApp(message: OutboundMessage, credentials: WhatsAppCredentials, config: WhatsAppConfig, context: SendContext): Promise<SendResult> {
  const built = whatsappRequestBody(message, config);
  if (!built.ok) return { ok: false, retryable: false, error: built.error };

  let response: Response;
  try {
    response = await context.fetch(`${context.baseUrl}/${config.apiVersion}/${encodeURIComponent(config.phoneNumberId)}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${credentials.accessToken}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(built.body),
    });
  } catch (error) {
    return networkFailure(error, context.timeoutMs);
  }

  const body = await readJson<{ messages?: Array<{ id?: unknown }> }>(response);
  if (response.ok) {
    const id = body?.messages?.[0]?.id;
    return { ok: true, providerMessageId: typeof id === "string" && id !== "" ? id : null, httpStatus: response.status };
  }

  const error = graphErrorOf(body);
  const description = describeGraphError("WhatsApp", error, [credentials.accessToken, credentials.appSecret]);
  const code = graphCode(error);
  // Trust the code, not the status: Meta answers throttling with 400 as often as with 429.
  if (code !== null && GRAPH_THROTTLE_CODES.has(code)) {
    const wait = retryAfterMs(response.headers.get("retry-after")) ?? THROTTLE_WAIT_MS[code] ?? DEFAULT_THROTTLE_WAIT_MS;
    return httpFailure(response, description, { retryable: true, retryAfterMs: wait });
  }
  if (code !== null && (GRAPH_TRANSIENT_CODES.has(code) || WHATSAPP_TRANSIENT_CODES.has(code) || error?.is_transient === true)) {
    return httpFailure(response, description, { retryable: true });
  }
  // 131047 outside the 24 h window, 132000/132001 template parameters/name, 190 token, 131026 undeliverable,
  // 100 invalid parameter, 131030 number not on the test list, 10/200 permissions: the same request fails
  // again, so permanent, whatever the status. Unknown codes on a 5xx stay retryable by status.
  return httpFailure(response, description, code !== null && response.status < 500 ? { retryable: false } : {});
}
